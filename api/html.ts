import { z } from '@hono/zod-openapi';
import { createHash } from 'node:crypto';
import { escapeHtml } from '../domain/html.ts';

/** An HTML page response, for the OpenAPI document. */
export const htmlResponse = (description: string) => ({
  description,
  content: { 'text/html': { schema: z.string() } },
});

/** What search engines and link previews read of a public page; pages without it are not indexed. */
export interface PageMeta {
  /** absolute canonical address */
  url: string;
  description?: string;
  /** absolute address of the picture of link previews */
  image?: string;
  type?: 'website' | 'article';
}

const STYLE = `
*,*::before,*::after{box-sizing:border-box}
body{font-family:Helvetica,Arial,sans-serif;background:#f3f4f6;color:#1f2937;margin:0;line-height:1.5}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:8px;z-index:1}
.site{background:#fff;border-bottom:1px solid #d1d5db}
.site div{max-width:960px;margin:0 auto;padding:12px 16px;display:flex;flex-wrap:wrap;gap:8px 20px;align-items:center}
.brand{color:#1d4ed8;font-weight:bold;font-size:20px;text-decoration:none;margin-right:auto}
.site nav ul,.foot ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:8px 16px}
main{display:block;max-width:960px;margin:16px auto;background:#fff;border-radius:8px;padding:16px 24px}
h1{font-size:26px;line-height:1.25}h2{font-size:20px;margin-top:28px}
.muted{color:#4b5563}
.field label{display:block;font-weight:bold}
.field input,.field select,.field textarea{width:100%;padding:8px;font-size:16px;margin-top:4px;border:1px solid #6b7280;border-radius:4px}
.error{display:block;color:#b91c1c}
.alert{border:2px solid #b91c1c;padding:8px 16px;border-radius:6px}
fieldset{border:1px solid #d1d5db;border-radius:6px;margin:16px 0}
progress{width:100%;height:20px}
button,.button{display:inline-block;background:#1d4ed8;color:#fff;border:0;border-radius:6px;padding:12px 20px;font-size:16px;cursor:pointer;text-decoration:none}
a{color:#1d4ed8}
img,svg.picture{max-width:100%;height:auto;border-radius:6px}
.report-photos{display:grid;grid-template-columns:repeat(auto-fill,minmax(160px,1fr));gap:8px;padding:0;list-style:none}
.cards{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:16px}
.cards li{border:1px solid #d1d5db;border-radius:8px;padding:12px}
.cards h3{font-size:17px;margin:8px 0}
.figures{display:flex;flex-wrap:wrap;gap:12px;padding:0;list-style:none}
.figures li{background:#eff6ff;border-radius:6px;padding:8px 12px}
.badge{display:inline-block;background:#fef3c7;color:#78350f;border-radius:4px;padding:0 6px;font-size:14px}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #e5e7eb}
td.n,th.n{text-align:right}
.table{overflow-x:auto}
.filters{display:grid;grid-template-columns:repeat(auto-fill,minmax(180px,1fr));gap:8px 16px;align-items:end}
.foot{max-width:960px;margin:0 auto;padding:16px;color:#374151;font-size:15px}
.foot a{color:#1e3a8a}
@media (max-width:600px){main{padding:12px;border-radius:0;margin:0}h1{font-size:22px}}
`;

/** The Content-Security-Policy source that admits the pages' one inline style sheet, and nothing else inline. */
export const PAGE_STYLE_SOURCE = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

function metaTags(title: string, meta: PageMeta | undefined): string {
  if (!meta) return '<meta name="robots" content="noindex">';
  const tags = [
    `<link rel="canonical" href="${escapeHtml(meta.url)}">`,
    `<meta property="og:type" content="${meta.type ?? 'website'}">`,
    `<meta property="og:site_name" content="Trousse à Projets">`,
    `<meta property="og:locale" content="fr_FR">`,
    `<meta property="og:title" content="${escapeHtml(title)}">`,
    `<meta property="og:url" content="${escapeHtml(meta.url)}">`,
  ];
  if (meta.description) {
    tags.push(`<meta name="description" content="${escapeHtml(meta.description)}">`);
    tags.push(`<meta property="og:description" content="${escapeHtml(meta.description)}">`);
  }
  if (meta.image) tags.push(`<meta property="og:image" content="${escapeHtml(meta.image)}">`);
  return tags.join('\n');
}

/** The links of every page's footer: the legal pages and the site's other public pages. */
export const FOOTER_LINKS: readonly [string, string][] = [
  ['/mentions-legales', 'Mentions légales'],
  ['/donnees-personnelles', 'Données personnelles'],
  ['/charte', 'Charte des projets'],
  ['/transparence', 'Transparence'],
  ['/donateur', 'Mon espace donateur'],
  ['/ressources', 'Centre de ressources'],
];

const list = (links: readonly [string, string][]) =>
  `<ul>${links.map(([href, label]) => `<li><a href="${href}">${label}</a></li>`).join('')}</ul>`;

/**
 * A French HTML page of the public site, with its header, navigation and legal footer; `body` is HTML already
 * escaped by the caller. With `meta` the page is indexable (canonical address, description, Open Graph).
 */
export function htmlPage(title: string, body: string, meta?: PageMeta): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — Trousse à Projets</title>
${metaTags(title, meta)}
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#contenu">Aller au contenu</a>
<header class="site"><div>
<a class="brand" href="/">Trousse à Projets</a>
<nav aria-label="Menu principal">${list([
    ['/projets', 'Les projets'],
    ['/fonds', 'Donner à un fonds'],
    ['/transparence', 'Transparence'],
    ['/donateur', 'Espace donateur'],
  ])}</nav>
</div></header>
<main id="contenu" tabindex="-1">
${body}
</main>
<footer class="foot">
<nav aria-label="Liens utiles">${list(FOOTER_LINKS)}</nav>
<p>Trousse à Projets — financement participatif solidaire des projets pédagogiques des écoles, collèges et lycées.</p>
</footer>
</body>
</html>`;
}
