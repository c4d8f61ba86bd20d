import { formatEuros } from './money.ts';

/** A payment as the ledger has it: a paid donation, its Stripe payment intent, and all that was refunded of it. */
export interface LedgerPayment {
  donationId: number;
  paymentIntent: string;
  amountCents: number;
  refundedCents: number;
}

/** A charge as Stripe has it; `refundedCents` is all that was refunded of it so far. */
export interface StripeCharge {
  id: string;
  paymentIntent: string | null;
  amountCents: number;
  refundedCents: number;
  /** only succeeded charges moved money */
  succeeded: boolean;
  /** the donation named in the payment's metadata, when there is one */
  donationId: number | null;
}

/** The kinds of difference, payments first, then refunds. */
export const DIFFERENCE_KINDS = [
  'missing_in_stripe',
  'missing_in_ledger',
  'amount_differs',
  'refund_missing_in_stripe',
  'refund_missing_in_ledger',
  'refund_differs',
] as const;
export type DifferenceKind = (typeof DIFFERENCE_KINDS)[number];

/** What differs between the two for one payment. */
export interface Difference {
  kind: DifferenceKind;
  paymentIntent: string | null;
  chargeId: string | null;
  donationId: number | null;
  ledgerCents: number;
  stripeCents: number;
  message: string;
}

/** A comparison: how many payments were compared, the totals on each side, and the differences kept. */
export interface Reconciliation {
  comparedCount: number;
  ledgerPaidCents: number;
  stripePaidCents: number;
  ledgerRefundedCents: number;
  stripeRefundedCents: number;
  differenceCount: number;
  /** the first MAX_KEPT_DIFFERENCES of them; differenceCount counts them all */
  differences: Difference[];
}

/** How many differences a run keeps in detail: past that, Stripe and the ledger are out of step as a whole. */
export const MAX_KEPT_DIFFERENCES = 1_000;

/** The key a payment is compared under: its payment intent, or its charge when Stripe gives no payment intent. */
export const paymentKey = (charge: Pick<StripeCharge, 'id' | 'paymentIntent'>): string =>
  charge.paymentIntent ?? charge.id;

/** A stable name for a difference, so that the same difference found again by the next run is flagged once. */
export const differenceKey = (difference: Difference): string =>
  [
    difference.kind,
    difference.paymentIntent ?? difference.chargeId,
    difference.donationId,
    difference.ledgerCents,
    difference.stripeCents,
  ].join(':');

/** A comparison of nothing, to add batches to. */
export const emptyReconciliation = (): Reconciliation => ({
  comparedCount: 0,
  ledgerPaidCents: 0,
  stripePaidCents: 0,
  ledgerRefundedCents: 0,
  stripeRefundedCents: 0,
  differenceCount: 0,
  differences: [],
});

/** Adds two comparisons of distinct payments (batches of one run), keeping at most MAX_KEPT_DIFFERENCES. */
export function combine(a: Reconciliation, b: Reconciliation): Reconciliation {
  return {
    comparedCount: a.comparedCount + b.comparedCount,
    ledgerPaidCents: a.ledgerPaidCents + b.ledgerPaidCents,
    stripePaidCents: a.stripePaidCents + b.stripePaidCents,
    ledgerRefundedCents: a.ledgerRefundedCents + b.ledgerRefundedCents,
    stripeRefundedCents: a.stripeRefundedCents + b.stripeRefundedCents,
    differenceCount: a.differenceCount + b.differenceCount,
    differences: [...a.differences, ...b.differences].slice(0, MAX_KEPT_DIFFERENCES),
  };
}

/** The payment's own difference, if any: on one side only, or a different amount. */
function paymentDifference(payment: LedgerPayment | undefined, charge: StripeCharge | undefined): Difference | null {
  const base = {
    paymentIntent: payment?.paymentIntent ?? charge?.paymentIntent ?? null,
    chargeId: charge?.id ?? null,
    donationId: payment?.donationId ?? charge?.donationId ?? null,
    ledgerCents: payment?.amountCents ?? 0,
    stripeCents: charge?.amountCents ?? 0,
  };
  if (payment && !charge) {
    const message = `Le don ${payment.donationId} (${formatEuros(payment.amountCents)}) est compté, mais Stripe n’a pas ce paiement.`;
    return { ...base, kind: 'missing_in_stripe', message };
  }
  if (charge && !payment) {
    const message =
      charge.donationId === null
        ? `Stripe a encaissé ${formatEuros(charge.amountCents)} (${charge.id}) sans don correspondant au grand livre.`
        : `Stripe a encaissé ${formatEuros(charge.amountCents)} (${charge.id}) pour le don ${charge.donationId}, que le grand livre ne compte pas.`;
    return { ...base, kind: 'missing_in_ledger', message };
  }
  if (payment && charge && payment.amountCents !== charge.amountCents) {
    const message = `Le don ${payment.donationId} est compté ${formatEuros(payment.amountCents)} ; Stripe a encaissé ${formatEuros(charge.amountCents)}.`;
    return { ...base, kind: 'amount_differs', message };
  }
  return null;
}

/** The difference between what each side refunded of a payment both know, if any. */
function refundDifference(payment: LedgerPayment, charge: StripeCharge): Difference | null {
  const [ledger, stripe] = [payment.refundedCents, charge.refundedCents];
  if (ledger === stripe) return null;
  const base = {
    paymentIntent: payment.paymentIntent,
    chargeId: charge.id,
    donationId: payment.donationId,
    ledgerCents: ledger,
    stripeCents: stripe,
  };
  const what = `Le don ${payment.donationId}`;
  if (ledger === 0) {
    const message = `${what} : Stripe a remboursé ${formatEuros(stripe)} que le grand livre ne compte pas.`;
    return { ...base, kind: 'refund_missing_in_ledger', message };
  }
  if (stripe === 0) {
    const message = `${what} : ${formatEuros(ledger)} remboursés au grand livre, aucun remboursement chez Stripe.`;
    return { ...base, kind: 'refund_missing_in_stripe', message };
  }
  const message = `${what} : ${formatEuros(ledger)} remboursés au grand livre, ${formatEuros(stripe)} chez Stripe.`;
  return { ...base, kind: 'refund_differs', message };
}

/**
 * Compares payment by payment (keyed by payment intent, or by charge without one) the ledger's payments with
 * Stripe's charges, both complete for the same payments: a payment on one side only, an amount that differs,
 * a refunded total that differs. Charges that did not succeed moved no money and are left out.
 */
export function reconcile(ledger: LedgerPayment[], stripe: StripeCharge[]): Reconciliation {
  const charges = new Map(stripe.filter((charge) => charge.succeeded).map((charge) => [paymentKey(charge), charge]));
  const payments = new Map(ledger.map((payment) => [payment.paymentIntent, payment]));
  const keys = new Set([...payments.keys(), ...charges.keys()]);
  const differences: Difference[] = [];
  const result = emptyReconciliation();
  for (const key of keys) {
    const payment = payments.get(key);
    const charge = charges.get(key);
    result.comparedCount += 1;
    result.ledgerPaidCents += payment?.amountCents ?? 0;
    result.stripePaidCents += charge?.amountCents ?? 0;
    result.ledgerRefundedCents += payment?.refundedCents ?? 0;
    result.stripeRefundedCents += charge?.refundedCents ?? 0;
    const found = [paymentDifference(payment, charge), payment && charge ? refundDifference(payment, charge) : null];
    for (const difference of found) if (difference) differences.push(difference);
  }
  return {
    ...result,
    differenceCount: differences.length,
    differences: differences.slice(0, MAX_KEPT_DIFFERENCES),
  };
}
