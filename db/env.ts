import type { z } from 'zod';

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
