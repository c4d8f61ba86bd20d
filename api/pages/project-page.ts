import { takesGifts } from '../../domain/campaign.ts';
import { escapeHtml } from '../../domain/html.ts';
import { formatEuros } from '../../domain/money.ts';
import { THEME_LABELS } from '../../domain/projects.ts';
import type { PublicMoney } from '../../domain/public-money.ts';
import type { PublicGift, PublicProject } from '../../db/queries/public-pages.ts';
import type { CampaignClosing, PublicGrant, PublicNews, PublicReport } from '../../db/queries/public-project.ts';
import { donateForm, type FormState } from './donate-form.ts';
import { newsSection, paragraphs } from './project-news.ts';
import { spendTable } from './report-spend.ts';
import {
  closingSection,
  dateOf,
  grantsSection,
  grantsSummary,
  outcomeSection,
  progressSection,
} from './project-money.ts';

/** Everything a project's public page shows besides the project itself. */
export interface ProjectPageContext {
  money: PublicMoney;
  closing: CampaignClosing | undefined;
  grants: PublicGrant[];
  budget: { label: string; amountCents: number }[];
  news: PublicNews[];
  report: PublicReport | undefined;
  gifts: PublicGift[];
  form: FormState;
  /** absolute address of the page, for the share links */
  url: string;
  now: Date;
}

/** REP+, REP or rural school: the badges of a priority school. */
export function priorityBadges(school: { priorityEducation: string; rural: boolean }): string {
  const badges = [
    school.priorityEducation === 'rep_plus' ? 'REP+' : school.priorityEducation === 'rep' ? 'REP' : '',
    school.rural ? 'École rurale ou isolée' : '',
  ].filter(Boolean);
  return badges.map((badge) => `<span class="badge">${badge}</span>`).join(' ');
}

function budgetSection(budget: ProjectPageContext['budget']): string {
  if (budget.length === 0) return '';
  const total = budget.reduce((sum, line) => sum + line.amountCents, 0);
  const rows = budget.map(
    (line) => `<tr><td>${escapeHtml(line.label)}</td><td class="n">${formatEuros(line.amountCents)}</td></tr>`,
  );
  return `<h2>Le budget</h2><div class="table" tabindex="0" role="region" aria-label="Tableau (défilable)"><table><caption class="muted">Dépenses prévues</caption>
<thead><tr><th scope="col">Poste</th><th scope="col" class="n">Montant</th></tr></thead>
<tbody>${rows.join('')}</tbody><tfoot><tr><th scope="row">Total</th><td class="n">${formatEuros(total)}</td></tr></tfoot></table></div>`;
}

function reportPhotos(project: PublicProject, photoIds: number[]): string {
  if (photoIds.length === 0) return '';
  const items = photoIds.map(
    (photoId, index) =>
      `<li><img src="/projets/${project.id}/bilan/photos/${photoId}" alt="Photo ${index + 1} du bilan du projet « ${escapeHtml(project.title)} »" loading="lazy" decoding="async" width="320" height="240"></li>`,
  );
  return `<ul class="report-photos">${items.join('')}</ul>`;
}

function reportSection(
  project: PublicProject,
  report: PublicReport | undefined,
  budget: ProjectPageContext['budget'],
): string {
  if (!report) return '';
  const planned = budget.reduce((sum, line) => sum + line.amountCents, 0);
  const pupils =
    report.pupilsReached > 1
      ? `${report.pupilsReached} élèves ont participé`
      : `${report.pupilsReached} élève a participé`;
  return `<h2 id="bilan">Le bilan du projet</h2>${paragraphs(report.whatWasDone)}
<ul><li>${pupils}</li>
<li>Dépenses réelles : ${formatEuros(report.actualSpendCents)}${planned ? ` (budget prévu : ${formatEuros(planned)})` : ''}</li></ul>
${spendTable(report.spendLines)}${reportPhotos(project, report.photoIds)}`;
}

function giftsSection(list: PublicGift[]): string {
  if (list.length === 0) return `<h2>Les donateurs</h2><p class="muted">Soyez le premier à soutenir ce projet.</p>`;
  const items = list.map(
    (gift) =>
      `<li>${escapeHtml(gift.name ?? 'Un donateur anonyme')}${gift.amountCents === null ? '' : ` — ${formatEuros(gift.amountCents)}`}</li>`,
  );
  return `<h2>Les donateurs</h2><ul class="gifts">${items.join('')}</ul>`;
}

function shareSection(title: string, url: string): string {
  const u = encodeURIComponent(url);
  const text = encodeURIComponent(`Soutenez le projet « ${title} » sur Trousse à Projets`);
  const links = [
    [`mailto:?subject=${text}&body=${u}`, 'Par e-mail'],
    [`https://www.facebook.com/sharer/sharer.php?u=${u}`, 'Sur Facebook'],
    [`https://www.linkedin.com/sharing/share-offsite/?url=${u}`, 'Sur LinkedIn'],
    [`https://twitter.com/intent/tweet?url=${u}&text=${text}`, 'Sur X (Twitter)'],
  ];
  return `<h2>Partager ce projet</h2><ul>${links.map(([href, label]) => `<li><a href="${escapeHtml(href!)}">${label}</a></li>`).join('')}</ul>
<p class="muted">Adresse de la page : ${escapeHtml(url)}</p>`;
}

/** The public page of a project in any state after its publication. */
export function projectPage(project: PublicProject, context: ProjectPageContext): string {
  const open = takesGifts(project, context.now);
  const donate = open
    ? `<h2 id="donner">Soutenir ce projet</h2>${donateForm(context.form, { action: `/projets/${project.id}/don` })}`
    : `<p class="muted">La collecte de ce projet est terminée : il ne reçoit plus de dons. <a href="/projets">Découvrir les projets en collecte</a></p>`;
  const levels = project.levels.length ? `, ${project.levels.map(escapeHtml).join(', ')}` : '';
  return `<h1>${escapeHtml(project.title)}</h1>
<p class="muted">${escapeHtml(project.schoolName)}, ${escapeHtml(project.commune)} (${escapeHtml(project.departement)}) — académie de ${escapeHtml(project.academyName)} ${priorityBadges(project)}</p>
<img src="/projets/${project.id}/image" alt="${project.hasPhoto ? `Photo du projet « ${escapeHtml(project.title)} »` : ''}" width="640" height="360">
<p>${escapeHtml(project.summary)}</p>
${progressSection(project, context.money)}
${grantsSummary(context.grants)}
${closingSection(project, context.closing, context.now)}
${open ? '<p><a class="button" href="#donner">Faire un don</a></p>' : ''}
${outcomeSection(project, context.money)}
${reportSection(project, context.report, context.budget)}
<h2>Le projet</h2>
<p>${escapeHtml(THEME_LABELS[project.theme])} — ${project.pupilCount} élèves${levels} — du ${dateOf(project.activityStartsOn)} au ${dateOf(project.activityEndsOn)}.</p>
${paragraphs(project.description)}
${budgetSection(context.budget)}
${grantsSection(context.grants)}
${newsSection(project.id, context.news)}
${giftsSection(context.gifts)}
${donate}
${shareSection(project.title, context.url)}`;
}
