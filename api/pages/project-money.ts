import { daysLeft, takesGifts } from '../../domain/campaign.ts';
import { escapeHtml } from '../../domain/html.ts';
import { formatEuros } from '../../domain/money.ts';
import { SUCCESSFUL_CAMPAIGN } from '../../domain/project-status.ts';
import { percentOf, type PublicMoney } from '../../domain/public-money.ts';
import type { CampaignClosing, PublicGrant } from '../../db/queries/public-project.ts';
import type { PublicProject } from '../../db/queries/public-pages.ts';

/** A date as the French read it (« 4 décembre 2026 »), in Paris time. */
export const dateOf = (date: Date | string) =>
  new Date(date).toLocaleDateString('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });

function bar(id: string, label: string, percent: number): string {
  const value = Math.min(100, percent);
  return `<p><label for="${id}">${label} : ${percent} %</label><br>
<progress id="${id}" max="100" value="${value}">${percent} %</progress></p>`;
}

/** The campaign's figures: collected (gifts and grants), progress to the minimum and the optimum. */
export function progressSection(project: PublicProject, money: PublicMoney): string {
  const parts = money.grantCents
    ? ` (${formatEuros(money.giftCents)} de dons et ${formatEuros(money.grantCents)} de mécénat)`
    : '';
  return `<p class="lead"><strong>${formatEuros(money.collectedCents)}</strong> ${money.returned ? 'réunis' : 'collectés'}${parts} sur un objectif minimum de ${formatEuros(project.minimumGoalCents)} — objectif optimal : ${formatEuros(project.optimumGoalCents)}.</p>
${bar('progress', 'Avancement vers l’objectif minimum', percentOf(money.collectedCents, project.minimumGoalCents))}
${bar('progress-optimum', 'Avancement vers l’objectif optimal', percentOf(money.collectedCents, project.optimumGoalCents))}
<p>${project.donorCount} donateur${project.donorCount > 1 ? 's' : ''}</p>`;
}

const CLOSING_WORDS: Partial<Record<string, string>> = {
  closed_optimum: 'l’objectif optimal a été atteint, la collecte s’est arrêtée aussitôt',
  succeeded: 'date limite atteinte, avec l’objectif minimum atteint',
  failed: 'date limite atteinte sans que l’objectif minimum soit atteint',
};

/** Days left while collecting; once closed, the real closing date and why it closed. */
export function closingSection(project: PublicProject, closing: CampaignClosing | undefined, now: Date): string {
  if (project.status === 'published' && project.campaignEndsAt && !takesGifts(project, now)) {
    return `<p><strong>Collecte terminée le ${dateOf(project.campaignEndsAt)}</strong> : son résultat est en cours d’enregistrement.</p>`;
  }
  if (project.status === 'published' && project.campaignEndsAt) {
    const days = daysLeft(now, project.campaignEndsAt);
    return `<p><strong>${days} jour${days > 1 ? 's' : ''} restant${days > 1 ? 's' : ''}</strong> — fin de la collecte le ${dateOf(project.campaignEndsAt)}.</p>`;
  }
  if (closing?.toStatus === 'cancelled') {
    const why = closing.comment ? ` : ${escapeHtml(closing.comment)}` : '.';
    return `<p><strong>Projet annulé le ${dateOf(closing.at)}</strong>${why}</p>`;
  }
  if (closing) {
    const why = CLOSING_WORDS[closing.toStatus];
    return `<p><strong>Collecte close le ${dateOf(closing.at)}</strong>${why ? ` : ${why}.` : '.'}</p>`;
  }
  return project.campaignEndsAt ? `<p><strong>Collecte close le ${dateOf(project.campaignEndsAt)}</strong>.</p>` : '';
}

/** After the campaign: paid out to the receiving structure, or refunded and redirected, with the grants' fate. */
export function outcomeSection(project: PublicProject, money: PublicMoney): string {
  const structure = escapeHtml(project.structureName ?? 'la structure réceptrice de l’école');
  if (SUCCESSFUL_CAMPAIGN.includes(project.status)) {
    const text = money.paidOutCents
      ? `${formatEuros(money.paidOutCents)} ont été versés à ${structure}, qui finance le projet. L’argent ne va jamais à une personne.`
      : `${formatEuros(money.collectedCents)} seront versés à ${structure}, qui finance le projet. L’argent ne va jamais à une personne.`;
    return `<h2>Ce qu’est devenu l’argent</h2><p>${text}</p>`;
  }
  if (!money.returned) return '';
  const items = [
    money.refundedCents ? `${formatEuros(money.refundedCents)} remboursés aux donateurs` : '',
    money.redirectedCents
      ? `${formatEuros(money.redirectedCents)} reversés au fonds de solidarité, à la demande des donateurs`
      : '',
    money.pendingCents
      ? `${formatEuros(money.pendingCents)} en attente du choix des donateurs ou du remboursement`
      : '',
    money.releasedGrantCents ? `${formatEuros(money.releasedGrantCents)} de mécénat rendus aux fonds` : '',
  ].filter(Boolean);
  const why =
    project.status === 'cancelled'
      ? 'Le projet a été annulé : chaque donateur est remboursé.'
      : 'L’objectif minimum n’a pas été atteint : rien n’est versé à l’école.';
  return `<h2>Ce qu’est devenu l’argent</h2><p>${why}</p>${items.length ? `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>` : ''}`;
}

const GRANT_WORDS = { seeding: 'Amorcé par', topup: 'Abondé par' } as const;
const GRANT_STATUS = { reserved: 'réservé', committed: 'versé au projet', released: 'rendu au fonds' } as const;

/** One line under the progress: « Amorcé par … . Abondé par … . », the funds whose grants were not released. */
export function grantsSummary(grants: PublicGrant[]): string {
  const sentences = (['seeding', 'topup'] as const).flatMap((kind) => {
    const funds = [
      ...new Set(
        grants
          .filter((grant) => grant.kind === kind && grant.status !== 'released')
          .map((grant) => `${escapeHtml(grant.fundName)} (${escapeHtml(grant.sponsorName)})`),
      ),
    ];
    return funds.length ? [`${GRANT_WORDS[kind]} ${funds.join(', ')}.`] : [];
  });
  return sentences.length ? `<p>${sentences.join(' ')} <a href="#mecenat">Pourquoi ?</a></p>` : '';
}

/** The funds that seeded (« amorcé par ») or topped up (« abondé par ») the project, each with its explanation. */
export function grantsSection(grants: PublicGrant[]): string {
  if (grants.length === 0) return '';
  const items = grants.map(
    (
      grant,
    ) => `<li><p><strong>${GRANT_WORDS[grant.kind]} ${escapeHtml(grant.fundName)}</strong> (${escapeHtml(grant.sponsorName)}) : ${formatEuros(grant.amountCents)}, ${GRANT_STATUS[grant.status]}.</p>
<details><summary>Pourquoi ce fonds a aidé ce projet</summary>
${grant.summary ? `<p>${escapeHtml(grant.summary)}</p>` : ''}
${grant.conditions.length ? `<ul>${grant.conditions.map((condition) => `<li>${escapeHtml(condition)}</li>`).join('')}</ul>` : ''}
</details></li>`,
  );
  return `<h2 id="mecenat">Le mécénat</h2>
<p>Des fonds de mécénat non fléché amorcent les projets prioritaires dès leur lancement et abondent ceux qui approchent de leur objectif minimum, selon des règles publiques.</p>
<ul>${items.join('')}</ul>`;
}
