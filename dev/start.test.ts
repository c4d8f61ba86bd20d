import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/db.ts';
import { freePort, isPortOpen, startProcess } from './processes.ts';
import { ROOT } from './stack.ts';

// `npm start` itself, on free ports and the test Postgres: a killed child comes back, SIGTERM stops everything.
const { url } = await createTestDatabase();
const dataDir = `${ROOT}.data/start-test-${randomBytes(4).toString('hex')}`;
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm start', () => {
  it('restarts a killed worker, saying so, and stops every process on SIGTERM', async () => {
    const ports = {
      API_PORT: await freePort(),
      TEMPORAL_PORT: await freePort(),
      TEMPORAL_UI_PORT: await freePort(),
      STRIPE_MOCK_PORT: await freePort(),
      SMTP_PORT: await freePort(),
      MAIL_UI_PORT: await freePort(),
    };
    const logFile = `${dataDir}/npm-start.log`;
    const env = { ...Object.fromEntries(Object.entries(ports).map(([name, port]) => [name, String(port)])) };
    const { child: npm } = startProcess('npm start', 'npm', ['start'], {
      cwd: ROOT,
      env: { ...env, DATABASE_URL: url, DATA_DIR: dataDir },
      logFile,
    });
    const exited = new Promise((resolve) => npm.once('exit', resolve));
    let output = '';
    const read = () => (output = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
    const seen = (pattern: RegExp, timeout: number) => expect.poll(read, { timeout, interval: 200 }).toMatch(pattern);
    const pidOf = (pattern: RegExp) => Number(pattern.exec(output)?.[1]);
    try {
      await seen(/Trousse à Projets is running/, 200_000);
      const worker = pidOf(/worker started \(pid (\d+)\)/);
      const api = pidOf(/api started \(pid (\d+)\)/);
      expect(alive(worker) && alive(api)).toBe(true);

      process.kill(worker, 'SIGKILL');
      await seen(/worker exited \(SIGKILL\); restarting in 1 s/, 30_000);
      await seen(/worker restarted \(pid \d+\)/, 30_000);
      const restarted = pidOf(/worker restarted \(pid (\d+)\)/);
      expect(restarted).not.toBe(worker);
      expect(alive(restarted)).toBe(true);

      npm.kill('SIGTERM');
      await exited;
      expect(read()).toContain('Everything stopped.');
      expect([alive(restarted), alive(api)]).toEqual([false, false]);
      const open = await Promise.all(Object.values(ports).map((port) => isPortOpen(port)));
      expect(open).toEqual(Object.values(ports).map(() => false));
    } finally {
      if (npm.exitCode === null) npm.kill('SIGKILL');
    }
  }, 300_000);
});
