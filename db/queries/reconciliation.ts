import type { LedgerPayment, Reconciliation } from '../../domain/reconciliation.ts';
import type { Tx } from '../client.ts';
import type { Page } from './paging.ts';

/** The ledger's card payments of gifts paid in [start, end): what Stripe clearing received and what refunds took. */
export async function ledgerPayments(db: Tx, period: { start: Date; end: Date }): Promise<LedgerPayment[]> {
  return db<LedgerPayment[]>`
    select d.id as donation_id, d.stripe_payment_intent_id as payment_intent,
           -paid.cents as amount_cents, coalesce(refunded.cents, 0)::bigint as refunded_cents
    from donations d
    cross join lateral (
      select sum(l.amount_cents)::bigint as cents from ledger_transactions t
      join ledger_lines l on l.transaction_id = t.id join ledger_accounts a on a.id = l.account_id
      where t.donation_id = d.id and t.kind = 'donation_paid' and a.kind = 'stripe_clearing') paid
    cross join lateral (
      select sum(l.amount_cents)::bigint as cents from ledger_transactions t
      join ledger_lines l on l.transaction_id = t.id join ledger_accounts a on a.id = l.account_id
      where t.donation_id = d.id and t.kind = 'donation_refunded' and a.kind = 'refunds') refunded
    where d.paid_at >= ${period.start} and d.paid_at < ${period.end} and d.stripe_payment_intent_id is not null
      and paid.cents is not null
    order by d.id`;
}

/** Stores a run of the reconciliation; returns its id. */
export async function insertReconciliationRun(
  db: Tx,
  run: Reconciliation & { start: Date; end: Date },
): Promise<number> {
  const [row] = await db<{ id: number }[]>`
    insert into reconciliation_runs (period_start, period_end, ledger_paid_cents, stripe_paid_cents,
                                     ledger_refunded_cents, stripe_refunded_cents, differences, difference_count)
    values (${run.start}, ${run.end}, ${run.ledgerPaidCents}, ${run.stripePaidCents}, ${run.ledgerRefundedCents},
            ${run.stripeRefundedCents}, ${db.json(run.differences as never)}, ${run.differences.length})
    returning id`;
  return (row as { id: number }).id;
}

/** A run as the back office shows it. */
export interface ReconciliationRow {
  id: number;
  periodStart: Date;
  periodEnd: Date;
  ledgerPaidCents: number;
  stripePaidCents: number;
  ledgerRefundedCents: number;
  stripeRefundedCents: number;
  differenceCount: number;
  differences: unknown[];
  ranAt: Date;
}

const columns = (db: Tx) => db`
  id, period_start, period_end, ledger_paid_cents, stripe_paid_cents, ledger_refunded_cents, stripe_refunded_cents,
  difference_count, differences, ran_at`;

/** Runs, newest first. */
export async function listReconciliationRuns(
  db: Tx,
  page: { offset: number; limit: number },
): Promise<Page<ReconciliationRow>> {
  const data = await db<ReconciliationRow[]>`
    select ${columns(db)} from reconciliation_runs order by ran_at desc, id desc offset ${page.offset} limit ${page.limit}`;
  const [count] = await db<{ total: number }[]>`select count(*)::int as total from reconciliation_runs`;
  return { data, total: count?.total ?? 0 };
}

/** One run, or undefined. */
export async function findReconciliationRun(db: Tx, id: number): Promise<ReconciliationRow | undefined> {
  const [row] = await db<ReconciliationRow[]>`select ${columns(db)} from reconciliation_runs where id = ${id}`;
  return row;
}
