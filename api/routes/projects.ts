import { OpenAPIHono } from '@hono/zod-openapi';
import { findProject, listProjects } from '../../db/queries/projects.ts';
import { currentUser, defineRoute } from '../auth/access.ts';
import { projectScopeOf } from '../auth/scopes.ts';
import type { AppEnv } from '../context.ts';
import { ApiError, validationHook } from '../errors.ts';
import { ErrorSchema, errorResponses, jsonResponse, pageOf, pageSchema } from './common.schemas.ts';
import { IdParam, Project, ProjectListQuery, ProjectState } from './resources.schemas.ts';
import { submitUpdate } from '../../workflows/project-lifecycle.messages.ts';
import { sendProjectUpdate } from '../services/lifecycle.ts';

const NO_SCOPE = { all: false, schoolUais: [], academyCodes: [], structureIds: [] };

const BACK_OFFICE = ['porteur', 'directeur', 'gestionnaire', 'validateur', 'admin'] as const;

const list = defineRoute(BACK_OFFICE, {
  method: 'get',
  path: '/projects',
  summary: 'Projets visibles par le rôle de l’utilisateur',
  request: { query: ProjectListQuery },
  responses: { 200: jsonResponse(pageSchema(Project), 'Projets'), ...errorResponses },
});

const one = defineRoute(BACK_OFFICE, {
  method: 'get',
  path: '/projects/{id}',
  summary: 'Un projet',
  request: { params: IdParam },
  responses: { 200: jsonResponse(Project, 'Projet'), ...errorResponses },
});

const submit = defineRoute(['porteur'], {
  method: 'post',
  path: '/projects/{id}/submit',
  summary: 'Soumettre son projet à la validation (porteur du projet)',
  request: { params: IdParam },
  responses: {
    200: jsonResponse(ProjectState, 'Projet soumis'),
    ...errorResponses,
    409: jsonResponse(ErrorSchema, 'Action impossible dans l’état actuel du projet'),
  },
});

/** Projects, each caller seeing only the ones their roles cover. */
export const projectRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(list, async (c) => {
    const query = c.req.valid('query');
    const scope = projectScopeOf(currentUser(c));
    return c.json(await listProjects(c.get('deps').db, { ...query, ...pageOf(query), scope }), 200);
  })
  .openapi(one, async (c) => {
    const scope = projectScopeOf(currentUser(c));
    const project = await findProject(c.get('deps').db, c.req.valid('param').id, scope);
    if (!project) throw new ApiError(404, 'not_found', 'Projet introuvable.');
    return c.json(project, 200);
  })
  .openapi(submit, async (c) => {
    const user = currentUser(c);
    const { db, temporal, config } = c.get('deps');
    const project = await findProject(db, c.req.valid('param').id, { ...NO_SCOPE, porteurId: user.id });
    if (!project) throw new ApiError(404, 'not_found', 'Projet introuvable parmi vos projets.');
    const state = await sendProjectUpdate(temporal, { taskQueue: config.TEMPORAL_TASK_QUEUE, project }, submitUpdate, {
      actorId: user.id,
    });
    return c.json(state, 200);
  });
