import { OpenAPIHono } from '@hono/zod-openapi';
import { ROLE_GROUPS } from '../../domain/role-groups.ts';
import { findBatch, listBatches, listPayouts } from '../../db/queries/payout-batches.ts';
import { currentUser, defineRoute } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { ApiError, validationHook } from '../errors.ts';
import { confirmPayoutBatch, exportPayouts } from '../services/payouts.ts';
import { invalidInput, refusalResponses, jsonResponse, pageOf, pageSchema } from './common.schemas.ts';
import { ConfirmResult, ExportResult, Payout, PayoutBatch } from '../../contracts/payouts.ts';
import { BatchListQuery, PayoutListQuery } from './payouts.schemas.ts';
import { IdParam } from './resources.schemas.ts';

const notFound = { 404: refusalResponses[404] };

const list = defineRoute(ROLE_GROUPS.administrators, {
  method: 'get',
  path: '/payouts',
  summary: 'Versements aux structures réceptrices des projets réussis (à exporter, exportés, confirmés)',
  request: { query: PayoutListQuery },
  responses: { 200: jsonResponse(pageSchema(Payout), 'Versements'), ...invalidInput },
});

const batches = defineRoute(ROLE_GROUPS.administrators, {
  method: 'get',
  path: '/payout-batches',
  summary: 'Lots de virements exportés',
  request: { query: BatchListQuery },
  responses: { 200: jsonResponse(pageSchema(PayoutBatch), 'Lots'), ...invalidInput },
});

const create = defineRoute(ROLE_GROUPS.administrators, {
  method: 'post',
  path: '/payout-batches',
  summary: 'Exporte tous les versements prêts en un fichier de virements SEPA (pain.001.001.03)',
  responses: { 201: jsonResponse(ExportResult, 'Lot créé'), ...invalidInput, 409: refusalResponses[409] },
});

const one = defineRoute(ROLE_GROUPS.administrators, {
  method: 'get',
  path: '/payout-batches/{id}',
  summary: 'Un lot de virements',
  request: { params: IdParam },
  responses: { 200: jsonResponse(PayoutBatch, 'Lot'), ...invalidInput, ...notFound },
});

const file = defineRoute(ROLE_GROUPS.administrators, {
  method: 'get',
  path: '/payout-batches/{id}/pain.001.xml',
  summary: 'Le fichier de virements du lot, à déposer à la banque',
  request: { params: IdParam },
  responses: {
    200: { description: 'pain.001.001.03', content: { 'application/xml': { schema: { type: 'string' as const } } } },
    ...invalidInput,
    ...notFound,
  },
});

const confirm = defineRoute(ROLE_GROUPS.administrators, {
  method: 'post',
  path: '/payout-batches/{id}/confirm',
  summary: 'Confirme que la banque a exécuté le lot : les versements sont réglés dans le grand livre',
  request: { params: IdParam },
  responses: { 200: jsonResponse(ConfirmResult, 'Lot confirmé'), ...invalidInput, ...notFound },
});

async function batchOrFail(c: { get(key: 'deps'): AppEnv['Variables']['deps'] }, id: number) {
  const batch = await findBatch(c.get('deps').db, id);
  if (!batch) throw new ApiError(404, 'not_found', 'Lot de virements introuvable.');
  return batch;
}

/** The treasurer's payouts: the list, batch export as a SEPA file, its download, and the bank's confirmation. */
export const payoutRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(list, async (c) => {
    const query = c.req.valid('query');
    return c.json(await listPayouts(c.get('deps').db, { ...query, ...pageOf(query) }), 200);
  })
  .openapi(batches, async (c) => c.json(await listBatches(c.get('deps').db, pageOf(c.req.valid('query'))), 200))
  .openapi(create, async (c) => c.json(await exportPayouts(c.get('deps'), currentUser(c).id), 201))
  .openapi(one, async (c) => {
    const { file: _, ...batch } = await batchOrFail(c, c.req.valid('param').id);
    return c.json(batch, 200);
  })
  .openapi(file, async (c) => {
    const batch = await batchOrFail(c, c.req.valid('param').id);
    return c.body(batch.file, 200, {
      'content-type': 'application/xml; charset=utf-8',
      'content-disposition': `attachment; filename="${batch.messageId}.xml"`,
    });
  })
  .openapi(confirm, async (c) =>
    c.json(await confirmPayoutBatch(c.get('deps'), c.req.valid('param').id, currentUser(c).id), 200),
  );
