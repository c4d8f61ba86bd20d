import { OpenAPIHono } from '@hono/zod-openapi';
import { findUser, listUsers } from '../../db/queries/users.ts';
import { defineRoute } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { ApiError, validationHook } from '../errors.ts';
import { errorResponses, jsonResponse, pageOf, pageSchema } from './common.schemas.ts';
import { UserSchema } from './auth.schemas.ts';
import { IdParam, UserListQuery } from './resources.schemas.ts';

const list = defineRoute(['admin'], {
  method: 'get',
  path: '/users',
  summary: 'Comptes utilisateurs (administrateurs seulement)',
  request: { query: UserListQuery },
  responses: { 200: jsonResponse(pageSchema(UserSchema), 'Utilisateurs'), ...errorResponses },
});

const one = defineRoute(['admin'], {
  method: 'get',
  path: '/users/{id}',
  summary: 'Un compte utilisateur',
  request: { params: IdParam },
  responses: { 200: jsonResponse(UserSchema, 'Utilisateur'), ...errorResponses },
});

/** User accounts, for administrators. */
export const userRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(list, async (c) => {
    const query = c.req.valid('query');
    return c.json(await listUsers(c.get('deps').db, { ...query, ...pageOf(query) }), 200);
  })
  .openapi(one, async (c) => {
    const user = await findUser(c.get('deps').db, c.req.valid('param').id);
    if (!user) throw new ApiError(404, 'not_found', 'Utilisateur introuvable.');
    return c.json(user, 200);
  });
