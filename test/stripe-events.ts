import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import { DEV_WEBHOOK_SECRET } from '../api/config.ts';
import { expect } from 'vitest';
import type { App } from '../api/app.ts';
import type { Db } from '../db/client.ts';
import type { Browser } from './app.ts';

const stripe = new Stripe('sk_test_signing_only');
const unique = () => randomBytes(8).toString('hex');

/** A Stripe event around `object`, with an id of its own unless given. */
export function stripeEvent(type: string, object: object, id = `evt_test_${unique()}`) {
  return {
    id,
    object: 'event',
    type,
    api_version: '2025-01-27',
    created: Math.floor(Date.now() / 1000),
    data: { object },
  };
}

/** The event Stripe sends once a donor has paid a Checkout Session. */
export function sessionCompleted(donation: {
  id: number;
  sessionId: string;
  amountCents: number;
  paymentIntent?: string;
}) {
  return stripeEvent('checkout.session.completed', {
    id: donation.sessionId,
    object: 'checkout.session',
    amount_total: donation.amountCents,
    currency: 'eur',
    payment_status: 'paid',
    status: 'complete',
    client_reference_id: String(donation.id),
    metadata: { donation_id: String(donation.id) },
    payment_intent: donation.paymentIntent ?? `pi_test_${donation.id}`,
  });
}

/** The event of a Checkout Session that expired unpaid. */
export const sessionExpired = (donation: { id: number; sessionId: string }) =>
  stripeEvent('checkout.session.expired', {
    id: donation.sessionId,
    object: 'checkout.session',
    payment_status: 'unpaid',
    status: 'expired',
    metadata: { donation_id: String(donation.id) },
  });

/** The event of a refused card. */
export const paymentFailed = (donation: { id: number }) =>
  stripeEvent('payment_intent.payment_failed', {
    id: `pi_test_${donation.id}`,
    object: 'payment_intent',
    metadata: { donation_id: String(donation.id) },
    last_payment_error: { message: 'Your card was declined.' },
  });

/** The event of a charge refunded (in whole unless `refundedCents` says otherwise). */
export const chargeRefunded = (donation: { id: number; amountCents: number; refundedCents?: number }) =>
  stripeEvent('charge.refunded', {
    id: `ch_test_${donation.id}`,
    object: 'charge',
    amount: donation.amountCents,
    amount_refunded: donation.refundedCents ?? donation.amountCents,
    refunded: (donation.refundedCents ?? donation.amountCents) === donation.amountCents,
    payment_intent: `pi_test_${donation.id}`,
    metadata: { donation_id: String(donation.id) },
  });

/** The event of a cardholder disputing the payment. */
export const disputeCreated = (donation: { id: number; amountCents: number }) =>
  stripeEvent('charge.dispute.created', {
    id: `dp_test_${donation.id}`,
    object: 'dispute',
    amount: donation.amountCents,
    charge: `ch_test_${donation.id}`,
    payment_intent: `pi_test_${donation.id}`,
    reason: 'fraudulent',
    status: 'needs_response',
    metadata: {},
  });

/** The raw body and Stripe-Signature header of an event, signed as Stripe does (the stripe library's test helper). */
export function signed(event: object, options: { secret?: string; timestamp?: number } = {}) {
  const payload = JSON.stringify(event);
  const header = stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? DEV_WEBHOOK_SECRET,
    timestamp: options.timestamp,
  });
  return { payload, header };
}

/** Delivers a signed event to the webhook endpoint, as Stripe does (no cookie, no origin); returns the response. */
export async function deliver(app: App, event: object, options: Parameters<typeof signed>[1] = {}) {
  const { payload, header } = signed(event, options);
  return app.request('http://localhost/api/stripe/webhook', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': header },
    body: payload,
  });
}

/**
 * A gift started through the API as the donate form does (to a project or a fund; a donor by default): the pending
 * donation and its Checkout Session, which the payment events then refer to.
 */
export async function startGift(
  client: Browser,
  db: Db,
  gift: { projectId?: number; fundId?: number; amountCents: number; donorName?: string; donorEmail?: string },
): Promise<{ id: number; sessionId: string; amountCents: number }> {
  const response = await client.request('POST', '/api/donations', {
    donorName: 'Camille Martin',
    donorEmail: 'camille.martin@example.org',
    ...gift,
  });
  expect(response.status).toBe(201);
  const { donationId } = (await response.json()) as { donationId: number };
  const [row] = await db<{ sessionId: string }[]>`
    select stripe_checkout_session_id as session_id from donations where id = ${donationId}`;
  return { id: donationId, sessionId: (row as { sessionId: string }).sessionId, amountCents: gift.amountCents };
}
