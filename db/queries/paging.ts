import type postgres from 'postgres';
import type { Tx } from '../client.ts';

/** A piece of SQL built with the tagged template, to embed in a larger query. */
export type Fragment = postgres.PendingQuery<postgres.Row[]>;

/** What a list query takes: a page and a sort field already checked against the list's allow-list. */
export interface PageRequest<Sort extends string> {
  offset: number;
  limit: number;
  sort: Sort;
  descending: boolean;
}

/** A page of rows and the total number of matching rows (capped at LIST_ROW_CAP by the big lists). */
export interface Page<T> {
  data: T[];
  total: number;
}

/**
 * How far the big lists (projects, donations) count and page: beyond, a total says this many and no page is
 * served (narrow the filters instead), so neither a count nor an OFFSET walks millions of rows.
 */
export const LIST_ROW_CAP = 1_000;

/** The number of rows a query (without its order and page) selects, counting no further than LIST_ROW_CAP. */
export async function cappedCount(db: Tx, rows: Fragment): Promise<number> {
  const [count] = await db<{ total: number }[]>`
    select count(*)::int as total from (${rows} limit ${LIST_ROW_CAP}) counted`;
  return count?.total ?? 0;
}

/** An `order by` fragment for an allow-listed column, with the id as tie-breaker for stable pages. */
export function orderBy(db: Tx, column: string, descending: boolean, tieBreaker: string) {
  return db`order by ${db(column)} ${descending ? db`desc` : db`asc`}, ${db(tieBreaker)}`;
}

/** Joins optional `where` conditions with `and`; no condition gives an empty fragment. */
export function whereAll(db: Tx, conditions: Fragment[]): Fragment {
  if (conditions.length === 0) return db``;
  return conditions.slice(1).reduce((all, condition) => db`${all} and ${condition}`, db`where ${conditions[0]!}`);
}
