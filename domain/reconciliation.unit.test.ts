import { describe, expect, it } from 'vitest';
import { reconcile, type LedgerPayment, type StripeCharge } from './reconciliation.ts';

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
});

describe('reconciliation of the ledger with Stripe', () => {
  it('finds nothing to say when every payment and refund matches', () => {
    const result = reconcile([payment(1, 2500), payment(2, 4000, 4000)], [charge(1, 2500), charge(2, 4000, 4000)]);
    expect(result.differences).toEqual([]);
    expect(result).toMatchObject({
      ledgerPaidCents: 6500,
      stripePaidCents: 6500,
      ledgerRefundedCents: 4000,
      stripeRefundedCents: 4000,
    });
  });

  it('reports each kind of difference, naming the donation', () => {
    const result = reconcile(
      [payment(1, 2500), payment(2, 3000), payment(3, 5000, 0), payment(4, 1000)],
      [charge(2, 3100), charge(3, 5000, 2000), charge(9, 700), charge(4, 1000, 0, false)],
    );
    expect(result.differences.map((d) => [d.kind, d.donationId, d.ledgerCents, d.stripeCents])).toEqual([
      ['missing_in_stripe', 1, 2500, 0],
      ['amount_differs', 2, 3000, 3100],
      ['refund_differs', 3, 0, 2000],
      ['missing_in_stripe', 4, 1000, 0],
      ['missing_in_ledger', null, 0, 700],
    ]);
    expect(result.differences[0]!.message).toMatch(/Le don 1 \(25,00\s€\) est compté, mais Stripe n’a pas ce paiement/);
    expect(result.stripePaidCents).toBe(3100 + 5000 + 700);
  });
});
