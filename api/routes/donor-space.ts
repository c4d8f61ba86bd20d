import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { listDonorProjects, setSubscription } from '../../db/queries/donor-space.ts';
import { findIssuedReceipt } from '../../db/queries/tax-receipts.ts';
import { DONOR_MESSAGE_MAX } from '../../domain/donor-space.ts';
import { receiptNumber } from '../../domain/tax-receipts.ts';
import { clientIp } from '../auth/client-ip.ts';
import { defineRoute } from '../auth/access.ts';
import { endDonorSessionOf, signedInDonor } from '../auth/donor-session.ts';
import type { AppEnv } from '../context.ts';
import { validationHook } from '../errors.ts';
import { htmlPage, htmlResponse } from '../html.ts';
import { donorSignInForm } from '../pages/donor-sign-in.ts';
import { form } from './donor-pages.ts';
import { donorSpacePage, type MessageState } from '../pages/donor-space.ts';
import { taxReceiptPdf } from '../pdf/tax-receipt.ts';
import { loadDonorSpace, relayDonorMessage } from '../services/donor-space.ts';
import { asPdf } from './receipt-pages.ts';
import { IdParam } from './resources.schemas.ts';

const TITLE = 'Mon espace donateur';
const ProjectField = z.string().max(20).default('');
const responses = {
  200: htmlResponse('L’espace, avec ce qui a changé'),
  303: { description: 'Vers la demande de lien, sans session' },
  400: htmlResponse('Demande à corriger, rien n’a changé'),
};

const subscription = defineRoute('public', {
  method: 'post',
  path: '/donateur/abonnements',
  summary: 'Recevoir ou ne plus recevoir les nouvelles d’un projet soutenu (donateur connecté)',
  request: { body: form({ projectId: ProjectField, subscribed: z.string().max(10).default('') }) },
  responses,
});
const message = defineRoute('public', {
  method: 'post',
  path: '/donateur/message',
  summary: 'Écrire au porteur d’un projet soutenu, par e-mail relayé, sans lui donner son adresse (donateur connecté)',
  request: {
    body: form({
      projectId: ProjectField,
      body: z.string().max(20_000).default(''),
      revealsAddress: z.string().max(10).optional(),
    }),
  },
  responses: { ...responses, 429: htmlResponse('Trop de messages') },
});
const receipt = defineRoute('public', {
  method: 'get',
  path: '/donateur/recus/{id}',
  summary: 'Télécharger à nouveau un de ses reçus fiscaux (PDF ; donateur connecté)',
  request: { params: IdParam },
  responses: {
    200: { description: 'PDF', content: { 'application/pdf': { schema: { type: 'string' as const } } } },
    303: responses[303],
    404: htmlResponse('Reçu introuvable'),
  },
});
const signOut = defineRoute('public', {
  method: 'post',
  path: '/donateur/deconnexion',
  summary: 'Fermer sa session de l’espace donateur',
  responses: { 200: htmlResponse('Déconnecté') },
});

/** The space of the signed-in donor shown again, with a notice or a refused message form. */
async function showSpace(
  c: Context<AppEnv>,
  email: string,
  status: 200 | 400 | 429,
  notice = '',
  state?: MessageState,
) {
  const space = await loadDonorSpace(c.get('deps'), email);
  return c.html(htmlPage(TITLE, donorSpacePage(space, notice, state)), status);
}

/** The project named by a form field, when the donor gave to it. */
async function givenProject(c: Context<AppEnv>, email: string, field: string) {
  if (!/^\d{1,15}$/.test(field)) return undefined;
  const projects = await listDonorProjects(c.get('deps').db, email);
  return projects.find((project) => project.projectId === Number(field));
}

/** What a signed-in donor does in their space: subscriptions, a message to a porteur, receipts, signing out. */
export const donorSpaceRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(subscription, async (c) => {
    const email = await signedInDonor(c);
    if (!email) return c.redirect('/donateur', 303);
    const { projectId, subscribed } = c.req.valid('form');
    const project = await givenProject(c, email, projectId);
    if (!project || !['oui', 'non'].includes(subscribed)) {
      return showSpace(c, email, 400, 'Choisissez un projet que vous avez soutenu, puis « oui » ou « non ».');
    }
    await setSubscription(c.get('deps').db, { email, projectId: project.projectId, subscribed: subscribed === 'oui' });
    const notice =
      subscribed === 'oui'
        ? `Vous recevrez à nouveau les nouvelles de « ${project.title} ».`
        : `Vous ne recevrez plus les nouvelles de « ${project.title} ».`;
    return showSpace(c, email, 200, notice);
  })
  .openapi(message, async (c) => {
    const email = await signedInDonor(c);
    if (!email) return c.redirect('/donateur', 303);
    const fields = c.req.valid('form');
    const body = fields.body.trim();
    const project = await givenProject(c, email, fields.projectId);
    const state: MessageState = {
      projectId: project?.projectId,
      body,
      revealsAddress: fields.revealsAddress === 'oui',
    };
    const refusal = !project
      ? 'Choisissez un projet que vous avez soutenu.'
      : body.length === 0
        ? 'Écrivez votre message.'
        : body.length > DONOR_MESSAGE_MAX
          ? `Votre message compte ${body.length} caractères : ${DONOR_MESSAGE_MAX} au plus.`
          : '';
    if (refusal || !project) return showSpace(c, email, 400, '', { ...state, error: refusal });
    const wait = await relayDonorMessage(c.get('deps'), {
      email,
      projectId: project.projectId,
      body,
      revealsAddress: state.revealsAddress ?? false,
      ip: clientIp(c),
    });
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      const error = `Vous avez envoyé beaucoup de messages : réessayez dans ${Math.ceil(wait / 60)} min.`;
      return showSpace(c, email, 429, '', { ...state, error });
    }
    return showSpace(c, email, 200, `Votre message est transmis au porteur de « ${project.title} ».`);
  })
  .openapi(receipt, async (c) => {
    const email = await signedInDonor(c);
    if (!email) return c.redirect('/donateur', 303);
    const found = await findIssuedReceipt(c.get('deps').db, c.req.valid('param').id);
    if (!found || found.donorEmail.toLowerCase() !== email.toLowerCase()) {
      return c.html(htmlPage('Reçu introuvable', '<h1>Ce reçu n’est pas dans votre espace</h1>'), 404);
    }
    return asPdf(await taxReceiptPdf(found), `recu-${receiptNumber(found.year, found.number)}.pdf`);
  })
  .openapi(signOut, async (c) => {
    await endDonorSessionOf(c);
    return c.html(htmlPage(TITLE, donorSignInForm('', '', 'Vous êtes déconnecté de votre espace donateur.')), 200);
  });
