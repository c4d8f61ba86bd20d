import type Stripe from 'stripe';
import { findStripeEvent, finishStripeEvent, storeStripeEvent } from '../../db/queries/stripe-events.ts';
import type { ApiDeps } from '../context.ts';
import { ApiError } from '../errors.ts';
import { donationSignaller } from './lifecycle-signals.ts';
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
 * database transaction; then asks for the project's workflow and the donor to be told. A repeat applies nothing
 * but asks again (both are harmless to repeat).
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
  if (result.donationId !== undefined) tellAbout(deps, result);
  return { eventId: event.id, duplicate: result.duplicate, outcome: result.outcome };
}

/**
 * The project's workflow learns of every change to its money, without the answer waiting for it (coalesced per
 * project, retried until sent); a paid gift's thank-you (queued by the e-mail delivery from the mark the
 * transaction set) is asked to go out now.
 */
function tellAbout(deps: Pick<ApiDeps, 'temporal' | 'config'>, result: EventResult) {
  if (result.outcome === 'paid') kickEmailDelivery(deps, result.donationId as number);
  if (result.projectId != null) donationSignaller(deps.temporal).ask(result.projectId, result.donationId as number);
}
