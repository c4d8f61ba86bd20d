import {
  differenceKey,
  type Difference,
  type LedgerPayment,
  type Reconciliation,
} from '../../domain/reconciliation.ts';
import type { Db, Tx } from '../client.ts';
import type { Page } from './paging.ts';

/**
 * The ledger's card payments with these payment intents: what Stripe clearing received for each paid donation
 * and all that refunds took back from it. A payment intent the ledger never counted is absent.
 */
export async function ledgerPaymentsOf(db: Tx, paymentIntents: string[]): Promise<LedgerPayment[]> {
  if (paymentIntents.length === 0) return [];
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
    where d.stripe_payment_intent_id = any(${paymentIntents}::text[]) and paid.cents is not null
    order by d.id`;
}

/**
 * The payment intents of the donations the ledger paid or refunded in [start, end), `size` at a time through
 * a cursor (a day of payments never sits in memory whole).
 */
export function ledgerPaymentIntentsOfPeriod(
  db: Db,
  period: { start: Date; end: Date },
  size: number,
): AsyncIterable<{ donationId: number; paymentIntent: string }[]> {
  return db<{ donationId: number; paymentIntent: string }[]>`
    select distinct d.id as donation_id, d.stripe_payment_intent_id as payment_intent
    from ledger_transactions t join donations d on d.id = t.donation_id
    where t.kind in ('donation_paid', 'donation_refunded') and t.created_at >= ${period.start}
      and t.created_at < ${period.end} and d.stripe_payment_intent_id is not null`.cursor(size);
}

/**
 * Stores a run of the reconciliation once per workflow execution (a retry replaces its first attempt's row),
 * and flags each difference for admins among the payment anomalies, once even across runs. Returns the run's id.
 */
export async function saveReconciliationRun(
  db: Db,
  run: Reconciliation & { start: Date; end: Date; workflowId: string },
): Promise<number> {
  return db.begin(async (tx) => {
    const [row] = await tx<{ id: number }[]>`
      insert into reconciliation_runs (workflow_id, period_start, period_end, compared_count, ledger_paid_cents,
                                       stripe_paid_cents, ledger_refunded_cents, stripe_refunded_cents,
                                       differences, difference_count)
      values (${run.workflowId}, ${run.start}, ${run.end}, ${run.comparedCount}, ${run.ledgerPaidCents},
              ${run.stripePaidCents}, ${run.ledgerRefundedCents}, ${run.stripeRefundedCents},
              ${tx.json(run.differences as never)}, ${run.differenceCount})
      on conflict (workflow_id) do update set
        period_start = excluded.period_start, period_end = excluded.period_end,
        compared_count = excluded.compared_count, ledger_paid_cents = excluded.ledger_paid_cents,
        stripe_paid_cents = excluded.stripe_paid_cents, ledger_refunded_cents = excluded.ledger_refunded_cents,
        stripe_refunded_cents = excluded.stripe_refunded_cents, differences = excluded.differences,
        difference_count = excluded.difference_count, ran_at = now()
      returning id`;
    const runId = (row as { id: number }).id;
    const anomalies = run.differences.map((difference) => ({
      donation_id: difference.donationId,
      message: `Rapprochement Stripe : ${difference.message}`,
      details: { ...difference, differenceKey: differenceKey(difference), runId },
    }));
    // a donation named only by Stripe's metadata may not be ours: the anomaly then names none
    await tx`
      insert into payment_anomalies (kind, donation_id, message, details)
      select 'reconciliation_difference', d.id, found.message, found.details
      from jsonb_to_recordset(${tx.json(anomalies as never)}) as found(donation_id bigint, message text, details jsonb)
      left join donations d on d.id = found.donation_id
      on conflict ((details ->> 'differenceKey')) where kind = 'reconciliation_difference' do nothing`;
    return runId;
  });
}

/** A run as the back office shows it. */
export interface ReconciliationRow {
  id: number;
  periodStart: Date;
  periodEnd: Date;
  comparedCount: number;
  ledgerPaidCents: number;
  stripePaidCents: number;
  ledgerRefundedCents: number;
  stripeRefundedCents: number;
  differenceCount: number;
  differences: Difference[];
  ranAt: Date;
}

const columns = (db: Tx) => db`
  id, period_start, period_end, compared_count, ledger_paid_cents, stripe_paid_cents, ledger_refunded_cents,
  stripe_refunded_cents, difference_count, differences, ran_at`;

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
