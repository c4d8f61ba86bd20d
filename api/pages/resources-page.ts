import type { Guide } from '../../db/queries/guides.ts';
import type { SharedReport, SharedReportFilter } from '../../db/queries/shared-reports.ts';
import { escapeHtml } from '../../domain/html.ts';
import { LEVELS, THEME_LABELS, THEMES, type Theme } from '../../domain/projects.ts';
import { select } from './catalogue-page.ts';
import { renderMarkdown } from './markdown.ts';
import { dateOf } from './project-money.ts';

const EXCERPT_LENGTH = 280;

const excerpt = (text: string) =>
  text.length <= EXCERPT_LENGTH ? text : `${text.slice(0, EXCERPT_LENGTH).replace(/\s+\S*$/, '')}…`;

function guideList(guides: Pick<Guide, 'slug' | 'title' | 'summary'>[]): string {
  if (guides.length === 0) return '<p class="muted">Les premiers guides arrivent bientôt.</p>';
  const items = guides.map(
    (guide) =>
      `<li><h3><a href="/ressources/${escapeHtml(guide.slug)}">${escapeHtml(guide.title)}</a></h3>${guide.summary ? `<p>${escapeHtml(guide.summary)}</p>` : ''}</li>`,
  );
  return `<ul class="cards">${items.join('')}</ul>`;
}

function searchForm(filter: SharedReportFilter): string {
  return `<form method="get" action="/ressources#retours" role="search" aria-label="Rechercher un retour d’expérience">
<div class="filters">
<p class="field"><label for="q">Rechercher</label><input id="q" name="q" type="search" value="${escapeHtml(filter.q ?? '')}" placeholder="Sortie, robot, potager…"></p>
${select(
  'theme',
  'Thème',
  THEMES.map((theme) => [theme, THEME_LABELS[theme]]),
  filter.theme,
)}
${select(
  'niveau',
  'Niveau',
  LEVELS.map((level) => [level, level]),
  filter.niveau,
)}
<p><button type="submit">Filtrer</button></p>
</div></form>`;
}

function reportList(reports: SharedReport[], filter: SharedReportFilter): string {
  if (reports.length === 0)
    return filter.q || filter.theme || filter.niveau
      ? '<p>Aucun retour d’expérience ne correspond à cette recherche.</p>'
      : '<p>Aucun retour d’expérience n’est encore partagé : les premiers bilans arrivent bientôt.</p>';
  const items = reports.map(
    (report) => `<li><h3><a href="/projets/${report.projectId}#bilan">${escapeHtml(report.title)}</a></h3>
<p class="muted">${escapeHtml(report.schoolName)}, ${escapeHtml(report.commune)} — ${escapeHtml(THEME_LABELS[report.theme as Theme] ?? report.theme)}, ${report.levels.map(escapeHtml).join(', ')}</p>
<p>${escapeHtml(excerpt(report.whatWasDone))}</p>
<p class="muted">${report.pupilsReached} élève${report.pupilsReached > 1 ? 's' : ''} — bilan du ${dateOf(report.submittedAt)}</p></li>`,
  );
  return `<ul class="cards">${items.join('')}</ul>`;
}

/** The resource centre: the published guides, then the shared final reports with their search form. */
export function resourcesPage(
  guides: Pick<Guide, 'slug' | 'title' | 'summary'>[],
  reports: SharedReport[],
  filter: SharedReportFilter,
): string {
  return `<h1>Centre de ressources</h1>
<p>Des guides pour monter un projet, le faire financer et en rendre compte, et les bilans que des enseignants ont choisi de partager.</p>
<h2 id="guides">Guides</h2>
${guideList(guides)}
<h2 id="retours">Retours d’expérience</h2>
${searchForm(filter)}
${reportList(reports, filter)}`;
}

/** A published guide: its title, date and Markdown body rendered without any raw HTML. */
export function guidePage(guide: Guide): string {
  return `<p><a href="/ressources">← Centre de ressources</a></p>
<h1>${escapeHtml(guide.title)}</h1>
<p class="muted">Publié le ${dateOf(guide.publishedAt ?? guide.updatedAt)}</p>
${guide.summary ? `<p><strong>${escapeHtml(guide.summary)}</strong></p>` : ''}
${renderMarkdown(guide.bodyMarkdown)}`;
}
