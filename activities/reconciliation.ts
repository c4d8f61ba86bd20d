import { heartbeat } from '@temporalio/activity';
import type Stripe from 'stripe';
import { ledgerPaymentIntentsOfPeriod, ledgerPaymentsOf, saveReconciliationRun } from '../db/queries/reconciliation.ts';
import {
  combine,
  emptyReconciliation,
  paymentKey,
  reconcile,
  type Reconciliation,
  type StripeCharge,
} from '../domain/reconciliation.ts';
import type { ActivityDeps } from './index.ts';

/** What a reconciliation run found. */
export interface ReconciliationSummary {
  runId: number;
  comparedCount: number;
  differenceCount: number;
  ledgerPaidCents: number;
  stripePaidCents: number;
}

/** How many payments are compared at a time (Stripe's largest page). */
const BATCH = 100;

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

const donationIdOf = (metadata: Stripe.Metadata | null | undefined) => {
  const id = Number(metadata?.donation_id);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
};

const chargeOf = (charge: Stripe.Charge): StripeCharge => ({
  id: charge.id,
  paymentIntent:
    typeof charge.payment_intent === 'string' ? charge.payment_intent : (charge.payment_intent?.id ?? null),
  amountCents: charge.amount,
  refundedCents: charge.amount_refunded,
  succeeded: charge.status === 'succeeded',
  donationId: donationIdOf(charge.metadata),
});

/** The reconciliation of the ledger with Stripe (reads of Stripe, one write of the run: a retry repeats reads). */
export function createReconciliationActivities({ db, stripe }: Pick<ActivityDeps, 'db' | 'stripe'>) {
  /** Stripe's succeeded charge of a payment intent, if it has one. */
  const chargesOf = async (paymentIntent: string): Promise<StripeCharge[]> => {
    const page = await stripe.charges.list({ payment_intent: paymentIntent, limit: 10 });
    return page.data.map(chargeOf).filter((charge) => charge.paymentIntent === paymentIntent && charge.succeeded);
  };

  return {
    /**
     * Compares the ledger with Stripe for every payment either side touched in [start, end): Stripe's charges
     * and refunds created in the period (paged through), then the ledger's payments and refunds posted in it
     * that Stripe's lists did not bring up. Each payment is compared whole (amount, all refunds so far), a
     * hundred at a time, so memory holds the payment intents seen and at most 1 000 differences. Stores the run
     * once per workflow execution and flags each difference for admins once.
     */
    async reconcileWithStripe(input: {
      start: string;
      end: string;
      workflowId: string;
    }): Promise<ReconciliationSummary> {
      const period = { start: new Date(input.start), end: new Date(input.end) };
      const created = { gte: seconds(period.start), lt: seconds(period.end) };
      const seen = new Set<string>();
      let total: Reconciliation = emptyReconciliation();
      let batch: StripeCharge[] = [];

      const compare = async (charges: StripeCharge[], paymentIntents: string[]) => {
        total = combine(total, reconcile(await ledgerPaymentsOf(db, paymentIntents), charges));
        heartbeat();
      };
      const flush = async () => {
        const charges = batch;
        batch = [];
        await compare(
          charges,
          charges.flatMap((charge) => (charge.paymentIntent ? [charge.paymentIntent] : [])),
        );
      };
      const add = async (charge: StripeCharge) => {
        if (!charge.succeeded || seen.has(paymentKey(charge))) return;
        seen.add(paymentKey(charge));
        batch.push(charge);
        if (batch.length >= BATCH) await flush();
      };

      for await (const charge of stripe.charges.list({ created, limit: BATCH })) await add(chargeOf(charge));
      // refunds of the period, of charges that may be older than it
      for await (const refund of stripe.refunds.list({ created, limit: BATCH, expand: ['data.charge'] })) {
        if (refund.charge && typeof refund.charge === 'object') await add(chargeOf(refund.charge));
      }
      await flush();
      // what the ledger paid or refunded in the period and Stripe's lists did not show: asked of Stripe one by one
      // (around the period's edges a charge and its webhook fall on either side of a bound)
      for await (const rows of ledgerPaymentIntentsOfPeriod(db, period, BATCH)) {
        const unseen = rows.map((row) => row.paymentIntent).filter((paymentIntent) => !seen.has(paymentIntent));
        const charges: StripeCharge[] = [];
        for (const paymentIntent of unseen) {
          seen.add(paymentIntent);
          charges.push(...(await chargesOf(paymentIntent)));
        }
        await compare(charges, unseen);
      }

      const runId = await saveReconciliationRun(db, { ...total, ...period, workflowId: input.workflowId });
      return {
        runId,
        comparedCount: total.comparedCount,
        differenceCount: total.differenceCount,
        ledgerPaidCents: total.ledgerPaidCents,
        stripePaidCents: total.stripePaidCents,
      };
    },
  };
}
