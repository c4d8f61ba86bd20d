import { describe, expect, it } from 'vitest';
import {
  combine,
  differenceKey,
  emptyReconciliation,
  MAX_KEPT_DIFFERENCES,
  reconcile,
  type LedgerPayment,
  type StripeCharge,
} from './reconciliation.ts';

const payment = (id: number, amountCents: number, refundedCents = 0): LedgerPayment => ({
  donationId: id,
  paymentIntent: `pi_${id}`,
  amountCents,
  refundedCents,
});
const charge = (id: number, amountCents: number, refundedCents = 0, succeeded = true): StripeCharge => ({
  id: `ch_${id}`,
  paymentIntent: `pi_${id}`,
  amountCents,
  refundedCents,
  succeeded,
  donationId: id,
});
const summary = (ledger: LedgerPayment[], stripe: StripeCharge[]) =>
  reconcile(ledger, stripe).differences.map((d) => [d.kind, d.donationId, d.ledgerCents, d.stripeCents]);

describe('reconciliation of the ledger with Stripe', () => {
  it('finds nothing to say when every payment and refund matches, and adds up both sides', () => {
    const result = reconcile([payment(1, 2500), payment(2, 4000, 4000)], [charge(2, 4000, 4000), charge(1, 2500)]);
    expect(result).toEqual({
      comparedCount: 2,
      ledgerPaidCents: 6500,
      stripePaidCents: 6500,
      ledgerRefundedCents: 4000,
      stripeRefundedCents: 4000,
      differenceCount: 0,
      differences: [],
    });
  });

  it('reports a payment the ledger counts and Stripe does not have', () => {
    expect(summary([payment(1, 2500)], [])).toEqual([['missing_in_stripe', 1, 2500, 0]]);
    const [difference] = reconcile([payment(1, 2500)], []).differences;
    expect(difference?.message).toMatch(/^Le don 1 \(25,00\s€\) est compté, mais Stripe n’a pas ce paiement\.$/);
  });

  it('reports money Stripe received that the ledger does not count, naming the donation from the metadata', () => {
    expect(summary([], [charge(9, 700)])).toEqual([['missing_in_ledger', 9, 0, 700]]);
    const [difference] = reconcile([], [{ ...charge(9, 700), donationId: null }]).differences;
    expect(difference?.message).toMatch(/^Stripe a encaissé 7,00\s€ \(ch_9\) sans don correspondant au grand livre\.$/);
    expect(reconcile([], [charge(9, 700)]).differences[0]?.message).toMatch(/pour le don 9, que le grand livre/);
  });

  it('reports an amount that differs', () => {
    expect(summary([payment(2, 3000)], [charge(2, 3100)])).toEqual([['amount_differs', 2, 3000, 3100]]);
  });

  it('reports refunds on one side only, and refunded totals that differ', () => {
    expect(summary([payment(3, 5000)], [charge(3, 5000, 2000)])).toEqual([['refund_missing_in_ledger', 3, 0, 2000]]);
    expect(summary([payment(4, 5000, 5000)], [charge(4, 5000)])).toEqual([['refund_missing_in_stripe', 4, 5000, 0]]);
    expect(summary([payment(5, 5000, 1000)], [charge(5, 5000, 3000)])).toEqual([['refund_differs', 5, 1000, 3000]]);
    const [difference] = reconcile([payment(5, 5000, 1000)], [charge(5, 5000, 3000)]).differences;
    expect(difference?.message).toMatch(/Le don 5 : 10,00\s€ remboursés au grand livre, 30,00\s€ chez Stripe\./);
  });

  it('reports a payment that differs in amount and in refunds twice', () => {
    expect(summary([payment(6, 5000)], [charge(6, 4000, 4000)])).toEqual([
      ['amount_differs', 6, 5000, 4000],
      ['refund_missing_in_ledger', 6, 0, 4000],
    ]);
  });

  it('leaves out charges that did not succeed, and keys a charge without payment intent by its own id', () => {
    expect(summary([payment(7, 1000)], [charge(7, 1000, 0, false), charge(7, 1000)])).toEqual([]);
    expect(summary([payment(8, 1000)], [charge(8, 1000, 0, false)])).toEqual([['missing_in_stripe', 8, 1000, 0]]);
    const [difference] = reconcile([], [{ ...charge(10, 100), paymentIntent: null }]).differences;
    expect(difference).toMatchObject({ kind: 'missing_in_ledger', paymentIntent: null, chargeId: 'ch_10' });
  });

  it('adds batches up, keeping the count of every difference but the details of the first ones only', () => {
    const many = (from: number) =>
      reconcile(
        Array.from({ length: 600 }, (_, index) => payment(from + index, 500)),
        [],
      );
    const total = combine(combine(emptyReconciliation(), many(0)), many(1000));
    expect(total.comparedCount).toBe(1200);
    expect(total.ledgerPaidCents).toBe(600_000);
    expect(total.differenceCount).toBe(1200);
    expect(total.differences).toHaveLength(MAX_KEPT_DIFFERENCES);
  });

  it('names a difference the same way each time it is found, and differently once its amounts change', () => {
    const first = reconcile([payment(5, 5000, 1000)], [charge(5, 5000, 3000)]).differences[0]!;
    const again = reconcile([payment(5, 5000, 1000)], [charge(5, 5000, 3000)]).differences[0]!;
    const later = reconcile([payment(5, 5000, 1000)], [charge(5, 5000, 5000)]).differences[0]!;
    expect(differenceKey(again)).toBe(differenceKey(first));
    expect(differenceKey(later)).not.toBe(differenceKey(first));
  });
});
