import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { recordUnsubscription } from '../../db/queries/email-links.ts';
import { projectTitle } from '../../db/queries/outbox.ts';
import { verifyUnsubscribeToken } from '../../domain/email-links.ts';
import { defineRoute } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { validationHook } from '../errors.ts';
import { escapeHtml } from '../../domain/html.ts';
import { htmlPage, htmlResponse } from '../html.ts';

const UnsubscribeQuery = z.object({ token: z.string().max(600).default('') });

/** The unsubscribe link of an e-mail: GET when a person follows it, POST to confirm (or their mail client's one click). */
const unsubscribeRoute = <M extends 'get' | 'post'>(method: M, summary: string, page: string) =>
  defineRoute('public', {
    method,
    path: '/unsubscribe',
    summary,
    request: { query: UnsubscribeQuery },
    responses: { 200: htmlResponse(page), 400: htmlResponse('Lien invalide') },
  });

const unsubscribe = unsubscribeRoute(
  'get',
  'Désinscription des nouvelles d’un projet, depuis le lien signé d’un e-mail : demande de confirmation',
  'Page qui demande de confirmer',
);
const unsubscribeOneClick = unsubscribeRoute(
  'post',
  'Désinscription confirmée, ou en un clic (RFC 8058, en-tête List-Unsubscribe-Post des messageries)',
  'Désinscription enregistrée',
);

const INVALID_LINK = htmlPage(
  'Lien invalide',
  '<h1>Ce lien de désinscription n’est pas valide</h1><p>Il est peut-être incomplet : copiez-le en entier depuis le message reçu.</p>',
);

/** A person following the link is asked to confirm (a mail scanner that opens links unsubscribes nobody). */
async function askToConfirm(c: Context<AppEnv>, token: string) {
  const { db, config } = c.get('deps');
  const who = await verifyUnsubscribeToken(config.EMAIL_LINK_SECRET, token);
  const title = who && (await projectTitle(db, who.projectId));
  if (!who || title === undefined) return c.html(INVALID_LINK, 400);
  return c.html(
    htmlPage(
      'Se désinscrire',
      `<h1>Ne plus recevoir les nouvelles de « ${escapeHtml(title)} » ?</h1>
<p>L’adresse <strong>${escapeHtml(who.email)}</strong> ne recevra plus les étapes de la collecte, les actualités ni le bilan de ce projet.</p>
<form method="post" action="/unsubscribe?token=${encodeURIComponent(token)}"><button type="submit">Me désinscrire</button></form>`,
    ),
    200,
  );
}

/** Records the unsubscription: the button of the confirmation page, or the mail client's one-click POST. */
async function unsubscribeNow(c: Context<AppEnv>, token: string) {
  const { db, config } = c.get('deps');
  const who = await verifyUnsubscribeToken(config.EMAIL_LINK_SECRET, token);
  const title = who && (await recordUnsubscription(db, who));
  if (!who || title === undefined) return c.html(INVALID_LINK, 400);
  return c.html(
    htmlPage(
      'Désinscription enregistrée',
      `<h1>Désinscription enregistrée</h1>
<p>L’adresse <strong>${escapeHtml(who.email)}</strong> ne recevra plus les nouvelles du projet « ${escapeHtml(title)} » (étapes de la collecte, actualités, bilan).</p>
<p class="muted">Les messages indispensables, comme ceux qui concernent le remboursement de votre don, vous seront toujours envoyés.</p>`,
    ),
    200,
  );
}

/** The unsubscribe link of progress and news e-mails: a confirmation page, then the unsubscription. */
export const emailPageRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(unsubscribe, (c) => askToConfirm(c, c.req.valid('query').token))
  .openapi(unsubscribeOneClick, (c) => unsubscribeNow(c, c.req.valid('query').token));
