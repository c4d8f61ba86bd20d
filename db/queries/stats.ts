import { FAILED_CAMPAIGN, SUCCESSFUL_CAMPAIGN } from '../../domain/project-status.ts';
import type { Tx } from '../client.ts';

/** The dashboard's figures, from the ledger and the projects. */
export interface Stats {
  /** gifts Stripe collected per month (the last 12), in cents */
  collectedByMonth: { month: string; cents: number }[];
  projectsByStatus: { status: string; count: number }[];
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

/** The figures of the platform's dashboard, in three queries. */
export async function platformStats(db: Tx): Promise<Stats> {
  const collectedByMonth = await db<{ month: string; cents: number }[]>`
    select to_char(date_trunc('month', t.created_at), 'YYYY-MM') as month, -sum(l.amount_cents)::bigint as cents
    from ledger_transactions t join ledger_lines l on l.transaction_id = t.id
    join ledger_accounts a on a.id = l.account_id and a.kind = 'stripe_clearing'
    where t.kind = 'donation_paid' and t.created_at >= date_trunc('month', now()) - interval '11 months'
    group by 1 order by 1`;
  const projectsByStatus = await db<{ status: string; count: number }[]>`
    select status, count(*)::int as count from projects group by status order by count desc, status`;
  const byAcademy = await db<Stats['byAcademy']>`
    select a.code as academy_code, a.name as academy_name,
           count(*) filter (where p.status = any(${SUCCESSFUL_CAMPAIGN}))::int as succeeded,
           count(*) filter (where p.status = any(${FAILED_CAMPAIGN}))::int as failed,
           coalesce(sum(g.granted), 0)::bigint as granted_cents,
           coalesce(sum(g.granted) filter (where s.priority_education <> 'none' or s.rural), 0)::bigint
             as priority_granted_cents
    from academies a join schools s on s.academy_code = a.code join projects p on p.school_uai = s.uai
    left join lateral (select sum(amount_cents) as granted from grants
                       where project_id = p.id and status <> 'released') g on true
    group by a.code, a.name order by a.name`;
  return { collectedByMonth, projectsByStatus, byAcademy };
}
