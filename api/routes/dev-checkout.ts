import { randomBytes } from 'node:crypto';
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { findDonationOfSession } from '../../db/queries/giving.ts';
import { escapeHtml } from '../../domain/html.ts';
import { formatEuros } from '../../domain/money.ts';
import { defineRoute } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { validationHook } from '../errors.ts';
import { htmlPage, htmlResponse } from '../html.ts';
import { invalidInput } from './common.schemas.ts';
import { receiveStripeEvent } from '../services/stripe-webhook.ts';

const SessionParam = z.object({ sessionId: z.string().regex(/^cs_[\w]{1,200}$/, 'session Checkout invalide') });
const responses = {
  200: htmlResponse('Page de paiement de test'),
  303: { description: 'Retour au site' },
  ...invalidInput,
};

const page = defineRoute('public', {
  method: 'get',
  path: '/dev/checkout/{sessionId}',
  summary: 'Développement seulement : tient lieu de la page Stripe Checkout quand Stripe est stripe-mock',
  request: { params: SessionParam },
  responses,
});
const pay = defineRoute('public', {
  method: 'post',
  path: '/dev/checkout/{sessionId}/pay',
  summary: 'Développement seulement : paie (ou refuse la carte) et envoie au webhook l’événement signé de Stripe',
  request: {
    params: SessionParam,
    body: {
      content: { 'application/x-www-form-urlencoded': { schema: z.object({ outcome: z.enum(['paid', 'declined']) }) } },
      required: true,
    },
  },
  responses,
});

/** Sends our webhook the event Stripe would send, signed with the configured secret, through the same verification. */
async function sendSignedEvent(c: Context<AppEnv>, type: string, object: object) {
  const deps = c.get('deps');
  const payload = JSON.stringify({
    id: `evt_dev_${randomBytes(12).toString('hex')}`,
    object: 'event',
    type,
    created: Math.floor(Date.now() / 1000),
    data: { object },
  });
  const header = deps.stripe.webhooks.generateTestHeaderString({ payload, secret: deps.config.STRIPE_WEBHOOK_SECRET });
  await receiveStripeEvent(deps, payload, header);
}

/**
 * The stand-in for Stripe's hosted Checkout page in development (stripe-mock has none): the donor pays or has
 * the card declined, and the webhook receives what Stripe would send. Mounted only outside production.
 */
export const devCheckoutRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(page, async (c) => {
    const { sessionId } = c.req.valid('param');
    const donation = await findDonationOfSession(c.get('deps').db, sessionId);
    if (!donation) return c.html(htmlPage('Session inconnue', '<h1>Session de paiement inconnue</h1>'), 200);
    const declined = c.req.query('refus')
      ? '<p role="alert" class="alert">Carte refusée : essayez une autre carte.</p>'
      : '';
    return c.html(
      htmlPage(
        'Paiement de test',
        `<p class="muted">Environnement de développement : cette page remplace Stripe Checkout. Aucune carte n’est débitée.</p>
<h1>Payer ${formatEuros(donation.amountCents)}</h1>
<p>Don pour « ${escapeHtml(donation.supported)} »</p>
${declined}
<form method="post" action="/dev/checkout/${sessionId}/pay"><input type="hidden" name="outcome" value="paid"><button type="submit">Payer ${formatEuros(donation.amountCents)}</button></form>
<form method="post" action="/dev/checkout/${sessionId}/pay"><input type="hidden" name="outcome" value="declined"><p><button type="submit">Simuler une carte refusée</button></p></form>
<p><a href="/dons/annule?session_id=${sessionId}">Annuler et revenir au site</a></p>`,
      ),
      200,
    );
  })
  .openapi(pay, async (c) => {
    const { sessionId } = c.req.valid('param');
    const donation = await findDonationOfSession(c.get('deps').db, sessionId);
    if (!donation) return c.redirect(`/dev/checkout/${sessionId}`, 303);
    const metadata = { donation_id: String(donation.id) };
    if (c.req.valid('form').outcome === 'declined') {
      await sendSignedEvent(c, 'payment_intent.payment_failed', {
        id: `pi_dev_${donation.id}`,
        object: 'payment_intent',
        metadata,
        last_payment_error: { message: 'Your card was declined.' },
      });
      return c.redirect(`/dev/checkout/${sessionId}?refus=1`, 303);
    }
    await sendSignedEvent(c, 'checkout.session.completed', {
      id: sessionId,
      object: 'checkout.session',
      amount_total: donation.amountCents,
      currency: 'eur',
      payment_status: 'paid',
      status: 'complete',
      client_reference_id: String(donation.id),
      metadata,
      payment_intent: `pi_dev_${donation.id}`,
    });
    return c.redirect(`/dons/merci?session_id=${sessionId}`, 303);
  });
