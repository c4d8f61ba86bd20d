import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { clientIp } from '../auth/client-ip.ts';
import { defineRoute } from '../auth/access.ts';
import { signedInDonor, startDonorSession } from '../auth/donor-session.ts';
import type { AppEnv } from '../context.ts';
import { validationHook } from '../errors.ts';
import { htmlPage, htmlResponse } from '../html.ts';
import { DONOR_LINK_INVALID, donorLinkConfirm, donorLinkSent, donorSignInForm } from '../pages/donor-sign-in.ts';
import { donorSpacePage } from '../pages/donor-space.ts';
import { donorOfLink, requestDonorLink, useDonorLink } from '../services/donor-links.ts';
import { loadDonorSpace } from '../services/donor-space.ts';

const TITLE = 'Mon espace donateur';
const Email = z.string().trim().toLowerCase().email();
/** The request body of a form of the donor space, from its fields' schemas. */
export const form = <T extends z.ZodRawShape>(shape: T) => ({
  content: { 'application/x-www-form-urlencoded': { schema: z.object(shape) } },
  required: true,
});

const space = defineRoute('public', {
  method: 'get',
  path: '/donateur',
  summary: 'L’espace donateur : ses dons, reçus, choix et abonnements une fois connecté ; sinon, demander un lien',
  responses: { 200: htmlResponse('L’espace, ou le formulaire de demande de lien') },
});
const ask = defineRoute('public', {
  method: 'post',
  path: '/donateur',
  summary: 'Demander un lien de connexion par e-mail (la même réponse, que l’adresse ait donné ou non)',
  request: { body: form({ email: z.string().max(320).default('') }) },
  responses: {
    200: htmlResponse('Demande prise en compte'),
    400: htmlResponse('Adresse invalide'),
    429: htmlResponse('Trop de demandes'),
  },
});
const TokenField = { token: z.string().max(200).default('') };
const linkPage = defineRoute('public', {
  method: 'get',
  path: '/donateur/connexion',
  summary: 'La page du lien de connexion e-mailé (valable 30 minutes et une fois) : un bouton ouvre l’espace',
  request: { query: z.object(TokenField) },
  responses: { 200: htmlResponse('La page'), 400: htmlResponse('Lien expiré, déjà utilisé ou invalide') },
});
const useLink = defineRoute('public', {
  method: 'post',
  path: '/donateur/connexion',
  summary: 'Ouvrir l’espace donateur avec le lien (cookie de session httpOnly, SameSite=Lax, distinct du back office)',
  request: { body: form(TokenField) },
  responses: { 303: { description: 'Vers l’espace' }, 400: htmlResponse('Lien expiré, déjà utilisé ou invalide') },
});

async function askForLink(c: Context<AppEnv>, typed: string) {
  const email = Email.safeParse(typed);
  if (!email.success) {
    return c.html(htmlPage(TITLE, donorSignInForm(typed, 'Cette adresse e-mail n’est pas valide.')), 400);
  }
  const wait = await requestDonorLink(c.get('deps'), { email: email.data, ip: clientIp(c) });
  if (wait > 0) {
    c.header('Retry-After', String(wait));
    const message = `Trop de demandes depuis votre connexion : réessayez dans ${Math.ceil(wait / 60)} min.`;
    return c.html(htmlPage(TITLE, donorSignInForm(email.data, message)), 429);
  }
  return c.html(htmlPage(TITLE, donorLinkSent(email.data)), 200);
}

/** The donor space's door (`/donateur`): ask for a sign-in link, follow it, and see the space once signed in. */
export const donorPageRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(space, async (c) => {
    const email = await signedInDonor(c);
    if (!email) return c.html(htmlPage(TITLE, donorSignInForm()), 200);
    return c.html(htmlPage(TITLE, donorSpacePage(await loadDonorSpace(c.get('deps'), email))), 200);
  })
  .openapi(ask, (c) => askForLink(c, c.req.valid('form').email))
  .openapi(linkPage, async (c) => {
    const { token } = c.req.valid('query');
    const email = await donorOfLink(c.get('deps'), token);
    return email
      ? c.html(htmlPage(TITLE, donorLinkConfirm(token)), 200)
      : c.html(htmlPage('Lien invalide', DONOR_LINK_INVALID), 400);
  })
  .openapi(useLink, async (c) => {
    const email = await useDonorLink(c.get('deps'), c.req.valid('form').token);
    if (!email) return c.html(htmlPage('Lien invalide', DONOR_LINK_INVALID), 400);
    await startDonorSession(c, email);
    return c.redirect('/donateur', 303);
  });
