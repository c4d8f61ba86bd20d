import { OpenAPIHono } from '@hono/zod-openapi';
import type { NewDonation } from '../../db/queries/donations.ts';
import { defineRoute } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { validationHook } from '../errors.ts';
import { startDonation } from '../services/giving.ts';
import { receiveStripeEvent } from '../services/stripe-webhook.ts';
import { invalidInput, refusal, refusalResponses, jsonResponse } from './common.schemas.ts';
import { DonationRequest, DonationStarted, WebhookReceipt } from './donations.schemas.ts';

const give = defineRoute('public', {
  method: 'post',
  path: '/donations',
  summary: 'Crée un don (à un projet en collecte ou à un fonds) et renvoie la page de paiement Stripe Checkout',
  request: { body: { content: { 'application/json': { schema: DonationRequest } }, required: true } },
  responses: {
    201: jsonResponse(DonationStarted, 'Don enregistré en attente de paiement'),
    ...invalidInput,
    404: refusalResponses[404],
    409: refusalResponses[409],
    502: refusalResponses[502],
  },
});

const webhook = defineRoute('public', {
  method: 'post',
  path: '/stripe/webhook',
  summary: 'Événements Stripe, vérifiés par leur signature (en-tête Stripe-Signature) et traités une seule fois',
  responses: {
    200: jsonResponse(WebhookReceipt, 'Événement reçu'),
    400: refusal('Signature Stripe absente ou fausse'),
  },
});

/** A validated gift as the database stores it (absent optional fields become nulls). */
export function newDonationOf(gift: typeof DonationRequest._output): NewDonation {
  const company = gift.donorKind === 'company';
  return {
    projectId: gift.projectId ?? null,
    fundId: gift.fundId ?? null,
    amountCents: gift.amountCents,
    donorKind: gift.donorKind,
    donorName: gift.donorName,
    donorEmail: gift.donorEmail,
    companyName: company ? (gift.companyName ?? null) : null,
    siren: company ? (gift.siren ?? null) : null,
    addressLine: gift.addressLine ?? null,
    postalCode: gift.postalCode ?? null,
    city: gift.city ?? null,
    wantsTaxReceipt: gift.wantsTaxReceipt,
    hideName: gift.hideName,
    hideAmount: gift.hideAmount,
    failureChoice: gift.failureChoice,
  };
}

/** Giving (public) and Stripe's webhook (public, authenticated by its signature). */
export const donationRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(give, async (c) => {
    const started = await startDonation(c.get('deps'), newDonationOf(c.req.valid('json')));
    return c.json(started, 201);
  })
  .openapi(webhook, async (c) => {
    const receipt = await receiveStripeEvent(c.get('deps'), await c.req.text(), c.req.header('stripe-signature'));
    return c.json(receipt, 200);
  });
