import { z } from 'zod';
import { parseServiceEnv, requiredSecret, SHARED_DEVELOPMENT_VALUES, SHARED_ENV } from '../db/env.ts';

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
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    TRUST_PROXY: z
      .never({ error: 'replaced by TRUST_PROXY_HOPS, the number of proxies in front of the API' })
      .optional(),
    ADMIN_DIST_DIR: z.string().default('admin/dist'),
    TEMPORAL_UI_URL: z
      .string()
      .url()
      .default('http://localhost:8233')
      .describe('Temporal Web UI, linked from project pages'),
    STRIPE_WEBHOOK_SECRET: z
      .string(requiredSecret)
      .startsWith('whsec_', 'must be a Stripe webhook signing secret (whsec_…)')
      .describe('signs the events Stripe sends to /api/stripe/webhook'),
    PLATFORM_DEBTOR_NAME: z.string(requiredSecret).min(2).max(70).describe('account holder of the platform’s payouts'),
    PLATFORM_DEBTOR_IBAN: z
      .string(requiredSecret)
      .regex(/^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/, 'must be an IBAN in electronic format (no spaces)'),
    PLATFORM_DEBTOR_BIC: z
      .string(requiredSecret)
      .regex(/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/, 'must be a BIC (8 or 11 characters)'),
    METRICS_TOKEN: z
      .string()
      .min(32, 'at least 32 characters')
      .optional()
      .describe('bearer token of /metrics; without it, metrics are served in development only'),
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
  .describe('the API process environment')
  .readonly();

/** Values used when unset with APP_ENV=development only (required otherwise): the local stack needs no setup. */
export const DEVELOPMENT_VALUES = {
  ...SHARED_DEVELOPMENT_VALUES,
  /** the local Checkout stand-in signs its events with it */
  STRIPE_WEBHOOK_SECRET: 'whsec_development_only_never_in_production',
  PLATFORM_DEBTOR_NAME: 'Trousse a Projets (developpement)',
  PLATFORM_DEBTOR_IBAN: 'FR7630001007941234567890185',
  PLATFORM_DEBTOR_BIC: 'BDFEFRPPXXX',
};

/** The development value of STRIPE_WEBHOOK_SECRET. */
export const DEV_WEBHOOK_SECRET = DEVELOPMENT_VALUES.STRIPE_WEBHOOK_SECRET;

/** The API's configuration, parsed from its environment. */
export type ApiConfig = z.infer<typeof apiEnv>;

/** Whether the local Checkout stand-in serves payments: explicit development mode with stripe-mock only. */
export const devCheckoutEnabled = (config: Pick<ApiConfig, 'APP_ENV' | 'STRIPE_API_URL'>) =>
  config.APP_ENV === 'development' && Boolean(config.STRIPE_API_URL);

/** Parses the API environment; throws one readable message listing every bad or missing variable. */
export function parseApiConfig(env: Record<string, string | undefined>): ApiConfig {
  return parseServiceEnv(apiEnv, env, DEVELOPMENT_VALUES);
}
