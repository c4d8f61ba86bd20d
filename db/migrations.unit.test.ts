import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// db/migration-checksums.sha256 holds `sha256sum` lines of every migration as shipped; a new migration appends its
// line (`cd db/migrations && sha256sum 000NN_<topic>/index.sql >> ../migration-checksums.sha256`).
const MIGRATIONS = new URL('./migrations/', import.meta.url);
const MANIFEST = new URL('./migration-checksums.sha256', import.meta.url);

const sha256 = (path: string) =>
  createHash('sha256')
    .update(readFileSync(new URL(path, MIGRATIONS)))
    .digest('hex');

const manifest = new Map(
  readFileSync(MANIFEST, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [hash, path] = line.split(/\s+\*?/);
      return [path ?? '', hash ?? ''] as const;
    }),
);

const migrations = readdirSync(MIGRATIONS)
  .filter((name) => /^\d{5}_/.test(name))
  .sort()
  .map((name) => `${name}/index.sql`);

describe('migrations already shipped', () => {
  it('keep the content they were applied with (a change goes into a new migration)', () => {
    const changed = [...manifest].filter(([path, hash]) => sha256(path) !== hash).map(([path]) => path);
    expect(changed).toEqual([]);
  });

  it('are all listed in the checksum manifest, in order, and none of them was removed', () => {
    expect([...manifest.keys()]).toEqual(migrations);
  });
});
