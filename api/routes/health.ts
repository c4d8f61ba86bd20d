import { OpenAPIHono, z } from '@hono/zod-openapi';
import { defineRoute } from '../auth/access.ts';
import type { ApiDeps, AppEnv } from '../context.ts';
import { jsonResponse } from './common.schemas.ts';

const Check = z.object({ ok: z.boolean(), error: z.string().optional() });
const Health = z.object({ status: z.enum(['ok', 'degraded']), postgres: Check, temporal: Check }).openapi('Health');

const health = defineRoute('public', {
  method: 'get',
  path: '/health',
  summary: 'Accessibilité de Postgres et de Temporal',
  responses: { 200: jsonResponse(Health, 'Tout répond'), 503: jsonResponse(Health, 'Un service ne répond pas') },
});

async function check(probe: () => Promise<unknown>): Promise<z.infer<typeof Check>> {
  try {
    await Promise.race([probe(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000))]);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

/** Whether Postgres and Temporal answer right now. */
export async function probeHealth(deps: ApiDeps): Promise<z.infer<typeof Health>> {
  const [postgres, temporal] = await Promise.all([
    check(() => deps.db`select 1`),
    check(() => deps.temporal.workflowService.getSystemInfo({})),
  ]);
  return { status: postgres.ok && temporal.ok ? 'ok' : 'degraded', postgres, temporal };
}

/** `/health`, for load balancers and the start script: 200 when every dependency answers, else 503. */
export const healthRoutes = new OpenAPIHono<AppEnv>().openapi(health, async (c) => {
  const report = await probeHealth(c.get('deps'));
  return c.json(report, report.status === 'ok' ? 200 : 503);
});
