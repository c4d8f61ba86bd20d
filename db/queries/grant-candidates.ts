import { loosestTopUpBounds, type TopUpBounds } from '../../domain/funds/sweep.ts';
import type { Fund, GrantKind, ProjectFacts } from '../../domain/funds/types.ts';
import type { Tx } from '../client.ts';
import { selectProjectFacts } from './grants.ts';
import { whereAll, type Fragment } from './paging.ts';

// The engine (domain/funds) decides every grant; these queries only narrow, in SQL, the projects it has to
// read to those it could accept, so that its cost follows the candidates and not the whole platform.

/** The fund's restrictions as SQL over `projects p join schools s` (an empty restriction adds nothing). */
function matchesRestrictions(db: Tx, fund: Fund): Fragment[] {
  const { themes, academies, departements, levels, prioritySchoolsOnly } = fund.restrictions;
  return [
    ...(themes.length > 0 ? [db`p.theme = any(${themes}::text[])`] : []),
    ...(academies.length > 0 ? [db`s.academy_code = any(${academies}::text[])`] : []),
    ...(departements.length > 0 ? [db`s.departement = any(${departements}::text[])`] : []),
    ...(levels.length > 0 ? [db`p.levels && ${levels}::text[]`] : []),
    ...(prioritySchoolsOnly ? [db`(s.priority_education <> 'none' or s.rural)`] : []),
  ];
}

/** Collecting projects ending within the days bound (the partial index on their deadlines serves it). */
const endingWithin = (db: Tx, days: number) =>
  db`(p.campaign_ends_at <= now() + make_interval(days => ${days}) or p.campaign_ends_at is null)`;

/** The money part of the top-up trigger, over the facts' columns. */
const topUpMoneyHolds = (db: Tx, bounds: TopUpBounds) => db`
  where days_left <= ${bounds.maxDaysLeft}
    and donor_count >= ${bounds.minDonors}
    and collected_cents * 100 >= ${bounds.minThresholdPct} * minimum_goal_cents
    and collected_cents < minimum_goal_cents`;

/**
 * The facts of the collecting projects the loosest top-up trigger of the active funds lets through
 * (deadline near enough, enough donors and money, minimum not reached), by id.
 */
export async function topUpCandidates(db: Tx, bounds: TopUpBounds): Promise<ProjectFacts[]> {
  return selectProjectFacts(
    db,
    db`where p.status = 'published' and ${endingWithin(db, bounds.maxDaysLeft)}`,
    topUpMoneyHolds(db, bounds),
  );
}

/**
 * The facts of the collecting projects that could get this kind of grant from the fund: no such grant from
 * it yet, its restrictions met, and its trigger's bounds (seeding: opened while the fund was valid), by id.
 */
export async function fundCandidates(db: Tx, fund: Fund, kind: GrantKind): Promise<ProjectFacts[]> {
  const bounds = loosestTopUpBounds([fund]);
  const where = whereAll(db, [
    db`p.status = 'published'`,
    db`not exists (select 1 from grants g where g.fund_id = ${fund.id} and g.project_id = p.id and g.kind = ${kind})`,
    ...matchesRestrictions(db, fund),
    kind === 'seeding'
      ? db`p.campaign_starts_at::date between ${fund.validFrom}::date and ${fund.validUntil}::date`
      : endingWithin(db, bounds.maxDaysLeft),
  ]);
  return selectProjectFacts(db, where, kind === 'topup' ? topUpMoneyHolds(db, bounds) : db``);
}

/**
 * Locks those of the projects still collecting exclusively (as a gift's check does), all in one statement and
 * in id order, so that transactions locking overlapping sets never wait on each other in a cycle; returns their ids.
 */
export async function lockCollecting(db: Tx, projectIds: number[]): Promise<number[]> {
  const rows = await db<{ id: number }[]>`
    select id from projects where id = any(${projectIds}) and status = 'published' order by id for no key update`;
  return rows.map((row) => row.id);
}

/** The funds that already made a top-up (whatever its status) to each of these projects. */
export async function topUpFundsByProject(db: Tx, projectIds: number[]): Promise<Map<number, Set<number>>> {
  const rows = await db<{ projectId: number; fundId: number }[]>`
    select project_id, fund_id from grants where kind = 'topup' and project_id = any(${projectIds})`;
  const byProject = new Map<number, Set<number>>();
  for (const row of rows) byProject.set(row.projectId, (byProject.get(row.projectId) ?? new Set()).add(row.fundId));
  return byProject;
}
