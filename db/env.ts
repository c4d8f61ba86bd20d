import { z } from 'zod';

/** One configuration problem: the variable and what is wrong with it. */
type EnvIssue = [variable: string, message: string];

/**
 * Parses a process environment with a zod schema, turning failures into one message a person can act on:
 * every bad or missing variable at once, with the issues `extra` found beside the schema's.
 * Shared by every process entry point (api, worker, migrate, npm start), which all depend on db/.
 */
export function parseEnv<T extends z.ZodType>(
  schema: T,
  env: Record<string, string | undefined>,
  extra: EnvIssue[] = [],
): z.infer<T> {
  const result = schema.safeParse(env);
  if (result.success && !extra.length) return result.data;
  const issues: EnvIssue[] = [
    ...(result.success ? [] : result.error.issues.map((issue): EnvIssue => [issue.path.join('.'), issue.message])),
    ...extra,
  ];
  const lines = issues.map(([variable, message]) => `  - ${variable || '(environment)'}: ${message}`);
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

/** zod options of a secret: its absence says that only APP_ENV=development supplies a default. */
export const requiredSecret = {
  error: (issue: { input?: unknown }) =>
    issue.input === undefined ? 'required (development values apply only with APP_ENV=development)' : undefined,
};

/**
 * The variables the api and the worker share (database, Temporal, Stripe, links in e-mails); each process
 * spreads them into its own schema and parses it with parseServiceEnv.
 */
export const SHARED_ENV = {
  DATABASE_URL: z.string().url().describe('PostgreSQL connection URL'),
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('trousse'),
  PUBLIC_URL: z.string().url().default('http://localhost:3000').describe('public address, base of links'),
  APP_ENV: z
    .enum(['production', 'development'], { error: 'must be production or development' })
    .default('production')
    .describe('development (npm start, tests) fills development secrets and mounts the Checkout stand-in'),
  NODE_ENV: z.string().optional(),
  EMAIL_LINK_SECRET: z.string(requiredSecret).min(32, 'at least 32 characters'),
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_/, 'must be a Stripe secret or restricted key (sk_… or rk_…)'),
  STRIPE_API_URL: z.string().url().optional().describe('stripe-mock URL in development; unset for real Stripe'),
};

/** The development value of EMAIL_LINK_SECRET, used only with APP_ENV=development. */
export const DEV_EMAIL_LINK_SECRET = 'development-only-email-link-secret-never-in-production';

/** The development values every process shares. */
export const SHARED_DEVELOPMENT_VALUES = { EMAIL_LINK_SECRET: DEV_EMAIL_LINK_SECRET };

const LIVE_STRIPE_KEY = /^(sk|rk)_live_/;

/** What a development value or a live key with development settings would open: refused, all listed. */
function developmentIssues(env: Record<string, string | undefined>, values: Record<string, string>): EnvIssue[] {
  const development = env.APP_ENV === 'development';
  const live = LIVE_STRIPE_KEY.test(env.STRIPE_SECRET_KEY ?? '');
  const issues: EnvIssue[] = [];
  if (development && live)
    issues.push(['APP_ENV', 'development is refused with a live Stripe key (sk_live_/rk_live_)']);
  if (development && /^prod/i.test(env.NODE_ENV ?? ''))
    issues.push(['APP_ENV', `development is refused when NODE_ENV is ${env.NODE_ENV}`]);
  if (live && env.STRIPE_API_URL)
    issues.push(['STRIPE_API_URL', 'must be unset with a live Stripe key (it sends Stripe calls elsewhere)']);
  for (const [name, value] of Object.entries(values)) {
    if (!development && env[name] === value)
      issues.push([name, 'is the public development value: set a secret of your own']);
  }
  return issues;
}

/**
 * Parses the environment of a process holding secrets (api, worker). Unset variables take their development
 * value only when APP_ENV=development is asked for explicitly; never by absence. A development value outside
 * development, or a live Stripe key with development settings or STRIPE_API_URL, refuses to start.
 */
export function parseServiceEnv<T extends z.ZodType>(
  schema: T,
  env: Record<string, string | undefined>,
  developmentValues: Record<string, string>,
): z.infer<T> {
  const settled = { ...env };
  if (env.APP_ENV === 'development') {
    for (const [name, value] of Object.entries(developmentValues)) if (!settled[name]) settled[name] = value;
  }
  return parseEnv(schema, settled, developmentIssues(env, developmentValues));
}
