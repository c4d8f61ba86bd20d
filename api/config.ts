import { z } from 'zod';
import { parseEnv, SHARED_ENV, withEmailLinkSecret } from '../db/env.ts';

const booleanFlag = z.enum(['true', 'false']).transform((value) => value === 'true');

const apiEnv = z
  .object({
    ...SHARED_ENV,
    API_HOST: z.string().default('127.0.0.1'),
    API_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    SESSION_TTL_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    COOKIE_SECURE: booleanFlag.default(true),
    TRUST_PROXY: booleanFlag.default(false),
    ADMIN_DIST_DIR: z.string().default('admin/dist'),
    STRIPE_WEBHOOK_SECRET: z
      .string()
      .startsWith('whsec_', 'must be a Stripe webhook signing secret (whsec_…)')
      .optional()
      .describe('signs the events Stripe sends to /api/stripe/webhook; required in production'),
    LIFECYCLE_TIME_SCALE: z.coerce
      .number()
      .positive()
      .max(1)
      .default(1)
      .describe('compresses every lifecycle duration (demos and tests only; 1 in production)'),
  })
  .transform(withEmailLinkSecret)
  .transform(withWebhookSecret);

/** The development value of STRIPE_WEBHOOK_SECRET (the local checkout page signs its events with it). */
export const DEV_WEBHOOK_SECRET = 'whsec_development_only_never_in_production';

/** STRIPE_WEBHOOK_SECRET: required in production, the development value elsewhere. */
function withWebhookSecret<T extends { NODE_ENV?: string; STRIPE_WEBHOOK_SECRET?: string }>(
  env: T,
  ctx: z.RefinementCtx,
): T & { STRIPE_WEBHOOK_SECRET: string } {
  if (env.STRIPE_WEBHOOK_SECRET) return { ...env, STRIPE_WEBHOOK_SECRET: env.STRIPE_WEBHOOK_SECRET };
  if (env.NODE_ENV === 'production') {
    ctx.addIssue({ code: 'custom', path: ['STRIPE_WEBHOOK_SECRET'], message: 'required in production (whsec_…)' });
  }
  return { ...env, STRIPE_WEBHOOK_SECRET: DEV_WEBHOOK_SECRET };
}

/** The API's configuration, parsed from its environment. */
export type ApiConfig = z.infer<typeof apiEnv>;

/** Parses the API environment; throws one readable message listing every bad or missing variable. */
export function parseApiConfig(env: Record<string, string | undefined>): ApiConfig {
  return parseEnv(apiEnv, env);
}
