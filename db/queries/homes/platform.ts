import type { AdminHome } from '../../../domain/homes.ts';
import type { Tx } from '../../client.ts';

/** The platform's figures from the ledger and the projects: money in, out and back, projects, what needs an admin. */
export async function platformHome(db: Tx): Promise<AdminHome> {
  const [money] = await db<{ collectedCents: number; paidOutCents: number; refundedCents: number }[]>`
    select coalesce(-sum(l.amount_cents) filter (where a.kind = 'stripe_clearing' and t.kind = 'donation_paid'), 0)::bigint
             as collected_cents,
           coalesce(sum(l.amount_cents) filter (where a.kind = 'structure_paid'), 0)::bigint as paid_out_cents,
           coalesce(sum(l.amount_cents) filter (where a.kind = 'refunds'), 0)::bigint as refunded_cents
    from ledger_lines l join ledger_accounts a on a.id = l.account_id
    join ledger_transactions t on t.id = l.transaction_id`;
  const projectsByStatus = await db<AdminHome['projectsByStatus']>`
    select status, count(*)::int as count from projects group by status order by count desc, status`;
  const [open] = await db<{ stuckProjects: number; openAnomalies: number }[]>`
    select (select count(distinct project_id) from lifecycle_incidents where resolved_at is null)::int as stuck_projects,
           (select count(*) from payment_anomalies where resolved_at is null)::int as open_anomalies`;
  return { ...money!, projectsByStatus, ...open! };
}
