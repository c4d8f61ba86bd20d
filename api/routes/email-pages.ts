import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { findPublicProject, listProjectSponsors, recordUnsubscription } from '../../db/queries/email-links.ts';
import { verifyUnsubscribeToken } from '../../domain/email-links.ts';
import { formatEuros } from '../../domain/money.ts';
import { PROJECT_STATUS_LABELS } from '../../domain/project-status.ts';
import { defineRoute } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { validationHook } from '../errors.ts';
import { escapeHtml } from '../../domain/html.ts';
import { htmlPage } from '../html.ts';
import { IdParam } from './resources.schemas.ts';

const UnsubscribeQuery = z.object({ token: z.string().max(600).default('') });

const htmlResponse = (description: string) => ({ description, content: { 'text/html': { schema: z.string() } } });

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

const projectPage = defineRoute('public', {
  method: 'get',
  path: '/projets/{id}',
  summary: 'Page publique d’un projet dont la collecte a ouvert (lien des e-mails aux donateurs)',
  request: { params: IdParam },
  responses: { 200: htmlResponse('Le projet'), 404: htmlResponse('Projet introuvable ou pas encore public') },
});

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

/** Public pages the e-mails link to: a project's page and the unsubscribe confirmation. */
export const emailPageRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(unsubscribe, (c) => handleUnsubscribe(c, c.req.valid('query').token))
  .openapi(unsubscribeOneClick, (c) => handleUnsubscribe(c, c.req.valid('query').token))
  .openapi(projectPage, async (c) => {
    const project = await findPublicProject(c.get('deps').db, c.req.valid('param').id);
    if (!project) {
      return c.html(htmlPage('Projet introuvable', '<h1>Ce projet n’est pas (ou pas encore) en ligne</h1>'), 404);
    }
    const sponsors = await listProjectSponsors(c.get('deps').db, project.id);
    const supported = sponsors.length
      ? `<p>Abondé par ${sponsors.map((fund) => `${escapeHtml(fund.name)} (${escapeHtml(fund.sponsorName)})`).join(', ')}.</p>`
      : '';
    const ends = project.campaignEndsAt
      ? `<p class="muted">Fin de la collecte : ${project.campaignEndsAt.toLocaleDateString('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' })}</p>`
      : '';
    return c.html(
      htmlPage(
        project.title,
        `<h1>${escapeHtml(project.title)}</h1>
<p class="muted">${escapeHtml(project.schoolName)}, ${escapeHtml(project.commune)} — ${escapeHtml(PROJECT_STATUS_LABELS[project.status])}</p>
<p>${escapeHtml(project.summary)}</p>
<p><strong>${formatEuros(project.collectedCents)}</strong> collectés sur un objectif de ${formatEuros(project.minimumGoalCents)} (objectif optimal : ${formatEuros(project.optimumGoalCents)}).</p>
${supported}
${ends}`,
      ),
      200,
    );
  });
