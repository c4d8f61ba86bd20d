import { OpenAPIHono } from '@hono/zod-openapi';
import { Stats } from '../../contracts/stats.ts';
import { ROLE_GROUPS } from '../../domain/role-groups.ts';
import { platformStats } from '../../db/queries/stats.ts';
import { defineRoute } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { validationHook } from '../errors.ts';
import { invalidInput, jsonResponse } from './common.schemas.ts';

const stats = defineRoute(ROLE_GROUPS.reviewers, {
  method: 'get',
  path: '/stats',
  summary:
    'Tableau de bord : collecte par mois, projets par statut, réussite et part des fonds allée aux prioritaires, par académie',
  responses: { 200: jsonResponse(Stats, 'Chiffres'), ...invalidInput },
});

/** The dashboard's figures, for the platform team. */
export const statsRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(stats, async (c) =>
  c.json(await platformStats(c.get('deps').db), 200),
);
