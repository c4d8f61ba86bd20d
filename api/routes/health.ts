import { OpenAPIHono, z } from '@hono/zod-openapi';
import { defineRoute } from '../auth/access.ts';
import type { ApiDeps, AppEnv } from '../context.ts';
import { probeOutbox, probeWorker } from '../services/readiness.ts';
import { jsonResponse } from './common.schemas.ts';

const Check = z.object({ ok: z.boolean(), error: z.string().optional() });
const Health = z.object({ status: z.enum(['ok', 'degraded']), postgres: Check, temporal: Check }).openapi('Health');
const Ready = z
  .object({
    status: z.enum(['ready', 'not_ready']),
    postgres: Check,
    temporal: Check,
    worker: Check.extend({ workflowPollers: z.number().optional(), activityPollers: z.number().optional() }),
    emailOutbox: Check.extend({ undelivered: z.number().optional(), oldestSeconds: z.number().optional() }),
  })
  .openapi('Readiness');

const health = defineRoute('public', {
  method: 'get',
  path: '/health',
  summary: 'Vivacité : Postgres et Temporal répondent',
  responses: { 200: jsonResponse(Health, 'Tout répond'), 503: jsonResponse(Health, 'Un service ne répond pas') },
});
const ready = defineRoute('public', {
  method: 'get',
  path: '/health/ready',
  summary: 'Disponibilité : Postgres, Temporal, un worker qui interroge la file de tâches, e-mails qui partent',
  responses: { 200: jsonResponse(Ready, 'Prêt'), 503: jsonResponse(Ready, 'Pas prêt : ce qui manque est dit') },
});

/** The probe's own report, or what went wrong (an error, or no answer within 3 s). */
async function settle<T extends { ok: boolean }>(probe: () => Promise<T>): Promise<T | { ok: false; error: string }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), 3000)));
    return await Promise.race([probe(), timeout]);
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

const answers = (probe: () => Promise<unknown>) => settle(async () => (await probe(), { ok: true }));

/** Whether Postgres and Temporal answer right now. */
export async function probeHealth(deps: ApiDeps): Promise<z.infer<typeof Health>> {
  const [postgres, temporal] = await Promise.all([
    answers(() => deps.db`select 1`),
    answers(() => deps.temporal.workflowService.getSystemInfo({})),
  ]);
  return { status: postgres.ok && temporal.ok ? 'ok' : 'degraded', postgres, temporal };
}

/** Whether the system can do its work: its services answer, a worker polls its task queue, e-mails leave. */
export async function probeReadiness(deps: ApiDeps): Promise<z.infer<typeof Ready>> {
  const [{ postgres, temporal }, worker, emailOutbox] = await Promise.all([
    probeHealth(deps),
    settle(() => probeWorker(deps)),
    settle(() => probeOutbox(deps)),
  ]);
  const ok = postgres.ok && temporal.ok && worker.ok && emailOutbox.ok;
  return { status: ok ? 'ready' : 'not_ready', postgres, temporal, worker, emailOutbox };
}

/**
 * `/health` (liveness, for restarts and the start script: 200 when Postgres and Temporal answer, else 503) and
 * `/health/ready` (readiness, for load balancers and alerts: 503 saying what is wrong).
 */
export const healthRoutes = new OpenAPIHono<AppEnv>()
  .openapi(health, async (c) => {
    const report = await probeHealth(c.get('deps'));
    return c.json(report, report.status === 'ok' ? 200 : 503);
  })
  .openapi(ready, async (c) => {
    const report = await probeReadiness(c.get('deps'));
    return c.json(report, report.status === 'ready' ? 200 : 503);
  });
