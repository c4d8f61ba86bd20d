import { z } from 'zod';
import { parseServiceEnv, SHARED_DEVELOPMENT_VALUES, SHARED_ENV } from '../db/env.ts';

const workerEnv = z
  .object({
    ...SHARED_ENV,
    SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL'),
    MAIL_FROM: z.string().min(3).default('Trousse à Projets <ne-pas-repondre@trousse-a-projets.fr>'),
    // the workflow bundle prebuilt by `npm run build` (production image); unset, workflows are bundled at start
    WORKFLOW_BUNDLE_PATH: z.string().min(1).optional(),
  })
  .describe('the worker process environment')
  .readonly();

/** The worker's configuration, parsed from its environment. */
export type WorkerConfig = z.infer<typeof workerEnv>;

/** Parses the worker environment; throws one readable message listing every bad or missing variable. */
export function parseWorkerConfig(env: Record<string, string | undefined>): WorkerConfig {
  return parseServiceEnv(workerEnv, env, SHARED_DEVELOPMENT_VALUES);
}
