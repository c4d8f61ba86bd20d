import { z } from 'zod';
import { parseEnv, withEmailLinkSecret } from '../db/env.ts';

const workerEnv = z
  .object({
    DATABASE_URL: z.string().url(),
    TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
    TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
    TEMPORAL_TASK_QUEUE: z.string().min(1).default('trousse'),
    STRIPE_SECRET_KEY: z.string().startsWith('sk_', 'must be a Stripe secret key (sk_…)'),
    STRIPE_API_URL: z.string().url().optional().describe('stripe-mock URL in development; unset for real Stripe'),
    SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL'),
    MAIL_FROM: z.string().min(3).default('Trousse à Projets <ne-pas-repondre@trousse-a-projets.fr>'),
    PUBLIC_URL: z.string().url().default('http://localhost:3000').describe('base of the links in e-mails'),
    NODE_ENV: z.string().optional(),
    EMAIL_LINK_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  })
  .transform(withEmailLinkSecret);

/** The worker's configuration, parsed from its environment. */
export type WorkerConfig = z.infer<typeof workerEnv>;

/** Parses the worker environment; throws one readable message listing every bad or missing variable. */
export function parseWorkerConfig(env: Record<string, string | undefined>): WorkerConfig {
  return parseEnv(workerEnv, env);
}
