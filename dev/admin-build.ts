import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './stack.ts';

function newestChange(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
  }, 0);
}

/** Builds the admin SPA into admin/dist unless the build is newer than its sources. */
export function buildAdminIfStale(): void {
  const built = join(ROOT, 'admin/dist/index.html');
  const sources = Math.max(newestChange(join(ROOT, 'admin/src')), newestChange(join(ROOT, 'domain')));
  if (existsSync(built) && statSync(built).mtimeMs > sources) return;
  console.log('Building the admin UI…');
  const result = spawnSync('npx', ['vite', 'build', '--config', 'admin/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('The admin UI did not build; see the errors above.');
}
