import type { Tx } from '../client.ts';

/**
 * SQL condition: one of the columns contains the searched text, ignoring accents and case (« jaures » finds
 * « Jaurès »); `%` and `_` are taken as themselves.
 */
export function containsText(db: Tx, columns: readonly string[], q: string) {
  const pattern = `%${q.replace(/[\\%_]/g, '\\$&')}%`;
  const tests = columns.map((column) => db`public_unaccent(${db(column)}) ilike public_unaccent(${pattern})`);
  return db`(${tests.slice(1).reduce((any, test) => db`${any} or ${test}`, tests[0]!)})`;
}
