import { OpenAPIHono, z } from '@hono/zod-openapi';
import { ROLE_GROUPS } from '../../domain/role-groups.ts';
import { resolveAnomalies } from '../../db/queries/stripe-events.ts';
import { currentUser, defineRoute } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { ApiError, validationHook } from '../errors.ts';
import { invalidInput, jsonResponse, refusalResponses } from './common.schemas.ts';

const AnomalyIds = z
  .object({
    ids: z
      .array(z.number().int().positive(), { error: 'Indiquez les anomalies à marquer traitées.' })
      .min(1, 'Choisissez au moins une anomalie.')
      .max(500, 'Pas plus de 500 anomalies à la fois.'),
  })
  .openapi('AnomalyIds');

const Resolved = z
  .object({ resolved: z.number().openapi({ description: 'anomalies ouvertes qui sont maintenant traitées' }) })
  .openapi('AnomaliesResolved');

const resolveMany = defineRoute(ROLE_GROUPS.administrators, {
  method: 'post',
  path: '/payment-anomalies/resolve',
  summary: 'Marque plusieurs anomalies comme traitées, toutes ou aucune (celles déjà traitées le restent)',
  request: { body: { content: { 'application/json': { schema: AnomalyIds } }, required: true } },
  responses: { 200: jsonResponse(Resolved, 'Traitées'), ...invalidInput, 404: refusalResponses[404] },
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
