import { formatEuros } from './money.ts';

/** A payment as the ledger has it: a paid donation, its Stripe payment intent, and what was refunded of it. */
export interface LedgerPayment {
  donationId: number;
  paymentIntent: string;
  amountCents: number;
  refundedCents: number;
}

/** A charge as Stripe has it. */
export interface StripeCharge {
  id: string;
  paymentIntent: string | null;
  amountCents: number;
  refundedCents: number;
  /** only succeeded charges moved money */
  succeeded: boolean;
}

/** What differs between the two. */
export interface Difference {
  kind: 'missing_in_stripe' | 'missing_in_ledger' | 'amount_differs' | 'refund_differs';
  paymentIntent: string | null;
  donationId: number | null;
  ledgerCents: number;
  stripeCents: number;
  message: string;
}

/** The comparison of a period: totals on each side and every difference. */
export interface Reconciliation {
  ledgerPaidCents: number;
  stripePaidCents: number;
  ledgerRefundedCents: number;
  stripeRefundedCents: number;
  differences: Difference[];
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/**
 * Compares the ledger's payments of a period with Stripe's succeeded charges of the same period, payment intent
 * by payment intent: a payment on one side only, an amount that differs, a refunded amount that differs.
 */
export function reconcile(ledger: LedgerPayment[], stripe: StripeCharge[]): Reconciliation {
  const charges = stripe.filter((charge) => charge.succeeded);
  const byIntent = new Map(charges.flatMap((charge) => (charge.paymentIntent ? [[charge.paymentIntent, charge]] : [])));
  const known = new Set(ledger.map((payment) => payment.paymentIntent));
  const differences: Difference[] = [];
  for (const payment of ledger) {
    const charge = byIntent.get(payment.paymentIntent);
    const base = { paymentIntent: payment.paymentIntent, donationId: payment.donationId };
    if (!charge) {
      differences.push({
        ...base,
        kind: 'missing_in_stripe',
        ledgerCents: payment.amountCents,
        stripeCents: 0,
        message: `Le don ${payment.donationId} (${formatEuros(payment.amountCents)}) est compté, mais Stripe n’a pas ce paiement.`,
      });
    } else if (charge.amountCents !== payment.amountCents) {
      differences.push({
        ...base,
        kind: 'amount_differs',
        ledgerCents: payment.amountCents,
        stripeCents: charge.amountCents,
        message: `Le don ${payment.donationId} est compté ${formatEuros(payment.amountCents)} ; Stripe a encaissé ${formatEuros(charge.amountCents)}.`,
      });
    } else if (charge.refundedCents !== payment.refundedCents) {
      differences.push({
        ...base,
        kind: 'refund_differs',
        ledgerCents: payment.refundedCents,
        stripeCents: charge.refundedCents,
        message: `Le don ${payment.donationId} : ${formatEuros(payment.refundedCents)} remboursés au grand livre, ${formatEuros(charge.refundedCents)} chez Stripe.`,
      });
    }
  }
  for (const charge of charges) {
    if (charge.paymentIntent && known.has(charge.paymentIntent)) continue;
    differences.push({
      kind: 'missing_in_ledger',
      paymentIntent: charge.paymentIntent,
      donationId: null,
      ledgerCents: 0,
      stripeCents: charge.amountCents,
      message: `Stripe a encaissé ${formatEuros(charge.amountCents)} (${charge.id}) sans don correspondant au grand livre.`,
    });
  }
  return {
    ledgerPaidCents: sum(ledger.map((payment) => payment.amountCents)),
    stripePaidCents: sum(charges.map((charge) => charge.amountCents)),
    ledgerRefundedCents: sum(ledger.map((payment) => payment.refundedCents)),
    stripeRefundedCents: sum(charges.map((charge) => charge.refundedCents)),
    differences,
  };
}
