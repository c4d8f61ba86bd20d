import { z } from 'zod';
import { migrate } from './migrate.ts';

// One-shot migration job (docker-compose `migrate` service, or `npm run migrate`).
const env = z.object({ DATABASE_URL: z.string().url() }).safeParse(process.env);
if (!env.success) {
  console.error('DATABASE_URL must be set to a postgres:// URL to run migrations.');
  process.exit(1);
}
const applied = await migrate(env.data.DATABASE_URL);
console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date.');
