// Campaign deadlines falling together on the production engine (Temporal server on Postgres) with the real worker
// processes: N published projects' lifecycles started, then the time until each outcome is in Postgres, with the
// workers' and the server's memory. `npm run bench:lifecycles`; BENCH_LIFECYCLES=1000,10000 the sizes, BENCH_WORKERS
// the worker processes, BENCH_GIFT_SIGNALS the gifts' signals each campaign gets before its deadline (default 0);
// WORKER_* and DATABASE_POOL_SIZE pass through to the workers (README: worker tuning).
import { rmSync } from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import { signalDonationChanged, startLifecycle } from '../api/services/lifecycle.ts';
import { createDb, type Db } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { listUnfinishedLifecycleFacts } from '../db/queries/projects.ts';
import { ROOT, temporalEngineOf } from '../dev/stack.ts';
import { closingCost } from './closing-cost.ts';
import { cpuSeconds, machineLoad, pidsOf, rssSampler } from './machine.ts';
import { startBenchServices, startWorkers } from './workers.ts';

type Groups = Record<string, () => number[]>;

const SIZES = (process.env.BENCH_LIFECYCLES ?? '1000').split(',').map(Number);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
const ENGINE = temporalEngineOf(process.env.TEMPORAL_ENGINE ?? 'server');
const START_CONCURRENCY = Number(process.env.BENCH_START_CONCURRENCY ?? 32);
// the start rate the deadline allows for (a quiet machine starts 130 a second, a loaded one 25)
const EXPECTED_STARTS_PER_SECOND = Number(process.env.BENCH_EXPECTED_STARTS_PER_SECOND ?? 25);
// gifts' signals before the deadline: each wakes the campaign (a workflow task reading its figures), as a gift does
const GIFT_SIGNALS = Number(process.env.BENCH_GIFT_SIGNALS ?? 0);
const EXPECTED_SIGNALS_PER_SECOND = 40;
const TIMEOUT_S = Number(process.env.BENCH_TIMEOUT_SECONDS ?? 600);
// a day lasts 86 s: the top-up window is open at start, the donors' failure choice window (14 days) outlasts the run
const TIME_SCALE = Number(process.env.BENCH_TIME_SCALE ?? 0.001);
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void (interrupted = true));
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

async function measure(size: number, db: Db, temporal: Client, groups: Groups, memory: ReturnType<typeof rssSampler>) {
  console.log(`\n${size} lifecycles — ${machineLoad()}`);
  await db`delete from projects where status = 'published'`;
  // the deadline leaves time to start every lifecycle, then falls for all at once
  const wait = 20 + size / EXPECTED_STARTS_PER_SECOND + (size * GIFT_SIGNALS) / EXPECTED_SIGNALS_PER_SECOND;
  const deadline = new Date(Date.now() + wait * 1000);
  await seed(db, size, deadline);
  const facts = (await listUnfinishedLifecycleFacts(db)).filter((fact) => fact.status === 'published');
  memory.take();
  const startSeconds = await bounded(facts.length, START_CONCURRENCY, (index) =>
    startLifecycle(temporal, { taskQueue: TASK_QUEUE, timeScale: TIME_SCALE, facts: facts[index]! }),
  );
  line('lifecycles started per second', `${(size / startSeconds).toFixed(1)} (${startSeconds.toFixed(1)} s)`);
  if (GIFT_SIGNALS) {
    // the campaigns in turn, as gifts spread over a platform (the donations themselves are not what is measured)
    const signalSeconds = await bounded(size * GIFT_SIGNALS, START_CONCURRENCY, (index) =>
      signalDonationChanged(temporal, facts[index % size]!.projectId, index),
    );
    line('gift signals per second', `${((size * GIFT_SIGNALS) / signalSeconds).toFixed(1)} (${GIFT_SIGNALS} each)`);
  }
  if (Date.now() > deadline.getTime()) line('deadline passed before every start and signal', 'yes');
  await sleep(Math.max(0, deadline.getTime() - Date.now()));
  const running = memory.take();
  line(`RSS peak with ${size} lifecycles running`, rssLine(running));
  const ids = facts.map((fact) => fact.projectId);
  const cpuBefore = Object.fromEntries(Object.entries(groups).map(([name, pids]) => [name, cpuSeconds(pids())]));
  let recorded = 0;
  let settled = 0;
  let recordedAfter = 0;
  const since = Date.now();
  const seconds = () => (Date.now() - since) / 1000;
  while (settled < size && seconds() < TIMEOUT_S && !interrupted) {
    await sleep(1_000);
    const [row] = await db<{ recorded: number; settled: number }[]>`
      select count(*) filter (where status <> 'published')::int as recorded,
             count(*) filter (where status not in ('published', 'failed'))::int as settled
      from projects where id = any(${ids})`;
    ({ recorded, settled } = row!);
    if (recorded === size && !recordedAfter) recordedAfter = seconds();
    if (seconds() % 30 < 1)
      console.log(`    ${seconds().toFixed(0)} s: ${recorded} outcomes, ${settled} resolving or closed`);
  }
  const rate = (count: number, after: number) =>
    `${count} of ${size} in ${after.toFixed(0)} s (${(count / after).toFixed(1)} a second)`;
  line('outcomes recorded (status failed)', rate(recorded, recordedAfter || seconds()));
  line('closings done (grants released, resolving or closed)', rate(settled, seconds()));
  line('RSS peak while draining', rssLine(memory.take()));
  const cpu = Object.entries(groups).map(([name, pids]) => [name, cpuSeconds(pids()) - cpuBefore[name]!] as const);
  line('CPU used while draining', cpu.map(([name, used]) => `${name} ${used.toFixed(0)} s`).join(', '));
  const perClosing = cpu.map(([name, used]) => `${name} ${(used / Math.max(settled, 1)).toFixed(3)}`);
  const total = cpu.reduce((sum, [, used]) => sum + used, 0) / Math.max(settled, 1);
  line('CPU-seconds per closing', `${total.toFixed(3)} (${perClosing.join(', ')})`);
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
  console.log(`Lifecycle drain benchmark — engine ${ENGINE}, ${WORKERS} worker process(es)`);
  console.log(`  at start: ${machineLoad()}`);
  const dataDir = `${ROOT}.data/bench-lifecycles-${process.pid}`;
  const services = await startBenchServices(dataDir, ENGINE);
  const db = createDb(services.databaseUrl, { max: 10 });
  const connection = await Connection.connect({ address: services.temporalAddress });
  const temporal = new Client({ connection });
  let workers: Awaited<ReturnType<typeof startWorkers>> = [];
  try {
    await migrate(services.databaseUrl);
    workers = await startWorkers(services, { dataDir, taskQueue: TASK_QUEUE, count: WORKERS });
    const groups: Groups = {
      workers: () => workers.map((worker) => worker.child.pid ?? 0),
      'Temporal server': () => pidsOf(`${dataDir}/temporal-server.yaml`),
      Postgres: () => pidsOf(`${dataDir}/postgres`),
    };
    const memory = rssSampler({ workers: groups.workers!, 'Temporal server': groups['Temporal server']! });
    for (const size of SIZES) await measure(size, db, temporal, groups, memory);
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
