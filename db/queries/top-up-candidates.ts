import type { TopUpBounds } from '../../domain/funds/sweep.ts';
import type { ProjectFacts } from '../../domain/funds/types.ts';
import type { Tx } from '../client.ts';
import { moneyFactColumns, staticFactColumns } from './grants.ts';

/**
 * The facts of the collecting projects the loosest trigger lets through (deadline near enough, enough
 * donors and money, minimum not reached), by id. Only a project ending within the days bound is read,
 * through the partial index on collecting projects' deadlines, so the cost follows the deadlines' window.
 */
export async function topUpCandidates(db: Tx, bounds: TopUpBounds): Promise<ProjectFacts[]> {
  return db<ProjectFacts[]>`
    select * from (
      select ${staticFactColumns(db)}, ${moneyFactColumns(db)}
      from projects p join schools s on s.uai = p.school_uai
      where p.status = 'published'
        and (p.campaign_ends_at <= now() + make_interval(days => ${bounds.maxDaysLeft})
             or p.campaign_ends_at is null)
    ) facts
    where days_left <= ${bounds.maxDaysLeft}
      and donor_count >= ${bounds.minDonors}
      and collected_cents * 100 >= ${bounds.minThresholdPct} * minimum_goal_cents
      and collected_cents < minimum_goal_cents
    order by id`;
}

/** Share-locks those of the projects still collecting, in id order, and returns their ids. */
export async function lockCollecting(db: Tx, projectIds: number[]): Promise<number[]> {
  const rows = await db<{ id: number }[]>`
    select id from projects where id = any(${projectIds}) and status = 'published' order by id for share`;
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
