import type { Tx } from '../client.ts';
import { orderBy, type Page, type PageRequest } from './paging.ts';

/** A fund with its balances, derived from the ledger. */
export interface FundRow {
  id: number;
  name: string;
  sponsorName: string;
  budgetCents: number;
  availableCents: number;
  reservedCents: number;
  validFrom: string;
  validUntil: string;
  isGeneralSolidarity: boolean;
}

const FUND_SORTS = { id: 'f.id', name: 'f.name', validUntil: 'f.valid_until' } as const;
export type FundSort = keyof typeof FUND_SORTS;
export const FUND_SORT_FIELDS = Object.keys(FUND_SORTS) as FundSort[];

const select = (db: Tx) => db`
  select f.id, f.name, f.sponsor_name, f.budget_cents, f.valid_from::text, f.valid_until::text,
         f.is_general_solidarity,
         coalesce((select sum(b.balance_cents) from ledger_balances b
                   where b.fund_id = f.id and b.kind = 'fund_available'), 0)::bigint as available_cents,
         coalesce((select sum(b.balance_cents) from ledger_balances b
                   where b.fund_id = f.id and b.kind = 'fund_reserved'), 0)::bigint as reserved_cents
  from funds f`;

/** A page of funds, optionally only those whose ids are given (a mécène sees their own). */
export async function listFunds(
  db: Tx,
  options: PageRequest<FundSort> & { onlyIds?: number[] },
): Promise<Page<FundRow>> {
  const where = options.onlyIds ? db`where f.id = any(${options.onlyIds})` : db``;
  const data = await db<FundRow[]>`
    ${select(db)} ${where} ${orderBy(db, FUND_SORTS[options.sort], options.descending, 'f.id')}
    limit ${options.limit} offset ${options.offset}`;
  const [count] = await db<{ total: number }[]>`select count(*)::int as total from funds f ${where}`;
  return { data, total: count?.total ?? 0 };
}

/** One fund by id. */
export async function findFund(db: Tx, id: number): Promise<FundRow | undefined> {
  const [row] = await db<FundRow[]>`${select(db)} where f.id = ${id}`;
  return row;
}
