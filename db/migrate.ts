import { fileURLToPath } from 'node:url';
import shift from 'postgres-shift';
import { createDb } from './client.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));
// any constant shared by every process that migrates
const MIGRATION_LOCK = 7_241_001;

/** Applies the pending numbered migrations, one process at a time; returns the names applied. */
export async function migrate(databaseUrl: string): Promise<string[]> {
  // one connection, so the session advisory lock covers every statement of the run
  const db = createDb(databaseUrl, { max: 1 });
  const applied: string[] = [];
  try {
    await db`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await shift({
      sql: db as never,
      path: MIGRATIONS_DIR,
      after: ({ name }: { name: string }) => applied.push(name),
    });
    return applied;
  } finally {
    await db.end();
  }
}
