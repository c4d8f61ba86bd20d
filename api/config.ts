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
    LIFECYCLE_TIME_SCALE: z.coerce
      .number()
      .positive()
      .max(1)
      .default(1)
      .describe('compresses every lifecycle duration (demos and tests only; 1 in production)'),
  })
  .transform(withEmailLinkSecret);

/** The API's configuration, parsed from its environment. */
export type ApiConfig = z.infer<typeof apiEnv>;

/** Parses the API environment; throws one readable message listing every bad or missing variable. */
export function parseApiConfig(env: Record<string, string | undefined>): ApiConfig {
  return parseEnv(apiEnv, env);
}
