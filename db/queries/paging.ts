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

/**
 * Runs a list's statements with plans made for the words searched, when there are some. After five runs of a
 * prepared statement Postgres may keep its generic plan, made without the pattern, which cannot weigh a trigram
 * search: « lefevre » among 2 M gifts took 35 ms on it, 5 ms planned for the word (bench:lists). Within a caller's
 * transaction the setting lasts until that transaction ends.
 */
export async function plannedForSearch<T>(db: Tx, search: string | undefined, run: (db: Tx) => Promise<T>) {
  if (!search) return await run(db);
  const planned = async (tx: Tx) => {
    await tx`select set_config('plan_cache_mode', 'force_custom_plan', true)`;
    return await run(tx);
  };
  return 'begin' in db ? ((await db.begin(planned)) as T) : await planned(db);
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
