import type { CampaignMoney } from '../../domain/campaign.ts';
import type { Fund, GrantKind, ProjectFacts } from '../../domain/funds/types.ts';
import type { GrantExplanation } from '../../domain/funds/plan.ts';
import type { Tx } from '../client.ts';
import { fundColumns } from './funds.ts';
import { heldGiftCents } from './gift-holds.ts';
import { projectBalance } from './ledger.ts';
import type { Fragment } from './paging.ts';

/** A grant as the activities report it. */
export interface GrantSummary {
  grantId: number;
  fundId: number;
  kind: GrantKind;
  amountCents: number;
}

/** The settled states a reserved grant can move to. */
export type GrantSettlement = 'committed' | 'released';

/** The database's calendar day (YYYY-MM-DD): the day fund validity is judged on. */
export async function currentDay(db: Tx): Promise<string> {
  const [row] = await db<{ today: string }[]>`select current_date::text as today`;
  return (row as { today: string }).today;
}

/** The funds valid on that day, by id. */
export async function activeFunds(db: Tx, today: string): Promise<Fund[]> {
  return db<Fund[]>`
    select ${fundColumns(db)} from funds f where ${today}::date between f.valid_from and f.valid_until order by f.id`;
}

/**
 * Locks the funds' rows in id order (so concurrent requests queue instead of deadlocking) and returns
 * them; call inside a transaction: whoever holds a fund's lock alone may take money from it.
 */
export async function lockFunds(db: Tx, fundIds: number[]): Promise<Fund[]> {
  return db<Fund[]>`select ${fundColumns(db)} from funds f where f.id = any(${fundIds}) order by f.id for update`;
}

/** The engine's facts that do not depend on money, of `projects p join schools s` (see ProjectFacts). */
const staticFactColumns = (db: Tx) => db`
  p.id, s.priority_education, s.rural, s.ips::float8 as ips, p.theme, p.levels, s.academy_code as academy,
  s.departement, p.minimum_goal_cents, p.optimum_goal_cents,
  coalesce(greatest(0, ceil(extract(epoch from p.campaign_ends_at - now()) / 86400)), p.campaign_days)::int
    as days_left,
  p.campaign_days,
  p.status = 'published' as published, p.campaign_starts_at::date::text as published_on`;

// paid gifts from distinct donors, and the grants reserved for the project `p` (money not in its account yet)
const donorCount = (db: Tx) => db`
  (select count(distinct d.donor_email) from donations d where d.project_id = p.id and d.status = 'paid')::int`;
/** The grants still reserved for the project `p`. */
export const reservedGrantCents = (db: Tx) => db`
  coalesce((select sum(g.amount_cents) from grants g where g.project_id = p.id and g.status = 'reserved'), 0)`;

/**
 * The engine's facts that depend on money, of `projects p`, read in one statement: paid gifts and reserved grants,
 * the gifts being paid, distinct donors.
 */
const moneyFactColumns = (db: Tx) => db`
  (${projectBalance(db)} + ${reservedGrantCents(db)})::bigint as collected_cents,
  ${heldGiftCents(db)}::bigint as held_cents, ${donorCount(db)} as donor_count`;

/** What the lifecycle workflow knows of a campaign's money. */
export interface CampaignProgress extends CampaignMoney {
  donorCount: number;
}

/** A campaign's money: its account's balance, its distinct paid donors and the grants still reserved for it. */
export async function findCampaignProgress(db: Tx, projectId: number): Promise<CampaignProgress> {
  const [row] = await db<CampaignProgress[]>`
    select ${projectBalance(db)} as collected_cents, ${donorCount(db)} as donor_count,
           ${reservedGrantCents(db)}::bigint as reserved_grant_cents
    from projects p where p.id = ${projectId}`;
  return row ?? { collectedCents: 0, donorCount: 0, reservedGrantCents: 0 };
}

/**
 * The engine's facts of the projects that `where` selects over `projects p join schools s`, by id; `having`
 * then filters on the facts themselves (e.g. `where collected_cents < minimum_goal_cents`).
 */
export function selectProjectFacts(db: Tx, where: Fragment, having: Fragment = db``) {
  return db<ProjectFacts[]>`
    select * from (
      select ${staticFactColumns(db)}, ${moneyFactColumns(db)}
      from projects p join schools s on s.uai = p.school_uai ${where}
    ) facts
    ${having}
    order by id`;
}

/** The engine's facts about these projects (money from the ledger plus reserved grants), by id. */
export async function projectFacts(db: Tx, projectIds: number[]): Promise<ProjectFacts[]> {
  return selectProjectFacts(db, db`where p.id = any(${projectIds})`);
}

/** The project's grants, by id; of one kind and status when asked. */
export async function grantsOfProject(
  db: Tx,
  projectId: number,
  filter: { kind?: GrantKind; statuses?: string[] } = {},
): Promise<GrantSummary[]> {
  return db<GrantSummary[]>`
    select id as grant_id, fund_id, kind, amount_cents from grants
    where project_id = ${projectId}
      ${filter.kind ? db`and kind = ${filter.kind}` : db``}
      ${filter.statuses ? db`and status = any(${filter.statuses})` : db``}
    order by id`;
}

/** Moves the project's reserved grants to the settled state and returns those it moved (each once). */
export async function settleReservedGrants(db: Tx, projectId: number, to: GrantSettlement): Promise<GrantSummary[]> {
  return db<GrantSummary[]>`
    update grants set status = ${to}, settled_at = now()
    where project_id = ${projectId} and status = 'reserved'
    returning id as grant_id, fund_id, kind, amount_cents`;
}

/** A reserved grant as written, with the project it went to. */
export interface InsertedGrant extends GrantSummary {
  projectId: number;
}

// a few hundred explanations (about 8 kB each) per statement: one huge JSON parameter is slower to parse
const GRANTS_PER_STATEMENT = 500;

/**
 * Records reserved grants in the given order (ids follow it), a few statements in all, each once per fund,
 * project and kind; returns those written (a grant that already existed is left out).
 */
export async function insertGrants(
  db: Tx,
  grants: { fundId: number; projectId: number; kind: GrantKind; amountCents: number; explanation: GrantExplanation }[],
): Promise<InsertedGrant[]> {
  const inserted: InsertedGrant[] = [];
  for (let start = 0; start < grants.length; start += GRANTS_PER_STATEMENT) {
    const rows = grants.slice(start, start + GRANTS_PER_STATEMENT).map((grant) => ({
      fund_id: grant.fundId,
      project_id: grant.projectId,
      kind: grant.kind,
      amount_cents: grant.amountCents,
      explanation: grant.explanation,
    }));
    inserted.push(
      ...(await db<InsertedGrant[]>`
        insert into grants (fund_id, project_id, kind, amount_cents, explanation)
        select fund_id, project_id, kind, amount_cents, explanation
        from jsonb_to_recordset(${db.json(rows as never)})
          as x(fund_id bigint, project_id bigint, kind text, amount_cents bigint, explanation jsonb)
        on conflict (fund_id, project_id, kind) do nothing
        returning id as grant_id, fund_id, project_id, kind, amount_cents`),
    );
  }
  return inserted;
}
