import type Stripe from 'stripe';
import type { Tx } from '../../db/client.ts';
import {
  lockDonationForPayment,
  markDonationPaid,
  setDonationStatus,
  type PaymentRow,
} from '../../db/queries/donations.ts';
import { findPayoutOfProject } from '../../db/queries/payouts.ts';
import {
  closeReplayedAnomaly,
  flagAnomaly,
  takeWaitingEvents,
  finishStripeEvent,
} from '../../db/queries/stripe-events.ts';
import { accounts, postMovement } from '../../db/queries/ledger.ts';
import { formatEuros } from '../../domain/money.ts';
import { destinationOf, flagIfProjectClosed, takeBack } from './payment-movements.ts';

/** What handling one event came to; `donationId` names the donation whose workflow and donor may need telling. */
export interface EventResult {
  outcome: string;
  donationId?: number;
  /** the donation's project, whose workflow is told of the change */
  projectId?: number | null;
  waitingForPayment?: boolean;
}

const about = (donation: PaymentRow, outcome: string): EventResult => ({
  outcome,
  donationId: donation.id,
  projectId: donation.projectId,
});

const PAID: PaymentRow['status'][] = ['paid', 'refund_requested', 'refunded', 'redirected', 'disputed'];
const NOT_YET_PAID: PaymentRow['status'][] = ['pending', 'payment_failed', 'expired'];

const donationIdOf = (metadata: Stripe.Metadata | null | undefined) => {
  const id = Number(metadata?.donation_id);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
};

const idOf = (value: string | { id: string } | null | undefined) => (typeof value === 'string' ? value : value?.id);

/**
 * Applies one verified Stripe event inside the transaction that stored it: the donation's status and, for
 * money that moved, one balanced ledger transaction keyed by business ids (never twice). A refund or dispute
 * of a payment not recorded yet waits and is replayed once the payment is.
 */
export async function applyStripeEvent(tx: Tx, event: Stripe.Event): Promise<EventResult> {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded':
      return sessionPaid(tx, event.id, event.data.object);
    case 'checkout.session.expired':
      return sessionExpired(tx, event.data.object);
    case 'payment_intent.payment_failed':
      return paymentFailed(tx, event.data.object);
    case 'charge.refunded':
      return chargeRefunded(tx, event.id, event.data.object);
    case 'charge.dispute.created':
      return disputeCreated(tx, event.id, event.data.object);
    default:
      return { outcome: 'ignored' };
  }
}

async function sessionPaid(tx: Tx, eventId: string, session: Stripe.Checkout.Session): Promise<EventResult> {
  const donation = await lockDonationForPayment(tx, {
    donationId: donationIdOf(session.metadata) ?? (Number(session.client_reference_id) || undefined),
  });
  const details = { sessionId: session.id, amountTotal: session.amount_total, currency: session.currency };
  if (!donation || (donation.stripeCheckoutSessionId && donation.stripeCheckoutSessionId !== session.id)) {
    const message = `Paiement Checkout ${session.id} reçu pour un don inconnu : à rembourser ou à rattacher.`;
    await flagAnomaly(tx, { kind: 'unknown_payment', eventId, message, details });
    return { outcome: 'flagged_unknown_payment' };
  }
  const donationId = donation.id;
  if (session.payment_status !== 'paid') return about(donation, 'awaiting_payment');
  if (PAID.includes(donation.status)) return about(donation, 'already_paid');
  if (session.currency !== 'eur' || session.amount_total !== donation.amountCents) {
    const kind = session.currency !== 'eur' ? 'currency_mismatch' : 'amount_mismatch';
    const paid =
      session.currency === 'eur'
        ? formatEuros(session.amount_total ?? 0)
        : `${session.amount_total} ${session.currency}`;
    const message = `Le don ${donationId} attendait ${formatEuros(donation.amountCents)} ; Stripe a encaissé ${paid}. Don non compté : à vérifier.`;
    await flagAnomaly(tx, { kind, donationId, eventId, message, details });
    return about(donation, `flagged_${kind}`);
  }
  if (donation.status === 'expired') {
    const message = `Le don ${donationId} a été payé après l’expiration de sa session : compté.`;
    await flagAnomaly(tx, { kind: 'paid_after_expiry', donationId, eventId, message, details });
  }
  const paid = await markDonationPaid(tx, donationId, idOf(session.payment_intent) ?? null);
  await postMovement(tx, {
    kind: 'donation_paid',
    idempotencyKey: `donation-paid-${donationId}`,
    description: `Don ${donationId} payé par carte (Stripe)`,
    donationId,
    lines: [
      { account: accounts.stripeClearing(), amountCents: -donation.amountCents },
      { account: destinationOf(donation), amountCents: donation.amountCents },
    ],
  });
  await flagIfProjectClosed(tx, eventId, donation);
  for (const waiting of paid.hasWaitingEvents ? await takeWaitingEvents(tx, donationId) : []) {
    const result = await applyStripeEvent(tx, waiting.payload as Stripe.Event);
    await finishStripeEvent(tx, waiting.id, { ...result, outcome: `${result.outcome}_after_payment` });
    if (!result.waitingForPayment) await closeReplayedAnomaly(tx, waiting.id, result.outcome);
  }
  return about(donation, 'paid');
}

async function sessionExpired(tx: Tx, session: Stripe.Checkout.Session): Promise<EventResult> {
  const donation = await lockDonationForPayment(tx, { donationId: donationIdOf(session.metadata) });
  if (!donation) return { outcome: 'unknown_donation' };
  if (donation.status !== 'pending' && donation.status !== 'payment_failed') {
    return about(donation, 'ignored');
  }
  await setDonationStatus(tx, donation.id, 'expired');
  return about(donation, 'expired');
}

async function paymentFailed(tx: Tx, intent: Stripe.PaymentIntent): Promise<EventResult> {
  const donation = await lockDonationForPayment(tx, {
    donationId: donationIdOf(intent.metadata),
    paymentIntentId: intent.id,
  });
  if (!donation) return { outcome: 'unknown_donation' };
  // the donor may try another card in the same session: a failure ends nothing
  if (donation.status !== 'pending') return about(donation, 'ignored');
  await setDonationStatus(tx, donation.id, 'payment_failed');
  return about(donation, 'payment_failed');
}

/** Finds the donation of a charge, or flags the unknown payment, or parks the event until the payment is recorded. */
async function donationOfCharge(
  tx: Tx,
  eventId: string,
  ref: { metadata?: Stripe.Metadata | null; paymentIntent: string | undefined; what: string },
): Promise<PaymentRow | EventResult> {
  const donation = await lockDonationForPayment(tx, {
    donationId: donationIdOf(ref.metadata),
    paymentIntentId: ref.paymentIntent,
  });
  if (!donation) {
    const message = `${ref.what} d’un paiement Stripe inconnu (${ref.paymentIntent ?? 'sans payment intent'}).`;
    await flagAnomaly(tx, { kind: 'unknown_payment', eventId, message, details: { paymentIntent: ref.paymentIntent } });
    return { outcome: 'flagged_unknown_payment' };
  }
  if (NOT_YET_PAID.includes(donation.status)) {
    const message = `${ref.what} du don ${donation.id} reçu avant son paiement : appliqué dès que le paiement arrive.`;
    await flagAnomaly(tx, { kind: 'refund_before_payment', donationId: donation.id, eventId, message });
    return { ...about(donation, 'waiting_for_payment'), waitingForPayment: true };
  }
  return donation;
}

async function chargeRefunded(tx: Tx, eventId: string, charge: Stripe.Charge): Promise<EventResult> {
  const found = await donationOfCharge(tx, eventId, {
    metadata: charge.metadata,
    paymentIntent: idOf(charge.payment_intent),
    what: 'Remboursement',
  });
  if (!('id' in found)) return found;
  const donation = found;
  const refundedTotal = Math.min(charge.amount_refunded, donation.amountCents);
  const newlyRefunded = refundedTotal - donation.refundedCents;
  if (newlyRefunded <= 0 || donation.status === 'disputed') return about(donation, 'already_recorded');
  if (donation.projectId !== null && (await findPayoutOfProject(tx, donation.projectId))) {
    const message = `Le don ${donation.id} a été remboursé alors que le projet ${donation.projectId} a déjà été versé à sa structure.`;
    await flagAnomaly(tx, { kind: 'refund_after_payout', donationId: donation.id, eventId, message });
  }
  await takeBack(tx, eventId, donation, {
    kind: 'donation_refunded',
    idempotencyKey: `donation-refunded-${donation.id}-${refundedTotal}`,
    description: `Don ${donation.id} remboursé par Stripe (${formatEuros(newlyRefunded)})`,
    to: accounts.refunds(),
    amountCents: newlyRefunded,
  });
  const whole = refundedTotal >= donation.amountCents;
  if (!whole) {
    const message = `Le don ${donation.id} n’est remboursé qu’en partie (${formatEuros(refundedTotal)} sur ${formatEuros(donation.amountCents)}).`;
    await flagAnomaly(tx, { kind: 'partial_refund', donationId: donation.id, eventId, message });
  }
  await setDonationStatus(tx, donation.id, whole ? 'refunded' : donation.status, { refundedCents: refundedTotal });
  return about(donation, whole ? 'refunded' : 'partially_refunded');
}

async function disputeCreated(tx: Tx, eventId: string, dispute: Stripe.Dispute): Promise<EventResult> {
  const found = await donationOfCharge(tx, eventId, {
    metadata: dispute.metadata,
    paymentIntent: idOf(dispute.payment_intent),
    what: 'Contestation',
  });
  if (!('id' in found)) return found;
  const donation = found;
  if (donation.status === 'disputed') return about(donation, 'already_recorded');
  const heldCents = donation.amountCents - donation.refundedCents;
  if (heldCents <= 0) {
    const message = `Le don ${donation.id}, déjà remboursé, est contesté par le porteur de la carte : à traiter dans Stripe.`;
    await flagAnomaly(tx, { kind: 'dispute_after_refund', donationId: donation.id, eventId, message });
    return about(donation, 'flagged_dispute_after_refund');
  }
  const disputedCents = Math.min(dispute.amount, heldCents);
  await takeBack(tx, eventId, donation, {
    kind: 'donation_disputed',
    idempotencyKey: `donation-disputed-${donation.id}`,
    description: `Paiement du don ${donation.id} contesté (${formatEuros(disputedCents)} retenus par Stripe)`,
    to: accounts.disputes(),
    amountCents: disputedCents,
  });
  const message = `Le paiement du don ${donation.id} est contesté (${formatEuros(disputedCents)}) : répondre dans Stripe.`;
  await flagAnomaly(tx, {
    kind: 'dispute',
    donationId: donation.id,
    eventId,
    message,
    details: { disputeId: dispute.id },
  });
  await setDonationStatus(tx, donation.id, 'disputed', { disputed: true });
  return about(donation, 'disputed');
}
