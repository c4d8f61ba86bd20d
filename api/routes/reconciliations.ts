import { OpenAPIHono, z } from '@hono/zod-openapi';
import { ROLE_GROUPS } from '../../domain/role-groups.ts';
import { randomBytes } from 'node:crypto';
import { Mode, Run } from '../../contracts/reconciliations.ts';
import { findReconciliationRun, listReconciliationRuns } from '../../db/queries/reconciliation.ts';
import { defineRoute } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { ApiError, validationHook } from '../errors.ts';
import { invalidInput, refusalResponses, jsonResponse, listQuery, pageOf, pageSchema } from './common.schemas.ts';
import { IdParam } from './resources.schemas.ts';

const RunRequest = z
  .object({ days: z.number().int().min(1, 'Au moins 1 jour.').max(90, 'Au plus 90 jours.').default(2) })
  .openapi('ReconciliationRequest');

const list = defineRoute(ROLE_GROUPS.administrators, {
  method: 'get',
  path: '/reconciliations',
  summary: 'Rapprochements du grand livre avec Stripe (paiements et remboursements), les plus récents d’abord',
  request: { query: listQuery(['ranAt'] as const, 'ranAt') },
  responses: { 200: jsonResponse(pageSchema(Run), 'Rapprochements'), ...invalidInput },
});
const one = defineRoute(ROLE_GROUPS.administrators, {
  method: 'get',
  path: '/reconciliations/{id}',
  summary: 'Un rapprochement et ses écarts',
  request: { params: IdParam },
  responses: { 200: jsonResponse(Run, 'Rapprochement'), ...invalidInput, 404: refusalResponses[404] },
});
const run = defineRoute(ROLE_GROUPS.administrators, {
  method: 'post',
  path: '/reconciliations',
  summary: 'Lance un rapprochement maintenant sur les derniers jours (le planning le fait chaque jour)',
  request: { body: { content: { 'application/json': { schema: RunRequest } }, required: true } },
  responses: { 201: jsonResponse(Run, 'Rapprochement fait'), ...invalidInput },
});

const mode = defineRoute(ROLE_GROUPS.administrators, {
  method: 'get',
  path: '/reconciliation-mode',
  summary: 'Contre quoi le rapprochement compare le grand livre : Stripe, ou stripe-mock (écarts sans valeur)',
  responses: { 200: jsonResponse(Mode, 'Mode du rapprochement'), ...invalidInput },
});

/** The reconciliation report with Stripe, for admins: the daily runs, one run on demand, and what it compares with. */
export const reconciliationRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(mode, (c) => {
    const stripeMock = Boolean(c.get('deps').config.STRIPE_API_URL);
    return c.json({ stripeMock, daily: !stripeMock }, 200);
  })
  .openapi(list, async (c) => c.json(await listReconciliationRuns(c.get('deps').db, pageOf(c.req.valid('query'))), 200))
  .openapi(one, async (c) => {
    const found = await findReconciliationRun(c.get('deps').db, c.req.valid('param').id);
    if (!found) throw new ApiError(404, 'not_found', 'Rapprochement introuvable.');
    return c.json(found, 200);
  })
  .openapi(run, async (c) => {
    const { temporal, config, db } = c.get('deps');
    const { runId } = await temporal.workflow.execute('reconciliationWorkflow', {
      workflowId: `stripe-reconciliation-now-${randomBytes(4).toString('hex')}`,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      args: [{ days: c.req.valid('json').days }],
    });
    return c.json((await findReconciliationRun(db, runId))!, 201);
  });
