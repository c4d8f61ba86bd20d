import { z } from 'zod';
import { configOrExit, parseEnv } from './env.ts';
import { migrate } from './migrate.ts';

// One-shot migration job (docker-compose `migrate` service, or `npm run migrate`).
const env = configOrExit(() =>
  parseEnv(z.object({ DATABASE_URL: z.string().url('must be a postgres:// URL') }), process.env),
);
const applied = await migrate(env.DATABASE_URL);
console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date.');
