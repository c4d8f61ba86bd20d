import { z } from 'zod';
import { parseServiceEnv, SHARED_DEVELOPMENT_VALUES, SHARED_ENV } from '../db/env.ts';

const slots = (fallback: number) => z.coerce.number().int().min(2, 'at least 2').default(fallback);

/** How much one worker process takes on at once (README: worker tuning, with the benchmark figures behind each). */
const WORKER_TUNING_ENV = {
  WORKER_WORKFLOW_TASKS: slots(40).describe('maxConcurrentWorkflowTaskExecutions'),
  WORKER_ACTIVITY_TASKS: slots(100).describe('maxConcurrentActivityTaskExecutions'),
  WORKER_WORKFLOW_POLLERS: slots(10).describe('maxConcurrentWorkflowTaskPolls'),
  WORKER_ACTIVITY_POLLERS: slots(10).describe('maxConcurrentActivityTaskPolls'),
  WORKER_CACHED_WORKFLOWS: z.coerce.number().int().min(0).default(500).describe('maxCachedWorkflows (sticky cache)'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).default(10).describe('postgres.js connections of the process'),
};

const workerEnv = z
  .object({
    ...SHARED_ENV,
    SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL'),
    MAIL_FROM: z.string().min(3).default('Trousse à Projets <ne-pas-repondre@trousse-a-projets.fr>'),
    // the workflow bundle prebuilt by `npm run build` (production image); unset, workflows are bundled at start
    WORKFLOW_BUNDLE_PATH: z.string().min(1).optional(),
    ...WORKER_TUNING_ENV,
  })
  .describe('the worker process environment')
  .readonly();

/** The worker's configuration, parsed from its environment. */
export type WorkerConfig = z.infer<typeof workerEnv>;

/** Parses the worker environment; throws one readable message listing every bad or missing variable. */
export function parseWorkerConfig(env: Record<string, string | undefined>): WorkerConfig {
  return parseServiceEnv(workerEnv, env, SHARED_DEVELOPMENT_VALUES);
}
