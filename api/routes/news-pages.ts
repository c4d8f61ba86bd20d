import { OpenAPIHono } from '@hono/zod-openapi';
import { findPublicProject } from '../../db/queries/public-pages.ts';
import { listPublicNews } from '../../db/queries/public-project.ts';
import { defineRoute } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { htmlPage, htmlResponse } from '../html.ts';
import { journalPage } from '../pages/project-news.ts';
import { siteBase } from '../pages/project-view.ts';
import { IdParam } from './resources.schemas.ts';

const journal = defineRoute('public', {
  method: 'get',
  path: '/projets/{id}/nouvelles',
  summary: 'Le journal de bord d’un projet public : toutes ses nouvelles',
  request: { params: IdParam },
  responses: { 200: htmlResponse('La page'), 404: htmlResponse('Introuvable') },
});

/** The journal page of a public project (its page shows only the latest news in full). */
export const newsPageRoutes = new OpenAPIHono<AppEnv>().openapi(journal, async (c) => {
  const { db, config } = c.get('deps');
  const { id } = c.req.valid('param');
  const project = await findPublicProject(db, id);
  if (!project) throw new ApiError(404, 'not_found', 'Ce projet n’est pas (ou pas encore) en ligne.');
  const news = await listPublicNews(db, id);
  return c.html(
    htmlPage(`Journal de bord — ${project.title}`, journalPage(project, news), {
      url: `${siteBase(config.PUBLIC_URL)}/projets/${id}/nouvelles`,
      description: `Les nouvelles du projet « ${project.title} »`,
      type: 'article',
    }),
    200,
  );
});
