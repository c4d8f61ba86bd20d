import { z } from 'zod';
import { parseEnv, withEmailLinkSecret } from '../db/env.ts';

const booleanFlag = z.enum(['true', 'false']).transform((value) => value === 'true');

const apiEnv = z
  .object({
    DATABASE_URL: z.string().url().describe('PostgreSQL connection URL'),
    TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
    TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
    TEMPORAL_TASK_QUEUE: z.string().min(1).default('trousse'),
    API_HOST: z.string().default('127.0.0.1'),
    API_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    PUBLIC_URL: z.string().url().default('http://localhost:3000'),
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
    NODE_ENV: z.string().optional(),
    EMAIL_LINK_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  })
  .transform(withEmailLinkSecret);

/** The API's configuration, parsed from its environment. */
export type ApiConfig = z.infer<typeof apiEnv>;

/** Parses the API environment; throws one readable message listing every bad or missing variable. */
export function parseApiConfig(env: Record<string, string | undefined>): ApiConfig {
  return parseEnv(apiEnv, env);
}
