import { FAILED_CAMPAIGN, SUCCESSFUL_CAMPAIGN, type ProjectStatus } from '../../domain/project-status.ts';
import type { Tx } from '../client.ts';

/** The dashboard's figures, from the ledger and the projects. */
export interface Stats {
  /** gifts Stripe collected per month (the last 12), in cents */
  collectedByMonth: { month: string; cents: number }[];
  projectsByStatus: { status: ProjectStatus; count: number }[];
  byAcademy: {
    academyCode: string;
    academyName: string;
    succeeded: number;
    failed: number;
    /** grants (not released) and the part of them that went to REP, REP+ or rural schools */
    grantedCents: number;
    priorityGrantedCents: number;
  }[];
}

/**
 * The figures of the platform's dashboard, in three queries over the aggregates the triggers keep (monthly
 * flows, project counts and grants by académie): a few hundred rows, whatever the platform's size.
 */
export async function platformStats(db: Tx): Promise<Stats> {
  const collectedByMonth = await db<{ month: string; cents: number }[]>`
    select to_char(month, 'YYYY-MM') as month, -sum(amount_cents)::bigint as cents
    from ledger_monthly_flows
    where transaction_kind = 'donation_paid' and account_kind = 'stripe_clearing'
      and month >= (date_trunc('month', now() at time zone 'UTC') - interval '11 months')::date
    group by month having sum(amount_cents) <> 0 order by month`;
  const projectsByStatus = await db<{ status: ProjectStatus; count: number }[]>`
    select status, sum(projects)::int as count from project_status_counts
    group by status having sum(projects) > 0 order by count desc, status`;
  const byAcademy = await db<Stats['byAcademy']>`
    select a.code as academy_code, a.name as academy_name,
           coalesce(sum(c.projects) filter (where c.status = any(${SUCCESSFUL_CAMPAIGN})), 0)::int as succeeded,
           coalesce(sum(c.projects) filter (where c.status = any(${FAILED_CAMPAIGN})), 0)::int as failed,
           coalesce((select sum(g.granted_cents) from granted_by_academy g where g.academy_code = a.code), 0)::bigint
             as granted_cents,
           coalesce((select sum(g.granted_cents) from granted_by_academy g where g.academy_code = a.code and g.priority),
                    0)::bigint as priority_granted_cents
    from academies a join project_status_counts c on c.academy_code = a.code
    group by a.code, a.name having sum(c.projects) > 0 order by a.name`;
  return { collectedByMonth, projectsByStatus, byAcademy };
}
