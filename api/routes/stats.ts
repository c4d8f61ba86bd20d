import { OpenAPIHono, z } from '@hono/zod-openapi';
import { ROLE_GROUPS } from '../../domain/role-groups.ts';
import { platformStats } from '../../db/queries/stats.ts';
import { defineRoute } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { validationHook } from '../errors.ts';
import { errorResponses, jsonResponse } from './common.schemas.ts';

const Stats = z
  .object({
    collectedByMonth: z.array(z.object({ month: z.string(), cents: z.number() })),
    projectsByStatus: z.array(z.object({ status: z.string(), count: z.number() })),
    byAcademy: z.array(
      z.object({
        academyCode: z.string(),
        academyName: z.string(),
        succeeded: z.number(),
        failed: z.number(),
        grantedCents: z.number(),
        priorityGrantedCents: z.number(),
      }),
    ),
  })
  .openapi('PlatformStats');

const stats = defineRoute(ROLE_GROUPS.reviewers, {
  method: 'get',
  path: '/stats',
  summary:
    'Tableau de bord : collecte par mois, projets par statut, réussite et part des fonds allée aux prioritaires, par académie',
  responses: { 200: jsonResponse(Stats, 'Chiffres'), ...errorResponses },
});

/** The dashboard's figures, for the platform team. */
export const statsRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(stats, async (c) =>
  c.json(await platformStats(c.get('deps').db), 200),
);
