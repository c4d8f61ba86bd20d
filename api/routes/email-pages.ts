import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { recordUnsubscription } from '../../db/queries/email-links.ts';
import { verifyUnsubscribeToken } from '../../domain/email-links.ts';
import { defineRoute } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { validationHook } from '../errors.ts';
import { escapeHtml } from '../../domain/html.ts';
import { htmlPage, htmlResponse } from '../html.ts';

const UnsubscribeQuery = z.object({ token: z.string().max(600).default('') });

/** The unsubscribe link of an e-mail: GET when a person follows it, POST when their mail client does (one click). */
const unsubscribeRoute = <M extends 'get' | 'post'>(method: M, summary: string) =>
  defineRoute('public', {
    method,
    path: '/unsubscribe',
    summary,
    request: { query: UnsubscribeQuery },
    responses: {
      200: htmlResponse('Désinscription enregistrée (page de confirmation)'),
      400: htmlResponse('Lien invalide'),
    },
  });

const unsubscribe = unsubscribeRoute(
  'get',
  'Désinscription des nouvelles d’un projet, depuis le lien signé d’un e-mail',
);
const unsubscribeOneClick = unsubscribeRoute(
  'post',
  'Désinscription en un clic (RFC 8058, en-tête List-Unsubscribe-Post des messageries)',
);

const INVALID_LINK = htmlPage(
  'Lien invalide',
  '<h1>Ce lien de désinscription n’est pas valide</h1><p>Il est peut-être incomplet : copiez-le en entier depuis le message reçu.</p>',
);

async function handleUnsubscribe(c: Context<AppEnv>, token: string) {
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

/** The unsubscribe link of progress and news e-mails and its confirmation page. */
export const emailPageRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(unsubscribe, (c) => handleUnsubscribe(c, c.req.valid('query').token))
  .openapi(unsubscribeOneClick, (c) => handleUnsubscribe(c, c.req.valid('query').token));
