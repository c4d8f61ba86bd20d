import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.ts';
import type { Tx } from '../client.ts';
import { plannedForSearch } from './paging.ts';

const { db } = await createTestDatabase();

const planMode = async (tx: Tx) => {
  const [row] = await tx<{ mode: string }[]>`select current_setting('plan_cache_mode') as mode`;
  return row!.mode;
};

describe('a list searched for words', () => {
  it('is planned for those words, and only while it runs', async () => {
    expect(await plannedForSearch(db, 'lefevre', planMode)).toBe('force_custom_plan');
    expect(await plannedForSearch(db, undefined, planMode)).toBe('auto');
    expect(await plannedForSearch(db, '', planMode)).toBe('auto');
    // every connection of the pool is back to the server's choice
    const modes = await Promise.all(
      Array.from({ length: 10 }, () =>
        db.reserve().then(async (connection) => {
          try {
            return await planMode(connection as unknown as Tx);
          } finally {
            connection.release();
          }
        }),
      ),
    );
    expect(new Set(modes)).toEqual(new Set(['auto']));
  });

  it('is planned for those words within a transaction of its caller too', async () => {
    const mode = await db.begin((tx) => plannedForSearch(tx, 'durand', planMode));
    expect(mode).toBe('force_custom_plan');
  });
});
