import { OpenAPIHono, z } from '@hono/zod-openapi';
import { findPublishedGuide, listPublishedGuides } from '../../db/queries/guides.ts';
import { listSharedReports } from '../../db/queries/shared-reports.ts';
import { LEVELS, THEMES } from '../../domain/projects.ts';
import { SLUG_PATTERN } from '../../domain/slug.ts';
import { defineRoute } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { htmlPage, htmlResponse } from '../html.ts';
import { siteBase } from '../pages/project-view.ts';
import { guidePage, resourcesPage } from '../pages/resources-page.ts';
import { blankIsAbsent, refused } from './catalogue-pages.ts';

const ResourceParams = z.object({
  q: blankIsAbsent(z.string().trim().max(200, 'la recherche est trop longue (200 caractères au plus)')),
  theme: blankIsAbsent(z.enum(THEMES, 'thème inconnu')),
  niveau: blankIsAbsent(z.enum(LEVELS, 'niveau inconnu')),
});

const centre = defineRoute('public', {
  method: 'get',
  path: '/ressources',
  summary: 'Centre de ressources : guides, et retours d’expérience cherchés par thème, niveau et mots',
  request: { query: ResourceParams },
  responses: { 200: htmlResponse('La page'), 400: htmlResponse('Filtre invalide') },
});
const guide = defineRoute('public', {
  method: 'get',
  path: '/ressources/{slug}',
  summary: 'Un guide publié du centre de ressources',
  request: { params: z.object({ slug: z.string().max(80) }) },
  responses: { 200: htmlResponse('Le guide'), 404: htmlResponse('Guide introuvable ou non publié') },
});

/** The resource centre of the public site: guides and the final reports their porteurs shared. */
export const resourcePageRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    centre,
    async (c) => {
      const { db, config } = c.get('deps');
      const filter = c.req.valid('query');
      const [guides, reports] = await Promise.all([listPublishedGuides(db), listSharedReports(db, filter)]);
      return c.html(
        htmlPage('Centre de ressources', resourcesPage(guides, reports, filter), {
          url: `${siteBase(config.PUBLIC_URL)}/ressources`,
          description: 'Guides pour les porteurs de projet et retours d’expérience des écoles.',
        }),
        200,
      );
    },
    (result, c) => (result.success ? undefined : refused(result.error, c)),
  )
  .openapi(guide, async (c) => {
    const { db, config } = c.get('deps');
    const { slug } = c.req.valid('param');
    const found = SLUG_PATTERN.test(slug) ? await findPublishedGuide(db, slug) : undefined;
    if (!found) throw new ApiError(404, 'not_found', 'Ce guide n’existe pas ou n’est pas publié.');
    return c.html(
      htmlPage(found.title, guidePage(found), {
        url: `${siteBase(config.PUBLIC_URL)}/ressources/${found.slug}`,
        description: found.summary || found.title,
        type: 'article',
      }),
      200,
    );
  });
