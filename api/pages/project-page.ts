import { daysLeft } from '../../domain/campaign.ts';
import { escapeHtml } from '../../domain/html.ts';
import { formatEuros } from '../../domain/money.ts';
import { PROJECT_STATUS_LABELS } from '../../domain/project-status.ts';
import type { PublicGift, PublicProject } from '../../db/queries/public-pages.ts';
import { donateForm, type FormState } from './donate-form.ts';

const dateOf = (date: Date) => date.toLocaleDateString('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });

function progress(project: PublicProject): string {
  const total = project.collectedCents + project.reservedGrantCents;
  const percent = Math.min(100, Math.floor((total * 100) / project.minimumGoalCents));
  const grants = project.reservedGrantCents
    ? ` (dont ${formatEuros(project.reservedGrantCents)} de mécénat réservé)`
    : '';
  return `<p><strong>${formatEuros(total)}</strong> collectés${grants} sur un objectif minimum de ${formatEuros(project.minimumGoalCents)} — objectif optimal : ${formatEuros(project.optimumGoalCents)}.</p>
<p><label for="progress">Avancement vers l’objectif minimum : ${percent} %</label><br>
<progress id="progress" max="100" value="${percent}">${percent} %</progress></p>`;
}

function gifts(project: PublicProject, list: PublicGift[]): string {
  const heading = `<h2>${project.donorCount} donateur${project.donorCount > 1 ? 's' : ''}</h2>`;
  if (list.length === 0) return `${heading}<p class="muted">Soyez le premier à soutenir ce projet.</p>`;
  const items = list.map(
    (gift) =>
      `<li>${escapeHtml(gift.name ?? 'Un donateur anonyme')}${gift.amountCents === null ? '' : ` — ${formatEuros(gift.amountCents)}`}</li>`,
  );
  return `${heading}<ul class="gifts">${items.join('')}</ul>`;
}

/** The public page of a project: its progress against the minimum and optimum, days left, donors and the donate form. */
export function projectPage(
  project: PublicProject,
  context: { gifts: PublicGift[]; sponsors: { name: string; sponsorName: string }[]; form: FormState; now: Date },
): string {
  const open =
    project.status === 'published' && project.campaignEndsAt !== null && project.campaignEndsAt > context.now;
  const supported = context.sponsors.length
    ? `<p>Abondé par ${context.sponsors.map((fund) => `${escapeHtml(fund.name)} (${escapeHtml(fund.sponsorName)})`).join(', ')}.</p>`
    : '';
  const ends = project.campaignEndsAt
    ? open
      ? `<p><strong>${daysLeft(context.now, project.campaignEndsAt)} jour(s) restant(s)</strong> — fin de la collecte le ${dateOf(project.campaignEndsAt)}.</p>`
      : `<p class="muted">Collecte terminée le ${dateOf(project.campaignEndsAt)}.</p>`
    : '';
  const donate = open
    ? `<h2 id="donner">Soutenir ce projet</h2>${donateForm(context.form, { action: `/projets/${project.id}/don` })}`
    : `<p class="muted">La collecte de ce projet n’est pas ouverte aux dons.</p>`;
  return `<h1>${escapeHtml(project.title)}</h1>
<p class="muted">${escapeHtml(project.schoolName)}, ${escapeHtml(project.commune)} — ${escapeHtml(PROJECT_STATUS_LABELS[project.status])}</p>
<p>${escapeHtml(project.summary)}</p>
${project.description ? `<p>${escapeHtml(project.description)}</p>` : ''}
${progress(project)}
${ends}
${supported}
${donate}
${gifts(project, context.gifts)}`;
}
