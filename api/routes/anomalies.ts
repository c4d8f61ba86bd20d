import { OpenAPIHono } from '@hono/zod-openapi';
import { AnomaliesResolved, AnomalyIds } from '../../contracts/donations.ts';
import { ROLE_GROUPS } from '../../domain/role-groups.ts';
import { resolveAnomalies } from '../../db/queries/stripe-events.ts';
import { currentUser, defineRoute } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { ApiError, validationHook } from '../errors.ts';
import { invalidInput, jsonResponse, refusalResponses } from './common.schemas.ts';

const resolveMany = defineRoute(ROLE_GROUPS.administrators, {
  method: 'post',
  path: '/payment-anomalies/resolve',
  summary: 'Marque plusieurs anomalies comme traitées, toutes ou aucune (celles déjà traitées le restent)',
  request: { body: { content: { 'application/json': { schema: AnomalyIds } }, required: true } },
  responses: { 200: jsonResponse(AnomaliesResolved, 'Traitées'), ...invalidInput, 404: refusalResponses[404] },
});

/** Payment anomalies handled several at once by an admin, in one transaction. */
export const anomalyRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  resolveMany,
  async (c) => {
    const { ids } = c.req.valid('json');
    const outcome = await c.get('deps').db.begin((tx) => resolveAnomalies(tx, [...new Set(ids)], currentUser(c).id));
    if ('unknown' in outcome) {
      throw new ApiError(
        404,
        'not_found',
        `Anomalie introuvable : n° ${outcome.unknown.join(', ')}. Aucune n’a été marquée.`,
      );
    }
    return c.json(outcome, 200);
  },
);
