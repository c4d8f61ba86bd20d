import { z } from 'zod';

/**
 * Parses a process environment with a zod schema, turning failures into one message a person can act on.
 * Shared by every process entry point (api, worker, migrate), which all depend on db/.
 */
export function parseEnv<T extends z.ZodType>(schema: T, env: Record<string, string | undefined>): z.infer<T> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  - ${issue.path.join('.') || '(environment)'}: ${issue.message}`);
  throw new Error(`Invalid configuration:\n${lines.join('\n')}\nSee the environment variables table in README.md.`);
}

/** Runs a configuration parser at process start; on failure prints its message and exits (fail fast). */
export function configOrExit<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

/**
 * The variables the api and the worker share (database, Temporal, links in e-mails); each process spreads
 * them into its own schema, then settles EMAIL_LINK_SECRET with withEmailLinkSecret.
 */
export const SHARED_ENV = {
  DATABASE_URL: z.string().url().describe('PostgreSQL connection URL'),
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('trousse'),
  PUBLIC_URL: z.string().url().default('http://localhost:3000').describe('public address, base of links'),
  NODE_ENV: z.string().optional(),
  EMAIL_LINK_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  STRIPE_SECRET_KEY: z.string().startsWith('sk_', 'must be a Stripe secret key (sk_…)'),
  STRIPE_API_URL: z.string().url().optional().describe('stripe-mock URL in development; unset for real Stripe'),
};

/** The development value of EMAIL_LINK_SECRET, used only when NODE_ENV is not production. */
export const DEV_EMAIL_LINK_SECRET = 'development-only-email-link-secret-never-in-production';

/**
 * Settles EMAIL_LINK_SECRET (the key that signs unsubscribe links, shared by the api and the worker):
 * required in production, the development value elsewhere. For a zod `.transform` on a process environment.
 */
export function withEmailLinkSecret<T extends { NODE_ENV?: string; EMAIL_LINK_SECRET?: string }>(
  env: T,
  ctx: z.RefinementCtx,
): T & { EMAIL_LINK_SECRET: string } {
  if (env.EMAIL_LINK_SECRET) return { ...env, EMAIL_LINK_SECRET: env.EMAIL_LINK_SECRET };
  if (env.NODE_ENV === 'production') {
    ctx.addIssue({
      code: 'custom',
      path: ['EMAIL_LINK_SECRET'],
      message: 'required in production: a random string of 32 characters or more (e.g. openssl rand -hex 32)',
    });
  }
  return { ...env, EMAIL_LINK_SECRET: DEV_EMAIL_LINK_SECRET };
}
