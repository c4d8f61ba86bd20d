import type { Fund } from '../../domain/funds/types.ts';
import type { Tx } from '../client.ts';
import { accountBalance, accounts, postMovement } from './ledger.ts';
import { orderBy, whereAll, type Page, type PageRequest } from './paging.ts';
import { containsText } from './search.ts';

/** A new fund as an admin describes it: its sponsor's budget, validity window, restrictions and rules. */
export interface NewFund extends Omit<Fund, 'id'> {
  sponsorName: string;
  budgetCents: number;
}

/** A fund with its balances, from the flows kept from its ledger lines. */
export interface FundRow extends Fund, NewFund {
  availableCents: number;
  reservedCents: number;
  /** Grants committed to projects that succeeded: money that left the fund for good. */
  committedCents: number;
}

const FUND_SORTS = { id: 'f.id', name: 'f.name', validUntil: 'f.valid_until' } as const;
export type FundSort = keyof typeof FUND_SORTS;
export const FUND_SORT_FIELDS = Object.keys(FUND_SORTS) as FundSort[];

const fundBalance = (db: Tx, account: 'available' | 'reserved') =>
  accountBalance(db, db`'fund:' || f.id || ${`:${account}`}`);

/** The columns of `funds f` that make a domain Fund (see domain/funds/types.ts). */
export const fundColumns = (db: Tx) => db`
  f.id, f.name, f.valid_from::text, f.valid_until::text, f.is_general_solidarity,
  json_build_object('themes', f.themes, 'academies', f.academies, 'departements', f.departements,
                    'levels', f.levels, 'prioritySchoolsOnly', f.priority_schools_only) as restrictions,
  json_build_object('seedingShareBp', f.seeding_share_bp, 'seedingCapCents', f.seeding_cap_cents,
                    'topUpThresholdPct', f.topup_threshold_pct, 'topUpMinDonors', f.topup_min_donors,
                    'topUpDaysLeft', f.topup_days_left, 'topUpCapCents', f.topup_cap_cents) as rules`;

const select = (db: Tx) => db`
  select ${fundColumns(db)}, f.sponsor_name, f.budget_cents,
         ${fundBalance(db, 'available')} as available_cents,
         ${fundBalance(db, 'reserved')} as reserved_cents,
         coalesce((select -sum(l.amount_cents) from ledger_accounts a
                   join ledger_account_flows l on l.account_id = a.id
                   where a.code = 'fund:' || f.id || ':reserved' and l.transaction_kind = 'grant_committed'), 0)::bigint
           as committed_cents
  from funds f`;

/** A page of funds, optionally only those whose ids are given (a mécène sees their own) or searched by name. */
export async function listFunds(
  db: Tx,
  options: PageRequest<FundSort> & { onlyIds?: number[]; q?: string },
): Promise<Page<FundRow>> {
  const where = whereAll(db, [
    ...(options.onlyIds ? [db`f.id = any(${options.onlyIds})`] : []),
    ...(options.q ? [containsText(db, ['f.name', 'f.sponsor_name'], options.q)] : []),
  ]);
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

/**
 * Creates a fund and posts its endowment, the whole budget from `sponsor:<id>:contributions` to
 * `fund:<id>:available`; returns its id. Call inside a transaction so both commit together.
 */
export async function createFund(db: Tx, fund: NewFund): Promise<number> {
  const { restrictions: r, rules } = fund;
  const [row] = await db<{ id: number }[]>`
    insert into funds (name, sponsor_name, budget_cents, valid_from, valid_until, is_general_solidarity, themes,
                       academies, departements, levels, priority_schools_only, seeding_share_bp, seeding_cap_cents,
                       topup_threshold_pct, topup_min_donors, topup_days_left, topup_cap_cents)
    values (${fund.name}, ${fund.sponsorName}, ${fund.budgetCents}, ${fund.validFrom}, ${fund.validUntil},
            ${fund.isGeneralSolidarity}, ${r.themes}::text[], ${r.academies}::text[], ${r.departements}::text[],
            ${r.levels}::text[], ${r.prioritySchoolsOnly}, ${rules.seedingShareBp}, ${rules.seedingCapCents},
            ${rules.topUpThresholdPct}, ${rules.topUpMinDonors}, ${rules.topUpDaysLeft}, ${rules.topUpCapCents})
    returning id`;
  const id = (row as { id: number }).id;
  if (fund.budgetCents > 0) {
    await postMovement(db, {
      kind: 'fund_endowment',
      idempotencyKey: `fund-endowment-${id}`,
      description: `Dotation du fonds « ${fund.name} » par ${fund.sponsorName}`,
      lines: [
        { account: accounts.sponsorContributions(id), amountCents: -fund.budgetCents },
        { account: accounts.fundAvailable(id), amountCents: fund.budgetCents },
      ],
    });
  }
  return id;
}

/** A fund's terms an admin may change: all but its budget, which the ledger holds. */
export type FundTerms = Omit<NewFund, 'budgetCents'>;

/** Changes a fund's name, sponsor, validity, restrictions and rules; false when there is no such fund. */
export async function updateFund(db: Tx, id: number, fund: FundTerms): Promise<boolean> {
  const { restrictions: r, rules } = fund;
  const rows = await db`
    update funds set name = ${fund.name}, sponsor_name = ${fund.sponsorName}, valid_from = ${fund.validFrom},
      valid_until = ${fund.validUntil}, is_general_solidarity = ${fund.isGeneralSolidarity},
      themes = ${r.themes}::text[], academies = ${r.academies}::text[], departements = ${r.departements}::text[],
      levels = ${r.levels}::text[], priority_schools_only = ${r.prioritySchoolsOnly},
      seeding_share_bp = ${rules.seedingShareBp}, seeding_cap_cents = ${rules.seedingCapCents},
      topup_threshold_pct = ${rules.topUpThresholdPct}, topup_min_donors = ${rules.topUpMinDonors},
      topup_days_left = ${rules.topUpDaysLeft}, topup_cap_cents = ${rules.topUpCapCents}
    where id = ${id}`;
  return rows.count === 1;
}

/** The académie codes among these that do not exist. */
export async function unknownAcademies(db: Tx, codes: string[]): Promise<string[]> {
  const rows = await db<{ code: string }[]>`
    select code from unnest(${codes}::text[]) as code where code not in (select code from academies)`;
  return rows.map((row) => row.code);
}

/** The id of the general solidarity fund, which receives redirected donations (the oldest if several). */
export async function findGeneralSolidarityFundId(db: Tx): Promise<number | undefined> {
  const [row] = await db<{ id: number }[]>`
    select id from funds where is_general_solidarity order by id limit 1`;
  return row?.id;
}
