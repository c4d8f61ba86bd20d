import { daysLeft } from '../../domain/campaign.ts';
import { escapeHtml } from '../../domain/html.ts';
import { formatEuros } from '../../domain/money.ts';
import { LEVELS, THEME_LABELS, THEMES } from '../../domain/projects.ts';
import { percentOf } from '../../domain/public-money.ts';
import {
  CATALOGUE_COUNT_CAP,
  CATALOGUE_PAGE_SIZE,
  type CatalogueCard,
  type CatalogueQuery,
} from '../../db/queries/public-catalogue.ts';
import { priorityBadges } from './project-page.ts';

/** One project's card: picture, title, school, progress to the minimum, days left or funded. */
export function projectCard(card: CatalogueCard, now: Date): string {
  const percent = percentOf(card.collectedCents, card.minimumGoalCents);
  const days = card.campaignEndsAt ? daysLeft(now, card.campaignEndsAt) : 0;
  const when =
    card.status === 'published' ? `${days} jour${days > 1 ? 's' : ''} restant${days > 1 ? 's' : ''}` : 'Financé';
  return `<li><img src="/projets/${card.id}/image" alt="" width="320" height="180" loading="lazy">
<h3><a href="/projets/${card.id}">${escapeHtml(card.title)}</a></h3>
<p class="muted">${escapeHtml(card.schoolName)}, ${escapeHtml(card.commune)} (${escapeHtml(card.departement)}) ${priorityBadges(card)}</p>
<p>${escapeHtml(THEME_LABELS[card.theme])}</p>
<p><strong>${formatEuros(card.collectedCents)}</strong> sur ${formatEuros(card.minimumGoalCents)} (${percent} %) — ${when}</p>
<progress max="100" value="${Math.min(100, percent)}" aria-label="Avancement de « ${escapeHtml(card.title)} » : ${percent} %">${percent} %</progress></li>`;
}

/** A list of project cards. */
export const cardList = (cards: CatalogueCard[], now: Date) =>
  `<ul class="cards">${cards.map((card) => projectCard(card, now)).join('')}</ul>`;

const option = (value: string, label: string, selected: string | undefined) =>
  `<option value="${escapeHtml(value)}"${selected === value ? ' selected' : ''}>${escapeHtml(label)}</option>`;

/** A labelled drop-down of a search form, the empty choice first. */
export function select(
  name: string,
  label: string,
  options: [string, string][],
  value: string | undefined,
  emptyLabel = 'Tous',
): string {
  return `<p class="field"><label for="${name}">${label}</label><select id="${name}" name="${name}">
${option('', emptyLabel, value)}${options.map(([v, l]) => option(v, l, value)).join('')}</select></p>`;
}

function filters(query: CatalogueQuery, academies: { code: string; name: string }[]): string {
  return `<form method="get" action="/projets" role="search" aria-label="Rechercher un projet">
<div class="filters">
<p class="field"><label for="q">Rechercher</label><input id="q" name="q" type="search" value="${escapeHtml(query.q ?? '')}" placeholder="Titre, école, commune…"></p>
${select(
  'theme',
  'Thème',
  THEMES.map((theme) => [theme, THEME_LABELS[theme]]),
  query.theme,
)}
${select(
  'academie',
  'Académie',
  academies.map((a) => [a.code, a.name]),
  query.academie,
)}
<p class="field"><label for="departement">Département (numéro)</label><input id="departement" name="departement" value="${escapeHtml(query.departement ?? '')}" inputmode="numeric" maxlength="3"></p>
${select(
  'niveau',
  'Niveau',
  LEVELS.map((level) => [level, level]),
  query.niveau,
)}
${select(
  'priorite',
  'Priorité',
  [
    ['rep_plus', 'REP+'],
    ['rep', 'REP'],
    ['rural', 'École rurale ou isolée'],
  ],
  query.priorite,
)}
${select(
  'statut',
  'État',
  [
    ['en_cours', 'En collecte'],
    ['termine', 'Financés'],
  ],
  query.statut,
)}
${select(
  'tri',
  'Trier par',
  [
    ['fin', 'Bientôt terminés'],
    ['pertinence', 'Pertinence de la recherche'],
    ['financement', 'Presque financés'],
    ['recent', 'Les plus récents'],
  ],
  query.tri,
  'En collecte d’abord',
)}
</div>
<p><button type="submit">Afficher les projets</button> <a href="/projets">Effacer les filtres</a></p>
</form>`;
}

/** The catalogue's address for another page, the same filters kept. */
export function catalogueHref(query: CatalogueQuery, page: number): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'theme', 'academie', 'departement', 'niveau', 'priorite', 'statut', 'tri'] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return `/projets${search ? `?${search}` : ''}`;
}

function pagination(query: CatalogueQuery, total: number): string {
  const capped = total > CATALOGUE_COUNT_CAP;
  const pages = Math.ceil(Math.min(total, CATALOGUE_COUNT_CAP) / CATALOGUE_PAGE_SIZE);
  if (pages <= 1) return '';
  const link = (page: number, label: string, rel: string) =>
    `<li><a href="${escapeHtml(catalogueHref(query, page))}" rel="${rel}">${label}</a></li>`;
  return `<nav aria-label="Pages"><ul class="figures">
${query.page > 1 ? link(query.page - 1, 'Page précédente', 'prev') : ''}
<li aria-current="page">Page ${query.page}${capped ? '' : ` sur ${pages}`}</li>
${query.page < pages ? link(query.page + 1, 'Page suivante', 'next') : ''}
</ul></nav>`;
}

/** The catalogue: filters, the number found, the cards, and the pages. */
export function cataloguePage(
  query: CatalogueQuery,
  result: { cards: CatalogueCard[]; total: number },
  academies: { code: string; name: string }[],
  now: Date,
): string {
  const count =
    result.total > CATALOGUE_COUNT_CAP
      ? `Plus de ${CATALOGUE_COUNT_CAP.toLocaleString('fr-FR')}`
      : String(result.total);
  const found = `${count} projet${result.total > 1 ? 's' : ''} trouvé${result.total > 1 ? 's' : ''}`;
  const list = result.cards.length
    ? cardList(result.cards, now)
    : '<p>Aucun projet ne correspond à ces critères. Essayez d’enlever un filtre.</p>';
  return `<h1>Les projets des écoles</h1>
<p>Chaque projet a été vérifié par l’équipe de Trousse à Projets et approuvé par le chef d’établissement. Les projets en collecte sont présentés en premier, puis ceux déjà financés.</p>
${filters(query, academies)}
<h2 role="status">${found}</h2>
${list}
${pagination(query, result.total)}`;
}
