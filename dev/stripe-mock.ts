import { startProcess, waitForPort, type Running } from './processes.ts';

/** Starts stripe-mock, Stripe's own API mock, over plain HTTP. */
export async function startStripeMock(options: {
  binary: string;
  port: number;
  logFile: string;
}): Promise<Running & { url: string }> {
  const running = startProcess('stripe-mock', options.binary, ['-http-addr', `127.0.0.1:${options.port}`], {
    logFile: options.logFile,
  });
  await waitForPort(options.port, 'stripe-mock');
  return { ...running, url: `http://127.0.0.1:${options.port}` };
}
