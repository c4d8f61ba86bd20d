import { OpenAPIHono, z, type RouteConfig } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { findDonationOfSession, listOpenFunds } from '../../db/queries/giving.ts';
import { findPublicPhoto, findPublicReportPhoto } from '../../db/queries/public-project.ts';
import { findPublicProject } from '../../db/queries/public-pages.ts';
import { escapeHtml } from '../../domain/html.ts';
import { formatEuros, parseEuros } from '../../domain/money.ts';
import { defineRoute } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { ApiError, validationHook } from '../errors.ts';
import { htmlPage, htmlResponse } from '../html.ts';
import { donateForm, EMPTY_FORM, formStateOf, type FormState } from '../pages/donate-form.ts';
import { renderProjectPage, siteBase } from '../pages/project-view.ts';
import { themePicture } from '../pages/theme-pictures.ts';
import { startDonation } from '../services/giving.ts';
import { DonationRequest } from './donations.schemas.ts';
import { newDonationOf } from './donations.ts';
import { IdParam } from './resources.schemas.ts';

const formBody = {
  content: { 'application/x-www-form-urlencoded': { schema: z.record(z.string(), z.string()) } },
  required: true,
};
const SessionQuery = z.object({ session_id: z.string().max(300).default('') });

const pageRoute = <M extends 'get' | 'post', R extends NonNullable<RouteConfig['request']> = object>(
  method: M,
  path: string,
  summary: string,
  request: R = {} as R,
) =>
  defineRoute('public', {
    method,
    path,
    summary,
    request,
    responses: {
      200: htmlResponse('La page'),
      303: { description: 'Vers le paiement Stripe Checkout' },
      400: htmlResponse('Formulaire à corriger'),
      404: htmlResponse('Introuvable'),
    },
  });

const project = pageRoute('get', '/projets/{id}', 'Page publique d’un projet en collecte (ou passée)', {
  params: IdParam,
});
const image = defineRoute('public', {
  method: 'get',
  path: '/projets/{id}/image',
  summary: 'L’image d’un projet : sa première photo avec droit à l’image, sinon celle de son thème',
  request: { params: IdParam },
  responses: {
    200: { description: 'L’image', content: { 'image/*': { schema: z.string() } } },
    404: htmlResponse('Introuvable'),
  },
});
const reportPhoto = defineRoute('public', {
  method: 'get',
  path: '/projets/{id}/bilan/photos/{photoId}',
  summary: 'Une photo du bilan accepté d’un projet (avec droit à l’image)',
  request: { params: IdParam.extend({ photoId: IdParam.shape.id }) },
  responses: {
    200: { description: 'La photo', content: { 'image/*': { schema: z.string() } } },
    404: htmlResponse('Introuvable'),
  },
});
const giveToProject = pageRoute('post', '/projets/{id}/don', 'Formulaire de don à un projet', {
  params: IdParam,
  body: formBody,
});
const funds = pageRoute('get', '/fonds', 'Donner à un fonds de solidarité (thème, département, niveau ou général)');
const giveToFund = pageRoute('post', '/fonds/don', 'Formulaire de don à un fonds', { body: formBody });
const thanks = pageRoute('get', '/dons/merci', 'Retour de Stripe Checkout après paiement', { query: SessionQuery });
const cancelled = pageRoute('get', '/dons/annule', 'Retour de Stripe Checkout sans paiement', { query: SessionQuery });

const NOT_FOUND = htmlPage('Projet introuvable', '<h1>Ce projet n’est pas (ou pas encore) en ligne</h1>');

/** What the donor typed, as strings, and the gift it describes (euros as cents, ticked boxes as booleans). */
function giftOfForm(values: Record<string, string>, target: { projectId?: number }) {
  const ticked = (name: string) => values[name] === 'on';
  return {
    ...target,
    ...(target.projectId === undefined && values.fundId ? { fundId: Number(values.fundId) } : {}),
    amountCents: parseEuros(values.amount?.trim() ? values.amount : (values.suggested ?? '')),
    donorKind: values.donorKind === 'company' ? 'company' : 'person',
    donorName: values.donorName,
    donorEmail: values.donorEmail?.trim(),
    companyName: values.companyName,
    siren: values.siren,
    addressLine: values.addressLine,
    postalCode: values.postalCode,
    city: values.city,
    wantsTaxReceipt: ticked('wantsTaxReceipt'),
    hideName: ticked('hideName'),
    hideAmount: ticked('hideAmount'),
    failureChoice: values.failureChoice === 'redirect' ? 'redirect' : 'refund',
  };
}

/** Starts the gift a form describes and sends the donor to pay; or the form's state to show again, with why. */
async function submitGift(c: Context<AppEnv>, target: { projectId?: number }): Promise<Response | FormState> {
  const body = await c.req.parseBody();
  const values = Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string')) as Record<
    string,
    string
  >;
  const gift = giftOfForm(values, target);
  const parsed = DonationRequest.safeParse(gift);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) =>
      issue.path[0] === 'amountCents' && Number.isNaN(gift.amountCents)
        ? { ...issue, message: 'Indiquez un montant en euros, par exemple 25 ou 25,50.' }
        : issue,
    );
    return formStateOf(values, issues);
  }
  try {
    const { checkoutUrl } = await startDonation(c.get('deps'), newDonationOf(parsed.data));
    return c.redirect(checkoutUrl, 303);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { values, errors: {}, message: error.message };
  }
}

async function renderProject(c: Context<AppEnv>, id: number, form: FormState, status: 200 | 400) {
  const { db, config } = c.get('deps');
  const html = await renderProjectPage(db, { id, form, publicUrl: config.PUBLIC_URL, now: new Date() });
  return html ? c.html(html, status) : c.html(NOT_FOUND, 404);
}

async function projectImage(c: Context<AppEnv>, id: number) {
  const { db } = c.get('deps');
  const project = await findPublicProject(db, id);
  if (!project) return c.html(NOT_FOUND, 404);
  const photo = project.hasPhoto ? await findPublicPhoto(db, id) : undefined;
  c.header('cache-control', 'public, max-age=3600');
  if (!photo) return c.body(themePicture(project.theme), 200, { 'content-type': 'image/svg+xml' });
  return c.body(new Uint8Array(photo.content), 200, { 'content-type': photo.contentType });
}

const FUNDS_LEAD =
  'Un don à un fonds n’est pas fléché vers un projet : il amorce les projets prioritaires à leur lancement et complète ceux qui peinent à atteindre leur objectif, selon des règles publiques.';

async function renderFunds(c: Context<AppEnv>, form: FormState, status: 200 | 400) {
  const open = await listOpenFunds(c.get('deps').db);
  const options = open.map((fund) => {
    const scope = [...fund.themes, ...fund.departements.map((d) => `département ${d}`), ...fund.levels];
    const restriction = fund.isGeneralSolidarity ? 'tous les projets' : scope.join(', ') || 'tous les projets';
    return { id: fund.id, label: `${fund.name} (${fund.sponsorName}) — ${restriction}` };
  });
  const body = options.length
    ? donateForm(form, { action: '/fonds/don', funds: options })
    : '<p>Aucun fonds ne reçoit de dons en ce moment.</p>';
  return c.html(
    htmlPage(
      'Donner à un fonds de solidarité',
      `<h1>Donner à un fonds de solidarité</h1>
<p>${FUNDS_LEAD}</p>
${body}`,
      { url: `${siteBase(c.get('deps').config.PUBLIC_URL)}/fonds`, description: FUNDS_LEAD },
    ),
    status,
  );
}

async function returnPage(c: Context<AppEnv>, sessionId: string, paid: boolean) {
  const donation = sessionId ? await findDonationOfSession(c.get('deps').db, sessionId) : undefined;
  if (!donation) return c.html(htmlPage('Don introuvable', '<h1>Nous ne retrouvons pas ce don</h1>'), 404);
  const back = donation.projectId ? `<p><a href="/projets/${donation.projectId}">Revenir au projet</a></p>` : '';
  const what = `${formatEuros(donation.amountCents)} pour « ${escapeHtml(donation.supported)} »`;
  const body = paid
    ? `<h1>Merci pour votre don !</h1>
<p>Votre don de ${what} ${donation.status === 'paid' ? 'est enregistré' : 'est en cours de confirmation par notre prestataire de paiement'}.</p>
<p>Vous allez recevoir un e-mail de confirmation.</p>${back}
<p><a href="/donateur">Retrouver vos dons dans votre espace donateur</a></p>`
    : `<h1>Paiement annulé</h1><p>Votre don de ${what} n’a pas été payé : rien n’a été débité.</p>${back}`;
  return c.html(htmlPage(paid ? 'Merci' : 'Paiement annulé', body), 200);
}

/** The public site: project pages with their donate form, giving to a fund, and the pages Checkout returns to. */
export const publicPageRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(project, (c) => renderProject(c, c.req.valid('param').id, EMPTY_FORM, 200))
  .openapi(image, (c) => projectImage(c, c.req.valid('param').id))
  .openapi(reportPhoto, async (c) => {
    const { id, photoId } = c.req.valid('param');
    const photo = await findPublicReportPhoto(c.get('deps').db, id, photoId);
    if (!photo) return c.html(NOT_FOUND, 404);
    c.header('cache-control', 'public, max-age=3600');
    return c.body(new Uint8Array(photo.content), 200, { 'content-type': photo.contentType });
  })
  .openapi(giveToProject, async (c) => {
    const projectId = c.req.valid('param').id;
    const result = await submitGift(c, { projectId });
    return result instanceof Response ? result : renderProject(c, projectId, result, 400);
  })
  .openapi(funds, (c) => renderFunds(c, EMPTY_FORM, 200))
  .openapi(giveToFund, async (c) => {
    const result = await submitGift(c, {});
    return result instanceof Response ? result : renderFunds(c, result, 400);
  })
  .openapi(thanks, (c) => returnPage(c, c.req.valid('query').session_id, true))
  .openapi(cancelled, (c) => returnPage(c, c.req.valid('query').session_id, false));
