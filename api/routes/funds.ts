import { OpenAPIHono } from '@hono/zod-openapi';
import { findFund, listFunds } from '../../db/queries/funds.ts';
import { currentUser, defineRoute, hasRole } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { ApiError, validationHook } from '../errors.ts';
import { errorResponses, jsonResponse, pageOf, pageSchema } from './common.schemas.ts';
import { Fund, FundListQuery, IdParam } from './resources.schemas.ts';

const list = defineRoute(['admin', 'mecene'], {
  method: 'get',
  path: '/funds',
  summary: 'Fonds de solidarité (un mécène ne voit que le sien)',
  request: { query: FundListQuery },
  responses: { 200: jsonResponse(pageSchema(Fund), 'Fonds'), ...errorResponses },
});

const one = defineRoute(['admin', 'mecene'], {
  method: 'get',
  path: '/funds/{id}',
  summary: 'Un fonds',
  request: { params: IdParam },
  responses: { 200: jsonResponse(Fund, 'Fonds'), ...errorResponses },
});

/** The fund ids a user may read: all for an admin (undefined), their own for a mécène. */
function visibleFundIds(user: ReturnType<typeof currentUser>): number[] | undefined {
  if (hasRole(user, 'admin')) return undefined;
  return user.roles.flatMap((held) => (held.role === 'mecene' && held.fundId ? [held.fundId] : []));
}

/** Funds and their balances from the ledger. */
export const fundRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(list, async (c) => {
    const query = c.req.valid('query');
    const onlyIds = visibleFundIds(currentUser(c));
    return c.json(await listFunds(c.get('deps').db, { ...query, ...pageOf(query), onlyIds }), 200);
  })
  .openapi(one, async (c) => {
    const { id } = c.req.valid('param');
    const onlyIds = visibleFundIds(currentUser(c));
    const fund = onlyIds && !onlyIds.includes(id) ? undefined : await findFund(c.get('deps').db, id);
    if (!fund) throw new ApiError(404, 'not_found', 'Fonds introuvable.');
    return c.json(fund, 200);
  });
