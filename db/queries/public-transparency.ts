import { FAILED_CAMPAIGN, SUCCESSFUL_CAMPAIGN } from '../../domain/project-status.ts';
import type { Tx } from '../client.ts';

/** The public figures of one académie for one school year (of the campaign's start), from the ledger. */
export interface TransparencyRow {
  /** the school year's first calendar year: 2026 for 2026-2027 */
  yearStart: number;
  academyCode: string;
  academyName: string;
  succeeded: number;
  failed: number;
  /** gifts Stripe collected for these projects */
  collectedCents: number;
  /** sent to the schools' receiving structures (gifts and committed grants) */
  paidOutCents: number;
  refundedCents: number;
  redirectedCents: number;
  /** fund grants not released, and the part that went to REP+, REP or rural schools */
  grantedCents: number;
  priorityGrantedCents: number;
}

/** The platform's figures by school year and académie, every sum read from the ledger lines of the projects. */
export async function transparencyRows(db: Tx): Promise<TransparencyRow[]> {
  const moved = (kind: string, sign: number) =>
    db`coalesce(sum(${sign} * l.amount_cents) filter (where t.kind = ${kind}), 0)`;
  return db<TransparencyRow[]>`
    with money as (
      select a.project_id, ${moved('donation_paid', 1)} as collected, ${moved('payout', -1)} as paid_out,
             ${moved('donation_refunded', -1)} as refunded, ${moved('donation_redirected', -1)} as redirected
      from ledger_accounts a join ledger_lines l on l.account_id = a.id
      join ledger_transactions t on t.id = l.transaction_id
      where a.kind = 'project' group by a.project_id
    ), granted as (
      select project_id, sum(amount_cents) as granted from grants where status <> 'released' group by project_id
    )
    select extract(year from (p.campaign_starts_at at time zone 'Europe/Paris') - interval '8 months')::int as year_start,
           ac.code as academy_code, ac.name as academy_name,
           count(*) filter (where p.status = any(${SUCCESSFUL_CAMPAIGN}))::int as succeeded,
           count(*) filter (where p.status = any(${FAILED_CAMPAIGN}))::int as failed,
           coalesce(sum(m.collected), 0)::bigint as collected_cents,
           coalesce(sum(m.paid_out), 0)::bigint as paid_out_cents,
           coalesce(sum(m.refunded), 0)::bigint as refunded_cents,
           coalesce(sum(m.redirected), 0)::bigint as redirected_cents,
           coalesce(sum(g.granted), 0)::bigint as granted_cents,
           coalesce(sum(g.granted) filter (where s.priority_education <> 'none' or s.rural), 0)::bigint
             as priority_granted_cents
    from projects p join schools s on s.uai = p.school_uai join academies ac on ac.code = s.academy_code
    left join money m on m.project_id = p.id left join granted g on g.project_id = p.id
    where p.campaign_starts_at is not null
    group by 1, ac.code, ac.name order by 1 desc, ac.name`;
}

/** Gifts Stripe collected for the funds (not for a project), from the ledger. */
export async function fundGiftCents(db: Tx): Promise<number> {
  const [row] = await db<{ cents: number }[]>`
    select coalesce(sum(l.amount_cents), 0)::bigint as cents
    from ledger_lines l join ledger_accounts a on a.id = l.account_id and a.kind = 'fund_available'
    join ledger_transactions t on t.id = l.transaction_id and t.kind = 'donation_paid'`;
  return row?.cents ?? 0;
}
