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
    TEMPORAL_UI_URL: z
      .string()
      .url()
      .default('http://localhost:8233')
      .describe('Temporal Web UI, linked from project pages'),
    STRIPE_WEBHOOK_SECRET: z
      .string()
      .startsWith('whsec_', 'must be a Stripe webhook signing secret (whsec_…)')
      .optional()
      .describe('signs the events Stripe sends to /api/stripe/webhook; required in production'),
    PLATFORM_DEBTOR_NAME: z.string().min(2).max(70).optional().describe('account holder of the platform’s payouts'),
    PLATFORM_DEBTOR_IBAN: z
      .string()
      .regex(/^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/, 'must be an IBAN in electronic format (no spaces)')
      .optional(),
    PLATFORM_DEBTOR_BIC: z
      .string()
      .regex(/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/, 'must be a BIC (8 or 11 characters)')
      .optional(),
    LIFECYCLE_TIME_SCALE: z.coerce
      .number()
      .positive()
      .max(1)
      .default(1)
      .describe('compresses every lifecycle duration (demos and tests only; 1 in production)'),
    API_DOCS: z
      .enum(['public', 'admin', 'off'])
      .optional()
      .describe('who reads /api/openapi.json and /api/docs; unset: public in development, else admin (docsAccess)'),
  })
  .transform(withEmailLinkSecret)
  .transform(withDevelopmentValues);

/** Values used when unset outside production (required in production): the local stack needs no setup. */
export const DEVELOPMENT_VALUES = {
  /** the local Checkout stand-in signs its events with it */
  STRIPE_WEBHOOK_SECRET: 'whsec_development_only_never_in_production',
  PLATFORM_DEBTOR_NAME: 'Trousse a Projets (developpement)',
  PLATFORM_DEBTOR_IBAN: 'FR7630001007941234567890185',
  PLATFORM_DEBTOR_BIC: 'BDFEFRPPXXX',
};

/** The development value of STRIPE_WEBHOOK_SECRET. */
export const DEV_WEBHOOK_SECRET = DEVELOPMENT_VALUES.STRIPE_WEBHOOK_SECRET;

type DevelopmentValues = Record<keyof typeof DEVELOPMENT_VALUES, string>;

function withDevelopmentValues<T extends { NODE_ENV?: string } & Partial<DevelopmentValues>>(
  env: T,
  ctx: z.RefinementCtx,
): T & DevelopmentValues {
  const settled = { ...env } as T & DevelopmentValues;
  for (const [name, value] of Object.entries(DEVELOPMENT_VALUES) as [keyof DevelopmentValues, string][]) {
    if (env[name]) continue;
    if (env.NODE_ENV === 'production')
      ctx.addIssue({ code: 'custom', path: [name], message: 'required in production' });
    settled[name] = value;
  }
  return settled;
}

/** The API's configuration, parsed from its environment. */
export type ApiConfig = z.infer<typeof apiEnv>;

/** Parses the API environment; throws one readable message listing every bad or missing variable. */
export function parseApiConfig(env: Record<string, string | undefined>): ApiConfig {
  return parseEnv(apiEnv, env);
}
