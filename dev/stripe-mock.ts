import { startProcess, waitForPort, type Running } from './processes.ts';

/** Starts stripe-mock, Stripe's own API mock, over plain HTTP. */
export async function startStripeMock(options: {
  binary: string;
  port: number;
  logFile: string;
}): Promise<Running & { url: string }> {
  // its HTTPS side (unused) would take port 12112 and collide with another stack: let the system pick one
  const address = ['-http-addr', `127.0.0.1:${options.port}`, '-https-addr', '127.0.0.1:'];
  const running = startProcess('stripe-mock', options.binary, address, { logFile: options.logFile });
  await waitForPort(options.port, 'stripe-mock');
  return { ...running, url: `http://127.0.0.1:${options.port}` };
}
