import { OpenAPIHono } from '@hono/zod-openapi';
import { listProjects } from '../../db/queries/projects.ts';
import { PROJECT_ROLES } from '../../domain/roles.ts';
import { currentUser, defineRoute } from '../auth/access.ts';
import { projectScopeOf, visibleProject } from '../auth/scopes.ts';
import type { AppEnv } from '../context.ts';
import { validationHook } from '../errors.ts';
import { cappedPageOf, invalidInput, jsonResponse, pageSchema, refusalResponses } from './common.schemas.ts';
import { Project } from '../../contracts/projects.ts';
import { IdParam, ProjectListQuery } from './resources.schemas.ts';

const list = defineRoute(PROJECT_ROLES, {
  method: 'get',
  path: '/projects',
  summary: 'Projets visibles par le rôle de l’utilisateur',
  request: { query: ProjectListQuery },
  responses: { 200: jsonResponse(pageSchema(Project), 'Projets'), ...invalidInput },
});

const one = defineRoute(PROJECT_ROLES, {
  method: 'get',
  path: '/projects/{id}',
  summary: 'Un projet',
  request: { params: IdParam },
  responses: { 200: jsonResponse(Project, 'Projet'), ...invalidInput, 404: refusalResponses[404] },
});

/** Projects, each caller seeing only the ones their roles cover. */
export const projectRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(list, async (c) => {
    const query = c.req.valid('query');
    const scope = projectScopeOf(currentUser(c));
    return c.json(await listProjects(c.get('deps').db, { ...query, ...cappedPageOf(query), scope }), 200);
  })
  .openapi(one, async (c) => c.json(await visibleProject(c, c.req.valid('param').id), 200));
