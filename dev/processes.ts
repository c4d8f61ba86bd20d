import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import net from 'node:net';
import { dirname } from 'node:path';

/** A started part of the local stack and how to stop it. */
export interface Running {
  name: string;
  stop(): Promise<void>;
}

/** Throws a readable error when a port is already taken. */
export async function assertPortFree(port: number, what: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', () =>
      reject(
        new Error(
          `Port ${port} (${what}) is already in use. Stop the program using it (\`lsof -i :${port}\`) ` +
            `or choose another port with the matching *_PORT variable (see README).`,
        ),
      ),
    );
    server.listen({ port, host: '127.0.0.1' }, () => server.close(() => resolve()));
  });
}

/** Returns a port that is free right now on the loopback interface. */
export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A port free right now on loopback below 32768 (the Temporal server stores its services' ports as smallint). */
export async function freeLowPort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (
      await assertPortFree(port, 'probe').then(
        () => true,
        () => false,
      )
    )
      return port;
  }
}

/** True when something accepts TCP connections on the loopback port right now. */
export function isPortOpen(port: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** Resolves once something accepts TCP connections on the port, or throws after the timeout. */
export async function waitForPort(port: number, what: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await isPortOpen(port)) return;
    if (Date.now() > deadline) throw new Error(`${what} did not start listening on port ${port} in time.`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

// process groups still running; killed outright if this process exits before stopping them
const liveGroups = new Set<number>();
process.once('exit', () => {
  for (const pid of liveGroups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

/** Spawns a long-running program with its output in a log file; stop() ends it and waits. */
export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: {
    env?: NodeJS.ProcessEnv;
    logFile: string;
    cwd?: string;
    /** told when the program ends without stop() (instead of the line saying so) */
    onExit?: (how: string) => void;
  },
): Running & { child: ChildProcess } {
  mkdirSync(dirname(options.logFile), { recursive: true });
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // its own process group, so stop() also ends what it spawned
    detached: true,
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  if (child.pid) liveGroups.add(child.pid);
  let stopping = false;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      liveGroups.delete(child.pid as number);
      if (!stopping && options.onExit) options.onExit(String(signal ?? code));
      else if (!stopping && code !== 0) console.error(`${name} exited (${signal ?? code}); see ${options.logFile}`);
      resolve();
    }),
  );
  return {
    name,
    child,
    async stop() {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      const pid = child.pid as number;
      process.kill(-pid, 'SIGTERM');
      const timer = setTimeout(() => {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Restart delays: 1 s, doubling up to 30 s; back to 1 s once a run has lasted a minute. */
const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;
const STEADY_MS = 60_000;

/**
 * Starts a long-running program and keeps it running: whenever it ends without stop() (crash, kill), it is
 * started again after a backoff, and the console says so. stop() ends it for good.
 */
export function superviseProcess(
  name: string,
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; logFile: string; cwd?: string },
): Running {
  let delay = FIRST_DELAY_MS;
  let timer: NodeJS.Timeout | undefined;
  let current: Running;
  const launch = (verb: string) => {
    const startedAt = Date.now();
    const onExit = (how: string) => {
      if (Date.now() - startedAt >= STEADY_MS) delay = FIRST_DELAY_MS;
      console.error(`${name} exited (${how}); restarting in ${delay / 1000} s (see ${options.logFile})`);
      timer = setTimeout(() => launch('restarted'), delay);
      delay = Math.min(delay * 2, MAX_DELAY_MS);
    };
    const started = startProcess(name, command, args, { ...options, onExit });
    current = started;
    console.log(`${name} ${verb} (pid ${started.child.pid})`);
  };
  launch('started');
  return {
    name,
    async stop() {
      clearTimeout(timer);
      await current.stop();
    },
  };
}
