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

/** A page of rows and the total number of matching rows. */
export interface Page<T> {
  data: T[];
  total: number;
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
