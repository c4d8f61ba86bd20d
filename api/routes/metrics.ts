import { timingSafeEqual } from 'node:crypto';
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { defineRoute } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import type { Metrics } from '../metrics.ts';

const metrics = defineRoute('public', {
  method: 'get',
  path: '/metrics',
  summary:
    'Métriques Prometheus (exploitation) : avec METRICS_TOKEN, en-tête Authorization: Bearer <jeton> ; sans, en développement seulement',
  responses: {
    200: { description: 'Métriques au format texte de Prometheus', content: { 'text/plain': { schema: z.string() } } },
    401: { description: 'Jeton absent ou faux' },
    404: { description: 'Métriques non exposées (production sans METRICS_TOKEN)' },
  },
});

const sameToken = (given: string, expected: string) =>
  given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));

/** `/metrics` for Prometheus: behind a bearer token when METRICS_TOKEN is set, open in development, else absent. */
export const metricsRoutes = ({ registry }: Metrics) =>
  new OpenAPIHono<AppEnv>().openapi(metrics, async (c) => {
    const { METRICS_TOKEN: token, APP_ENV } = c.get('deps').config;
    if (!token && APP_ENV !== 'development') throw new ApiError(404, 'not_found', 'Ressource introuvable.');
    if (token && !sameToken(c.req.header('authorization') ?? '', `Bearer ${token}`)) {
      throw new ApiError(401, 'unauthenticated', 'Jeton des métriques absent ou invalide.');
    }
    return c.body(await registry.metrics(), 200, { 'content-type': registry.contentType });
  });
