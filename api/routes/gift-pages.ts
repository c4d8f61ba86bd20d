import { OpenAPIHono, z } from '@hono/zod-openapi';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { Context } from 'hono';
import { findDonorGift, recordDonorChoice, type DonorGift } from '../../db/queries/public-pages.ts';
import { verifyDonationToken } from '../../domain/email-links.ts';
import { escapeHtml } from '../../domain/html.ts';
import { formatEuros } from '../../domain/money.ts';
import { CHOOSABLE_STATUSES, GIFT_STATUS_WORDS } from '../../domain/donor-space.ts';
import { donorChoiceSignal, resolutionWorkflowId } from '../../workflows/failed-campaign-resolution.messages.ts';
import { defineRoute } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { validationHook } from '../errors.ts';
import { htmlPage, htmlResponse } from '../html.ts';

const TokenQuery = z.object({ token: z.string().max(200).default('') });
const ChoiceForm = z.object({
  token: z.string().max(200).default(''),
  choice: z.enum(['refund', 'redirect']).optional(),
});

const responses = { 200: htmlResponse('La page du don'), 400: htmlResponse('Lien invalide ou choix manquant') };
const managePage = defineRoute('public', {
  method: 'get',
  path: '/dons/gerer',
  summary: '« Gérer mon don » : page du donateur, par le lien signé de ses e-mails',
  request: { query: TokenQuery },
  responses,
});
const choose = defineRoute('public', {
  method: 'post',
  path: '/dons/gerer',
  summary: 'Le donateur choisit remboursement ou réorientation vers le fonds de solidarité',
  request: { body: { content: { 'application/x-www-form-urlencoded': { schema: ChoiceForm } }, required: true } },
  responses,
});

const INVALID = htmlPage(
  'Lien invalide',
  '<h1>Ce lien n’est pas valide</h1><p>Il est peut-être incomplet : copiez-le en entier depuis le message reçu.</p>',
);

function giftPage(gift: DonorGift, token: string, notice = ''): string {
  const choosable =
    gift.status === 'paid' && gift.projectStatus !== null && CHOOSABLE_STATUSES.includes(gift.projectStatus);
  const failed = gift.projectStatus === 'failed' || gift.projectStatus === 'resolving';
  const choice = gift.failureChoice === 'redirect' ? 'le reverser au fonds de solidarité' : 'vous le rembourser';
  const form = choosable
    ? `<form method="post" action="/dons/gerer">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<fieldset><legend>${failed ? 'Le projet n’a pas atteint son objectif : que faire de votre don ?' : 'Si le projet n’atteint pas son objectif'}</legend>
<p><input type="radio" id="choice-refund" name="choice" value="refund"${gift.failureChoice === 'refund' ? ' checked' : ''}> <label for="choice-refund">Me rembourser (sur la carte utilisée)</label></p>
<p><input type="radio" id="choice-redirect" name="choice" value="redirect"${gift.failureChoice === 'redirect' ? ' checked' : ''}> <label for="choice-redirect">Reverser mon don au fonds de solidarité, qui soutient d’autres projets prioritaires</label></p>
</fieldset>
<p><button type="submit">Enregistrer mon choix</button></p>
</form>`
    : '';
  return `<h1>Votre don à « ${escapeHtml(gift.supported)} »</h1>
${notice ? `<p role="status"><strong>${escapeHtml(notice)}</strong></p>` : ''}
<p>Bonjour ${escapeHtml(gift.donorName)}, votre don de ${formatEuros(gift.amountCents)} est ${GIFT_STATUS_WORDS[gift.status] ?? gift.status}.</p>
${gift.projectId !== null && gift.status === 'paid' ? `<p>En cas d’échec de la collecte, nous allons ${choice}.</p>` : ''}
${form}
${gift.projectId !== null ? `<p><a href="/projets/${gift.projectId}">Voir le projet</a></p>` : ''}`;
}

async function giftOf(c: Context<AppEnv>, token: string): Promise<DonorGift | undefined> {
  const donationId = await verifyDonationToken(c.get('deps').config.EMAIL_LINK_SECRET, token);
  return donationId === undefined ? undefined : findDonorGift(c.get('deps').db, donationId);
}

/** Tells the resolution of a failed campaign, if it runs, what the donor chose (the database already says it). */
async function signalChoice(c: Context<AppEnv>, gift: DonorGift, choice: 'refund' | 'redirect') {
  if (gift.projectId === null) return;
  try {
    await c
      .get('deps')
      .temporal.workflow.getHandle(resolutionWorkflowId(gift.projectId))
      .signal(donorChoiceSignal, { donationId: gift.id, choice });
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
  }
}

/** The donor's own page for a gift, from the signed link of their e-mails: its state and their choice on failure. */
export const giftPageRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(managePage, async (c) => {
    const { token } = c.req.valid('query');
    const gift = await giftOf(c, token);
    return gift ? c.html(htmlPage('Mon don', giftPage(gift, token)), 200) : c.html(INVALID, 400);
  })
  .openapi(choose, async (c) => {
    const { token, choice } = c.req.valid('form');
    const gift = await giftOf(c, token);
    if (!gift) return c.html(INVALID, 400);
    if (!choice) return c.html(htmlPage('Mon don', giftPage(gift, token, 'Choisissez une des deux options.')), 400);
    const choosable = gift.projectStatus !== null && CHOOSABLE_STATUSES.includes(gift.projectStatus);
    if (!choosable || !(await recordDonorChoice(c.get('deps').db, gift.id, choice))) {
      return c.html(
        htmlPage('Mon don', giftPage(gift, token, 'Votre don a déjà été traité : il ne peut plus changer.')),
        400,
      );
    }
    await signalChoice(c, gift, choice);
    const updated = (await findDonorGift(c.get('deps').db, gift.id)) ?? gift;
    return c.html(htmlPage('Mon don', giftPage(updated, token, 'Votre choix est enregistré. Merci !')), 200);
  });
