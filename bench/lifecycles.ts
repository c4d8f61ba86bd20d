// Campaign deadlines falling together on the production engine (Temporal server on Postgres) with the real worker
// processes: N published projects' lifecycles started, then the time until each outcome is in Postgres, with the
// workers' and the server's memory. `npm run bench:lifecycles`; BENCH_LIFECYCLES=1000,10000 the sizes, BENCH_WORKERS
// the worker processes; WORKER_* and DATABASE_POOL_SIZE pass through to the workers (README: worker tuning).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { bundleWorkflowCode } from '@temporalio/worker';
import { Client, Connection } from '@temporalio/client';
import { startLifecycle } from '../api/services/lifecycle.ts';
import { createDb, type Db } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { listUnfinishedLifecycleFacts } from '../db/queries/projects.ts';
import { freeLowPort, freePort, startProcess } from '../dev/processes.ts';
import { ROOT, startServices, temporalEngineOf, type Services } from '../dev/stack.ts';
import { closingCost } from './closing-cost.ts';
import { machineLoad, pidsOf, rssSampler } from './machine.ts';

const SIZES = (process.env.BENCH_LIFECYCLES ?? '1000').split(',').map(Number);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
const START_CONCURRENCY = Number(process.env.BENCH_START_CONCURRENCY ?? 32);
const TIMEOUT_S = Number(process.env.BENCH_TIMEOUT_SECONDS ?? 600);
// durations other than the deadline (top-up window, failure choice window) shrink to a millisecond
const TIME_SCALE = 1e-9;
const TASK_QUEUE = 'bench-lifecycles';
const line = (label: string, value: string) => console.log(`  ${label.padEnd(44)} ${value}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Published projects without gifts (so each one fails at its deadline), their deadlines all at `deadline`. */
async function seed(db: Db, count: number, deadline: Date): Promise<void> {
  await db`insert into academies (code, name, pilot_enabled) values ('lille', 'Lille', true) on conflict do nothing`;
  await db`insert into schools (uai, name, kind, degree, academy_code, departement, commune, sector, priority_education)
           values ('0590001F', 'École du banc d’essai', 'ecole_elementaire', 'premier', 'lille', '59', 'Lille', 'public', 'rep')
           on conflict do nothing`;
  const [porteur] = await db<{ id: number }[]>`
    insert into users (email, display_name) values ('porteur@ac-lille.fr', 'Porteur')
    on conflict (email) do update set display_name = excluded.display_name returning id`;
  await db`
    insert into projects (school_uai, porteur_id, title, theme, pupil_count, activity_starts_on, activity_ends_on,
                          minimum_goal_cents, optimum_goal_cents, status, campaign_starts_at, campaign_ends_at)
    select '0590001F', ${porteur!.id}, 'Projet de banc d’essai ' || n, 'sciences_robotique', 25, current_date + 200,
           current_date + 210, 100000, 200000, 'published', now() - interval '30 days', ${deadline}
    from generate_series(1, ${count}) n`;
}

/** Starts the worker processes from one prebuilt workflow bundle; resolves once each polls the task queue. */
async function startWorkers(services: Services, dataDir: string) {
  const bundle = `${dataDir}/workflow-bundle.js`;
  writeFileSync(
    bundle,
    (await bundleWorkflowCode({ workflowsPath: `${ROOT}workflows/index.ts`, logger: undefined })).code,
  );
  const env = {
    APP_ENV: 'development',
    DATABASE_URL: services.databaseUrl,
    TEMPORAL_ADDRESS: services.temporalAddress,
    TEMPORAL_TASK_QUEUE: TASK_QUEUE,
    STRIPE_SECRET_KEY: 'sk_test_bench',
    STRIPE_API_URL: services.stripeApiUrl,
    SMTP_URL: services.smtpUrl,
    WORKFLOW_BUNDLE_PATH: bundle,
  };
  const workers = Array.from({ length: WORKERS }, (_, index) => {
    const logFile = `${dataDir}/logs/worker-${index}.log`;
    const args = ['--import', 'tsx', 'worker/main.ts'];
    return { logFile, ...startProcess(`worker-${index}`, process.execPath, args, { cwd: ROOT, env, logFile }) };
  });
  for (const worker of workers) {
    for (let log = ''; !log.includes('Worker polling'); log = readFileSync(worker.logFile, 'utf8')) {
      if (worker.child.exitCode !== null) throw new Error(`${worker.name} ended:\n${log}`);
      await sleep(500);
    }
  }
  return workers;
}

/** Runs tasks with at most `concurrency` at once; returns the wall time in seconds. */
async function bounded(count: number, concurrency: number, task: (index: number) => Promise<void>) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
  return (performance.now() - started) / 1000;
}

async function measure(size: number, db: Db, temporal: Client, memory: ReturnType<typeof rssSampler>) {
  console.log(`\n${size} lifecycles — ${machineLoad()}`);
  await db`delete from projects where status = 'published'`;
  // the deadline leaves time to start every lifecycle (about 25 a second here), then falls for all at once
  const deadline = new Date(Date.now() + (20 + size / 25) * 1000);
  await seed(db, size, deadline);
  const facts = (await listUnfinishedLifecycleFacts(db)).filter((fact) => fact.status === 'published');
  memory.take();
  const startSeconds = await bounded(facts.length, START_CONCURRENCY, (index) =>
    startLifecycle(temporal, { taskQueue: TASK_QUEUE, timeScale: TIME_SCALE, facts: facts[index]! }),
  );
  line('lifecycles started per second', `${(size / startSeconds).toFixed(1)} (${startSeconds.toFixed(1)} s)`);
  if (Date.now() > deadline.getTime()) line('deadline passed before every start', 'yes');
  await sleep(Math.max(0, deadline.getTime() - Date.now()));
  const running = memory.take();
  line(`RSS peak with ${size} lifecycles running`, rssLine(running));
  const ids = facts.map((fact) => fact.projectId);
  let recorded = 0;
  let closed = 0;
  let recordedAfter = 0;
  const since = Date.now();
  while (closed < size && Date.now() - since < TIMEOUT_S * 1000) {
    await sleep(1_000);
    const [row] = await db<{ recorded: number; closed: number }[]>`
      select count(*) filter (where status <> 'published')::int as recorded,
             count(*) filter (where status = 'closed')::int as closed
      from projects where id = any(${ids})`;
    ({ recorded, closed } = row!);
    if (recorded === size && !recordedAfter) recordedAfter = (Date.now() - since) / 1000;
    if ((Date.now() - since) % 30_000 < 1_000)
      console.log(
        `    ${((Date.now() - since) / 1000).toFixed(0)} s: ${recorded} outcomes, ${closed} closed — load ${machineLoad()}`,
      );
  }
  const elapsed = (Date.now() - since) / 1000;
  line(
    'outcomes recorded (status left published)',
    `${recorded} of ${size}${recordedAfter ? ` in ${recordedAfter.toFixed(0)} s (${(size / recordedAfter).toFixed(1)} a second)` : ` after ${elapsed.toFixed(0)} s`}`,
  );
  line('lifecycles closed (failure resolved)', `${closed} of ${size} in ${elapsed.toFixed(0)} s`);
  line('RSS peak while draining', rssLine(memory.take()));
  console.log(`  closing cost of one campaign (project ${ids[0]}):`);
  for (const [label, value] of Object.entries(await closingCost(db, temporal, ids[0]!)))
    line(`  ${label}`, String(value));
  console.log(`  load at the end: ${machineLoad()}`);
}

const rssLine = (peaks: Record<string, number>) =>
  Object.entries(peaks)
    .map(([name, mb]) => `${name} ${mb.toFixed(0)} MB`)
    .join(', ');

async function main() {
  console.log(
    `Lifecycle drain benchmark — engine ${temporalEngineOf(process.env.TEMPORAL_ENGINE ?? 'server')}, ${WORKERS} worker process(es)`,
  );
  console.log(`  at start: ${machineLoad()}`);
  const dataDir = `${ROOT}.data/bench-lifecycles-${process.pid}`;
  const services = await startServices({
    dataDir,
    persistent: false,
    temporalEngine: temporalEngineOf(process.env.TEMPORAL_ENGINE ?? 'server'),
    ports: {
      postgres: await freePort(),
      temporal: await freeLowPort(),
      stripeMock: await freePort(),
      smtp: await freePort(),
      mailUi: await freePort(),
    },
  });
  const db = createDb(services.databaseUrl, { max: 10 });
  const connection = await Connection.connect({ address: services.temporalAddress });
  const temporal = new Client({ connection });
  let workers: Awaited<ReturnType<typeof startWorkers>> = [];
  try {
    await migrate(services.databaseUrl);
    workers = await startWorkers(services, dataDir);
    const memory = rssSampler({
      workers: () => workers.map((worker) => worker.child.pid ?? 0),
      'Temporal server': () => pidsOf(`${dataDir}/temporal-server.yaml`),
      Postgres: () => pidsOf(`${dataDir}/postgres`),
    });
    for (const size of SIZES) await measure(size, db, temporal, memory);
    memory.stop();
  } finally {
    for (const worker of workers) await worker.stop();
    await connection.close();
    await db.end();
    await services.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
