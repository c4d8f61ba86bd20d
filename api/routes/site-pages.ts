import { OpenAPIHono, z } from '@hono/zod-openapi';
import { listPublishedGuides } from '../../db/queries/guides.ts';
import { listSitemapProjects } from '../../db/queries/public-catalogue.ts';
import { fundGiftCents, transparencyRows } from '../../db/queries/public-transparency.ts';
import { defineRoute } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { htmlPage, htmlResponse } from '../html.ts';
import { LEGAL_PAGES, type LegalPath } from '../pages/legal-pages.ts';
import { siteBase } from '../pages/project-view.ts';
import { transparencyCsv, transparencyPage } from '../pages/transparency-page.ts';

const STATIC_PATHS = ['/', '/projets', '/fonds', '/transparence', '/ressources', ...Object.keys(LEGAL_PAGES)];

const sitemap = defineRoute('public', {
  method: 'get',
  path: '/sitemap.xml',
  summary: 'Plan du site pour les moteurs de recherche (pages publiques et projets)',
  responses: { 200: { description: 'Le plan', content: { 'application/xml': { schema: z.string() } } } },
});

const transparency = defineRoute('public', {
  method: 'get',
  path: '/transparence',
  summary: 'Les chiffres de la plateforme tirés de la comptabilité, par académie et année scolaire',
  responses: { 200: htmlResponse('La page') },
});
const transparencyData = defineRoute('public', {
  method: 'get',
  path: '/transparence.csv',
  summary: 'Les mêmes chiffres en données ouvertes (CSV, point-virgule, UTF-8 avec BOM)',
  responses: { 200: { description: 'Le fichier', content: { 'text/csv': { schema: z.string() } } } },
});

const legalRoute = (path: LegalPath) =>
  defineRoute('public', {
    method: 'get',
    path,
    summary: LEGAL_PAGES[path].title,
    responses: { 200: htmlResponse('La page') },
  });

const xmlEscape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');

const app = new OpenAPIHono<AppEnv>();
for (const path of Object.keys(LEGAL_PAGES) as LegalPath[]) {
  app.openapi(legalRoute(path), (c) => {
    const page = LEGAL_PAGES[path];
    const url = `${siteBase(c.get('deps').config.PUBLIC_URL)}${path}`;
    return c.html(htmlPage(page.title, page.body, { url, description: page.title }), 200);
  });
}

/** The legal pages, the transparency figures and the sitemap of the public site. */
export const sitePageRoutes = app
  .openapi(transparency, async (c) => {
    const { db, config } = c.get('deps');
    const [rows, fundGifts] = await Promise.all([transparencyRows(db), fundGiftCents(db)]);
    return c.html(
      htmlPage('Transparence', transparencyPage(rows, fundGifts), {
        url: `${siteBase(config.PUBLIC_URL)}/transparence`,
        description: 'L’argent collecté, versé aux écoles, remboursé et réorienté, tiré de notre comptabilité.',
      }),
      200,
    );
  })
  .openapi(transparencyData, async (c) =>
    c.body(transparencyCsv(await transparencyRows(c.get('deps').db)), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="transparence-trousse-a-projets.csv"',
    }),
  )
  .openapi(sitemap, async (c) => {
    const { db, config } = c.get('deps');
    const base = siteBase(config.PUBLIC_URL);
    const [projects, guides] = await Promise.all([listSitemapProjects(db), listPublishedGuides(db)]);
    const urls = [
      ...STATIC_PATHS.map((path) => `<url><loc>${xmlEscape(base + path)}</loc></url>`),
      ...projects.map(
        (project) =>
          `<url><loc>${xmlEscape(`${base}/projets/${project.id}`)}</loc><lastmod>${project.changedAt.toISOString().slice(0, 10)}</lastmod></url>`,
      ),
      ...guides.map((guide) => `<url><loc>${xmlEscape(`${base}/ressources/${guide.slug}`)}</loc></url>`),
    ];
    return c.body(
      `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`,
      200,
      { 'content-type': 'application/xml; charset=utf-8' },
    );
  });
