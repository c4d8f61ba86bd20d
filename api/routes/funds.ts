import { OpenAPIHono } from '@hono/zod-openapi';
import { ROLE_GROUPS } from '../../domain/role-groups.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { createFund, findFund, listFunds, unknownAcademies, updateFund, type FundRow } from '../../db/queries/funds.ts';
import { currentUser, defineRoute } from '../auth/access.ts';
import { assertMayReadFund, fundScopeOf } from '../auth/scopes.ts';
import type { Db } from '../../db/client.ts';
import type { AppEnv } from '../context.ts';
import { ApiError, validationHook } from '../errors.ts';
import { ErrorSchema, invalidInput, jsonResponse, pageOf, pageSchema, refusalResponses } from './common.schemas.ts';
import { fundReportRoutes } from './fund-reports.ts';
import { Fund, FundTermsBody, NewFundBody } from '../../contracts/funds.ts';
import { FundListQuery } from './funds.schemas.ts';
import { grantRoutes } from './grants.ts';
import { IdParam } from './resources.schemas.ts';

const list = defineRoute(ROLE_GROUPS.fundReaders, {
  method: 'get',
  path: '/funds',
  summary: 'Fonds de solidarité (un mécène ne voit que le sien)',
  request: { query: FundListQuery },
  responses: { 200: jsonResponse(pageSchema(Fund), 'Fonds'), ...invalidInput },
});

const one = defineRoute(ROLE_GROUPS.fundReaders, {
  method: 'get',
  path: '/funds/{id}',
  summary: 'Un fonds, ses règles et ses soldes (disponible, réservé, versé) tirés du grand livre',
  request: { params: IdParam },
  responses: { 200: jsonResponse(Fund, 'Fonds'), ...invalidInput, 404: refusalResponses[404] },
});

const create = defineRoute(ROLE_GROUPS.administrators, {
  method: 'post',
  path: '/funds',
  summary: 'Crée un fonds et inscrit au grand livre la dotation de son mécène (le budget)',
  request: { body: { content: { 'application/json': { schema: NewFundBody } }, required: true } },
  responses: {
    201: jsonResponse(Fund, 'Fonds créé'),
    422: jsonResponse(ErrorSchema, 'Académie inconnue'),
    ...invalidInput,
  },
});

const update = defineRoute(ROLE_GROUPS.administrators, {
  method: 'patch',
  path: '/funds/{id}',
  summary: 'Modifie un fonds : nom, mécène, validité, restrictions et règles (pas son budget, inscrit au grand livre)',
  request: {
    params: IdParam,
    body: { content: { 'application/json': { schema: FundTermsBody } }, required: true },
  },
  responses: {
    200: jsonResponse(Fund, 'Fonds modifié'),
    404: refusalResponses[404],
    422: jsonResponse(ErrorSchema, 'Académie inconnue'),
    ...invalidInput,
  },
});

async function assertKnownAcademies(db: Db, codes: string[]): Promise<void> {
  const unknown = await unknownAcademies(db, codes);
  if (unknown.length > 0) throw new ApiError(422, 'unknown_academy', `Académie inconnue : ${unknown.join(', ')}.`);
}

/** Funds and their balances from the ledger; their grants and sponsor reports. */
export const fundRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(list, async (c) => {
    const query = c.req.valid('query');
    const onlyIds = fundScopeOf(currentUser(c), { validateurs: false });
    return c.json(await listFunds(c.get('deps').db, { ...query, ...pageOf(query), onlyIds }), 200);
  })
  .openapi(one, async (c) => {
    const { id } = c.req.valid('param');
    assertMayReadFund(currentUser(c), id, { validateurs: false });
    const fund = await findFund(c.get('deps').db, id);
    if (!fund) throw new ApiError(404, 'not_found', 'Fonds introuvable.');
    return c.json(fund, 200);
  })
  .openapi(create, async (c) => {
    const body = c.req.valid('json');
    const { db } = c.get('deps');
    await assertKnownAcademies(db, body.restrictions.academies);
    const id = await db.begin(async (tx) => {
      const fundId = await createFund(tx, body);
      await recordAudit(tx, {
        actorId: currentUser(c).id,
        action: 'fund.create',
        entityType: 'fund',
        entityId: String(fundId),
        details: body,
      });
      return fundId;
    });
    return c.json((await findFund(db, id)) as FundRow, 201);
  })
  .openapi(update, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const { db } = c.get('deps');
    await assertKnownAcademies(db, body.restrictions.academies);
    const found = await db.begin(async (tx) => {
      if (!(await updateFund(tx, id, body))) return false;
      await recordAudit(tx, {
        actorId: currentUser(c).id,
        action: 'fund.update',
        entityType: 'fund',
        entityId: String(id),
        details: body,
      });
      return true;
    });
    if (!found) throw new ApiError(404, 'not_found', 'Fonds introuvable.');
    return c.json((await findFund(db, id)) as FundRow, 200);
  })
  .route('/', grantRoutes)
  .route('/', fundReportRoutes);
