import type Stripe from 'stripe';
import { findStripeEvent, finishStripeEvent, storeStripeEvent } from '../../db/queries/stripe-events.ts';
import type { ApiDeps } from '../context.ts';
import { ApiError } from '../errors.ts';
import { signalDonationChanged } from './lifecycle.ts';
import { kickEmailDelivery } from './notify.ts';
import { applyStripeEvent, type EventResult } from './payment-events.ts';

/** An event signed longer ago than this is refused (Stripe's own default): a replayed capture is worthless. */
const SIGNATURE_TOLERANCE_SECONDS = 300;

/** What a webhook delivery came to. */
export interface Receipt {
  eventId: string;
  duplicate: boolean;
  outcome: string;
}

/**
 * Verifies a Stripe event's signature on its raw body, stores it once by id and applies it in the same
 * database transaction; then tells the project's workflow and the donor. A repeat applies nothing but tells
 * again (both are harmless to repeat), so a delivery that failed after its commit is completed by Stripe's retry.
 */
export async function receiveStripeEvent(
  deps: Pick<ApiDeps, 'db' | 'stripe' | 'temporal' | 'config'>,
  rawBody: string,
  signature: string | undefined,
): Promise<Receipt> {
  let event: Stripe.Event;
  try {
    event = await deps.stripe.webhooks.constructEventAsync(
      rawBody,
      signature ?? '',
      deps.config.STRIPE_WEBHOOK_SECRET,
      SIGNATURE_TOLERANCE_SECONDS,
    );
  } catch {
    throw new ApiError(
      400,
      'invalid_signature',
      'Signature Stripe absente, invalide ou trop ancienne : événement refusé.',
    );
  }
  const result = await deps.db.begin(async (tx) => {
    if (!(await storeStripeEvent(tx, { id: event.id, type: event.type, payload: event }))) {
      const stored = await findStripeEvent(tx, event.id);
      return {
        duplicate: true,
        outcome: stored?.outcome ?? 'in_progress',
        donationId: stored?.donationId ?? undefined,
        projectId: stored?.projectId,
      };
    }
    const applied = await applyStripeEvent(tx, event);
    await finishStripeEvent(tx, event.id, applied);
    return { duplicate: false, ...applied };
  });
  if (result.donationId !== undefined) await tellAbout(deps, result);
  return { eventId: event.id, duplicate: result.duplicate, outcome: result.outcome };
}

/**
 * The project's workflow learns of every change to its money; a paid gift's thank-you (queued by the e-mail
 * delivery from the mark the transaction set) is asked to go out now.
 */
async function tellAbout(deps: Pick<ApiDeps, 'temporal' | 'config'>, result: EventResult) {
  if (result.outcome === 'paid') kickEmailDelivery(deps, result.donationId as number);
  if (result.projectId != null) {
    await signalDonationChanged(deps.temporal, result.projectId, result.donationId as number);
  }
}
