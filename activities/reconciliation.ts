import type Stripe from 'stripe';
import { insertReconciliationRun, ledgerPayments } from '../db/queries/reconciliation.ts';
import { reconcile, type StripeCharge } from '../domain/reconciliation.ts';
import type { ActivityDeps } from './index.ts';

/** What a reconciliation run found. */
export interface ReconciliationSummary {
  runId: number;
  differenceCount: number;
  ledgerPaidCents: number;
  stripePaidCents: number;
}

const chargeOf = (charge: Stripe.Charge): StripeCharge => ({
  id: charge.id,
  paymentIntent:
    typeof charge.payment_intent === 'string' ? charge.payment_intent : (charge.payment_intent?.id ?? null),
  amountCents: charge.amount,
  refundedCents: charge.amount_refunded,
  succeeded: charge.status === 'succeeded',
});

/** The reconciliation of the ledger with Stripe (a read of Stripe, a write of the run: retrying repeats a read). */
export function createReconciliationActivities({ db, stripe }: Pick<ActivityDeps, 'db' | 'stripe'>) {
  return {
    /**
     * Compares the ledger's card payments of gifts paid in the period with Stripe's charges created in it (paged
     * through, keeping only what the comparison needs), and stores the run with every difference.
     */
    async reconcileWithStripe(period: { start: string; end: string }): Promise<ReconciliationSummary> {
      const start = new Date(period.start);
      const end = new Date(period.end);
      const charges: StripeCharge[] = [];
      const created = { gte: Math.floor(start.getTime() / 1000), lt: Math.floor(end.getTime() / 1000) };
      for await (const charge of stripe.charges.list({ created, limit: 100 })) charges.push(chargeOf(charge));
      const result = reconcile(await ledgerPayments(db, { start, end }), charges);
      const runId = await insertReconciliationRun(db, { ...result, start, end });
      return {
        runId,
        differenceCount: result.differences.length,
        ledgerPaidCents: result.ledgerPaidCents,
        stripePaidCents: result.stripePaidCents,
      };
    },
  };
}
