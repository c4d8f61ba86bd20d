import { OpenAPIHono } from '@hono/zod-openapi';
import { ROLE_GROUPS } from '../../domain/role-groups.ts';
import { listGrants } from '../../db/queries/grant-listings.ts';
import { currentUser, defineRoute } from '../auth/access.ts';
import { assertMayReadFund, visibleProject } from '../auth/scopes.ts';
import type { AppEnv } from '../context.ts';
import { validationHook } from '../errors.ts';
import { invalidInput, jsonResponse, pageOf, pageSchema, refusalResponses } from './common.schemas.ts';
import { Grant } from '../../contracts/funds.ts';
import { GrantListQuery } from './funds.schemas.ts';
import { IdParam } from './resources.schemas.ts';

const ofFund = defineRoute(ROLE_GROUPS.fundGrantReaders, {
  method: 'get',
  path: '/funds/{id}/grants',
  summary: 'Les subventions d’un fonds, chacune avec son explication (un mécène ne voit que son fonds)',
  request: { params: IdParam, query: GrantListQuery },
  responses: { 200: jsonResponse(pageSchema(Grant), 'Subventions'), ...invalidInput },
});

const ofProject = defineRoute(ROLE_GROUPS.projectGrantReaders, {
  method: 'get',
  path: '/projects/{id}/grants',
  summary: 'Les subventions reçues par un projet, chacune avec son explication',
  request: { params: IdParam, query: GrantListQuery },
  responses: { 200: jsonResponse(pageSchema(Grant), 'Subventions'), ...invalidInput, 404: refusalResponses[404] },
});

/** Grants with their stored explanations, by fund or by project, each caller within their scope. */
export const grantRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(ofFund, async (c) => {
    const { id } = c.req.valid('param');
    const query = c.req.valid('query');
    assertMayReadFund(currentUser(c), id, { validateurs: true });
    return c.json(await listGrants(c.get('deps').db, { ...query, ...pageOf(query), fundId: id }), 200);
  })
  .openapi(ofProject, async (c) => {
    const { id } = c.req.valid('param');
    const query = c.req.valid('query');
    await visibleProject(c, id);
    return c.json(await listGrants(c.get('deps').db, { ...query, ...pageOf(query), projectId: id }), 200);
  });
