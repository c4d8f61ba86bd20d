import { OpenAPIHono } from '@hono/zod-openapi';
import { findSchool, listSchools } from '../../db/queries/schools.ts';
import { currentUser, defineRoute } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { ApiError, validationHook } from '../errors.ts';
import { invalidInput, jsonResponse, pageOf, pageSchema } from './common.schemas.ts';
import { School } from '../../contracts/schools.ts';
import { SchoolListQuery, UaiParam } from './resources.schemas.ts';

const list = defineRoute('authenticated', {
  method: 'get',
  path: '/schools',
  summary: 'Liste des établissements',
  request: { query: SchoolListQuery },
  responses: { 200: jsonResponse(pageSchema(School), 'Établissements'), ...invalidInput },
});

const one = defineRoute('authenticated', {
  method: 'get',
  path: '/schools/{id}',
  summary: 'Un établissement, par code UAI',
  request: { params: UaiParam },
  responses: { 200: jsonResponse(School, 'Établissement'), ...invalidInput },
});

/** Schools: public reference data, listed for any signed-in user. */
export const schoolRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(list, async (c) => {
    const { porteurAcademy, ...query } = c.req.valid('query');
    const academyOfEmail = porteurAcademy ? currentUser(c).email : undefined;
    return c.json(await listSchools(c.get('deps').db, { ...query, academyOfEmail, ...pageOf(query) }), 200);
  })
  .openapi(one, async (c) => {
    const school = await findSchool(c.get('deps').db, c.req.valid('param').id);
    if (!school) throw new ApiError(404, 'not_found', 'Établissement introuvable.');
    return c.json(school, 200);
  });
