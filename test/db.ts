import { randomBytes } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { createDb, type Db } from '../db/client.ts';
import { TEMPLATE_DATABASE, withDatabase } from './database-url.ts';

/**
 * A fresh, migrated database of its own for the calling test file, copied from the template
 * that the global setup migrated; dropped after the file's tests.
 */
export async function createTestDatabase(): Promise<{ db: Db; url: string }> {
  const serverUrl = inject('databaseUrl');
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = createDb(serverUrl, { max: 1 });
  await admin.unsafe(`create database ${name} template ${TEMPLATE_DATABASE}`);
  const url = withDatabase(serverUrl, name);
  const db = createDb(url, { max: 5 });
  afterAll(async () => {
    await db.end();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });
  return { db, url };
}
