import type { PublicNews } from '../../db/queries/public-project.ts';
import { escapeHtml } from '../../domain/html.ts';
import { dateOf } from './project-money.ts';

/** How many of the latest news a project's page shows in full; the journal page shows them all. */
export const NEWS_IN_FULL = 2;

/** A text typed by a porteur as HTML paragraphs: blank lines part them, a line break stays one. */
export const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .filter((part) => part.trim())
    .map((part) => `<p>${escapeHtml(part.trim()).replaceAll('\n', '<br>')}</p>`)
    .join('');

const article = (item: PublicNews, level: 'h2' | 'h3') =>
  `<article id="nouvelle-${item.id}"><${level}>${escapeHtml(item.title)}</${level}><p class="muted">${dateOf(item.createdAt)}</p>${paragraphs(item.body)}</article>`;

/** The journal on a project's page: the latest news in full, the older ones as links to the journal page. */
export function newsSection(projectId: number, news: PublicNews[]): string {
  if (news.length === 0) return '';
  const older = news
    .slice(NEWS_IN_FULL)
    .map(
      (item) =>
        `<li><a href="/projets/${projectId}/nouvelles#nouvelle-${item.id}">${escapeHtml(item.title)}</a> <span class="muted">(${dateOf(item.createdAt)})</span></li>`,
    );
  const more = older.length
    ? `<h3>Nouvelles précédentes</h3><ul>${older.join('')}</ul><p><a href="/projets/${projectId}/nouvelles">Lire tout le journal de bord</a></p>`
    : '';
  return `<h2 id="nouvelles">Journal de bord</h2>${news
    .slice(0, NEWS_IN_FULL)
    .map((item) => article(item, 'h3'))
    .join('')}${more}`;
}

/** The page of a project's whole journal, newest first. */
export function journalPage(project: { id: number; title: string }, news: PublicNews[]): string {
  const items = news.length
    ? news.map((item) => article(item, 'h2')).join('')
    : '<p>Aucune nouvelle pour le moment.</p>';
  return `<h1>Journal de bord : ${escapeHtml(project.title)}</h1>
<p><a href="/projets/${project.id}">Revenir au projet</a></p>
${items}`;
}
