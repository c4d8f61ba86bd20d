// Payment-success webhooks through the whole path — HTTP, Stripe signature, Postgres transaction, workflow
// signal — with real worker processes handling what each event causes (the lifecycle's figures refreshed, thank-you
// e-mails queued), at concurrency 1, 16 and 64: the answer's latency, the end-to-end latency until the lifecycle
// shows the gift, and this machine's plain single-row Postgres insert rate measured in the same run.
// Run with `npm run bench:webhooks`; BENCH_EVENTS scales it, BENCH_WORKERS sets the worker processes (default 1).
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../api/app.ts';
import { parseApiConfig } from '../api/config.ts';
import { startLifecycle } from '../api/services/lifecycle.ts';
import { donationSignaller } from '../api/services/lifecycle-signals.ts';
import { createDb, type Db } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { accountBalance, accounts, unbalancedTransactions } from '../db/queries/ledger.ts';
import { listUnfinishedLifecycleFacts } from '../db/queries/projects.ts';
import { projectWorkflowId, stateQuery } from '../workflows/project-lifecycle.messages.ts';
import { createStripeClient } from '../db/stripe.ts';
import { ROOT, temporalEngineOf } from '../dev/stack.ts';
import { sessionCompleted, signed } from '../test/stripe-events.ts';
import { figureLatency } from './figure-latency.ts';
import { historyCost } from './closing-cost.ts';
import { machineLoad, pidsOf } from './machine.ts';
import { costMeter } from './webhook-costs.ts';
import { startBenchServices, startWorkers } from './workers.ts';

const SCALE = Number(process.env.BENCH_EVENTS ?? 1);
const LEVELS = [
  { concurrency: 1, events: Math.round(300 * SCALE) },
  { concurrency: 16, events: Math.round(2_000 * SCALE) },
  { concurrency: 64, events: Math.round(3_000 * SCALE) },
];
// the collecting projects the events are spread over, in turn (one: a single campaign's appeal on television)
const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 64);
const TASK_QUEUE = 'bench-webhooks';
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
const ENGINE = temporalEngineOf(process.env.TEMPORAL_ENGINE ?? 'server');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const line = (label: string, value: string) => console.log(`  ${label.padEnd(40)} ${value}`);
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/** Runs `count` tasks with at most `concurrency` at a time; returns the wall time and each task's latency. */
async function run(count: number, concurrency: number, task: (index: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next++;
        const t0 = performance.now();
        await task(index);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: count / seconds, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) };
}

/** Collecting projects (a school, a porteur) and, for each event to come, a pending donation with its session. */
type Gift = { id: number; projectId: number; sessionId: string; amountCents: number };

async function seed(db: Db, donations: number): Promise<Gift[]> {
  await db`insert into academies (code, name, pilot_enabled) values ('lille', 'Lille', true)`;
  await db`insert into schools (uai, name, kind, degree, academy_code, departement, commune, sector, priority_education)
           values ('0590001F', 'École du banc d’essai', 'ecole_elementaire', 'premier', 'lille', '59', 'Lille', 'public', 'rep')`;
  const [porteur] = await db<{ id: number }[]>`
    insert into users (email, display_name) values ('porteur@ac-lille.fr', 'Porteur') returning id`;
  const projects = await db<{ id: number }[]>`
    insert into projects (school_uai, porteur_id, title, theme, pupil_count, activity_starts_on, activity_ends_on,
                          minimum_goal_cents, optimum_goal_cents, minimum_goal_exception, status, campaign_starts_at,
                          campaign_ends_at)
    select '0590001F', ${porteur!.id}, 'Projet de banc d’essai ' || n, 'sciences_robotique', 25,
           current_date + 200, current_date + 210, 90000000, 100000000, true, 'published', now(), now() + interval '60 days'
    from generate_series(1, ${PROJECTS}) n returning id`;
  return db<Gift[]>`
    insert into donations (project_id, amount_cents, donor_name, donor_email, stripe_checkout_session_id)
    select (${projects.map((p) => p.id)}::bigint[])[1 + n % ${PROJECTS}], 500 + n % 5000, 'Donateur ' || n,
           'donateur' || n || '@example.org', 'cs_bench_' || n
    from generate_series(1, ${donations}) n
    returning id, project_id, stripe_checkout_session_id as session_id, amount_cents`;
}

async function main() {
  const load = machineLoad();
  const dataDir = `${ROOT}.data/bench-webhooks-${process.pid}`;
  const services = await startBenchServices(dataDir, ENGINE);
  const db = createDb(services.databaseUrl, { max: 20 });
  const connection = await Connection.connect({ address: services.temporalAddress });
  const temporal = new Client({ connection });
  let server: ReturnType<typeof serve> | undefined;
  let workers: Awaited<ReturnType<typeof startWorkers>> = [];
  try {
    await migrate(services.databaseUrl);
    const total = LEVELS.reduce((sum, level) => sum + level.events, 0);
    const donations = await seed(db, total);
    // every project's lifecycle runs on real workers, settled in its campaign (it answers a query) before any event
    workers = await startWorkers(services, { dataDir, taskQueue: TASK_QUEUE, count: WORKERS });
    const facts = await listUnfinishedLifecycleFacts(db);
    for (const fact of facts) await startLifecycle(temporal, { taskQueue: TASK_QUEUE, timeScale: 1, facts: fact });
    for (const fact of facts) await temporal.workflow.getHandle(projectWorkflowId(fact.projectId)).query(stateQuery);
    const config = parseApiConfig({
      APP_ENV: 'development',
      DATABASE_URL: services.databaseUrl,
      TEMPORAL_ADDRESS: services.temporalAddress,
      TEMPORAL_TASK_QUEUE: TASK_QUEUE,
      STRIPE_SECRET_KEY: 'sk_test_bench',
      STRIPE_API_URL: services.stripeApiUrl,
    });
    const stripe = createStripeClient({ secretKey: config.STRIPE_SECRET_KEY, apiUrl: config.STRIPE_API_URL });
    const app = createApp({ db, temporal, config, stripe });
    server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((resolve) => server!.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/stripe/webhook`;
    // events signed beforehand, as Stripe would send them: the client's own cost stays out of the figures
    const bodies = donations.map((donation) => signed(sessionCompleted(donation)));

    console.log(`Stripe webhook benchmark — ${total} payment-success events to ${PROJECTS} collecting projects`);
    console.log(`  engine ${ENGINE}, ${WORKERS} worker process(es); at start: ${load}`);
    const collected = new Map<number, number>();
    await db`create table bench_inserts (id bigint generated always as identity primary key, payload text not null)`;
    const meter = costMeter(db, {
      workers: () => workers.map((worker) => worker.child.pid ?? 0),
      // the production engine by its configuration file, the dev server by its port
      temporal: () => [
        ...pidsOf(`${dataDir}/temporal-server.yaml`),
        ...pidsOf(`\0--port\0${new URL(`http://${services.temporalAddress}`).port}\0`),
      ],
      postgres: () => pidsOf(`${dataDir}/postgres`),
    });
    let offset = 0;
    for (const { concurrency, events } of LEVELS) {
      await meter.start();
      const batch = bodies.slice(offset, offset + events);
      offset += events;
      const figures = figureLatency(temporal, collected);
      const failures: string[] = [];
      const webhook = await run(events, concurrency, async (index) => {
        const { payload, header } = batch[index]!;
        const postedAt = performance.now();
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'stripe-signature': header },
          body: payload,
        });
        if (response.status !== 200) return void failures.push(`${response.status} ${await response.text()}`);
        await response.arrayBuffer();
        const gift = donations[offset - events + index]!;
        figures.answered(gift.projectId, gift.amountCents, postedAt);
      });
      const endToEnd = await figures.settle();
      await donationSignaller(temporal).idle();
      const costs = await meter.per(events);
      if (failures.length) line('answers other than 200', `${failures.length}, first: ${failures[0]!.slice(0, 100)}`);
      const inserts = await run(events, concurrency, async (index) => {
        await db`insert into bench_inserts (payload) values (${`row ${index}`})`;
      });
      console.log(`\nconcurrency ${concurrency} (${events} events)`);
      line('webhook events per second', webhook.perSecond.toFixed(0).padStart(8));
      line('webhook latency p50 / p99', `${webhook.p50.toFixed(1)} ms / ${webhook.p99.toFixed(1)} ms`);
      line(
        `event → lifecycle figure p50 / p99 (${endToEnd.sampled})`,
        `${endToEnd.p50.toFixed(1)} ms / ${endToEnd.p99.toFixed(1)} ms${endToEnd.lost ? `, ${endToEnd.lost} unseen after 60 s` : ''}`,
      );
      line('plain Postgres inserts per second', inserts.perSecond.toFixed(0).padStart(8));
      line('insert latency p50 / p99', `${inserts.p50.toFixed(1)} ms / ${inserts.p99.toFixed(1)} ms`);
      line('webhook rate / insert rate', `${((webhook.perSecond / inserts.perSecond) * 100).toFixed(1)} %`);
      line('state queries of the watches per event', (endToEnd.queries / events).toFixed(2));
      line(
        'CPU ms per event',
        `${costs.cpuTotal.toFixed(1)}: ${costs.cpu.map(([n, ms]) => `${n} ${ms.toFixed(1)}`).join(', ')}`,
      );
      line('SQL statements per event', `${costs.topLevel.toFixed(1)} top-level, ${costs.nested.toFixed(1)} nested`);
      for (const row of costs.busiest)
        console.log(
          `    ${(row.calls / events).toFixed(2).padStart(6)} ${row.toplevel ? 'top' : 'nst'} ${(row.ms / row.calls).toFixed(2).padStart(6)} ms  ${row.query}`,
        );
    }
    const history = await historyCost(temporal, projectWorkflowId(donations[0]!.projectId));
    line(
      'one lifecycle: events / signals / workflow tasks / timers',
      `${history.events} / ${history.signals} / ${history.workflowTasks} / ${history.timers} (${JSON.stringify(history.activities)})`,
    );

    const thanksFrom = performance.now();
    for (;;) {
      const [due] = await db<{ count: number }[]>`select count(*)::int from donations where thanks_due`;
      if (due!.count === 0 || performance.now() - thanksFrom > 120_000) break;
      await sleep(500);
    }
    const [outbox] = await db<{ thanks: number }[]>`
      select count(*)::int as thanks from email_outbox where template = 'donation_thanks'`;
    line(
      'thank-you e-mails queued after the last event',
      `${outbox!.thanks} (${((performance.now() - thanksFrom) / 1000).toFixed(1)} s)`,
    );
    line('load at the end', machineLoad());
    const [check] = await db<{ paid: number; once: number; clearing: number; sum: number }[]>`
      select (select count(*)::int from donations where status = 'paid') as paid,
             (select count(*)::int from ledger_transactions where kind = 'donation_paid') as once,
             ${accountBalance(db, accounts.stripeClearing().code)} as clearing,
             (select coalesce(sum(amount_cents), 0)::bigint from donations where status = 'paid') as sum`;
    const balanced = (await unbalancedTransactions(db)).length === 0;
    console.log('\nledger check');
    line('donations paid / ledger payments', `${check!.paid} / ${check!.once} (of ${total} events)`);
    line(
      'Stripe clearing = − sum of paid gifts',
      `${check!.clearing === -check!.sum ? 'yes' : 'NO'} (${check!.clearing} cents)`,
    );
    line('every transaction balanced', balanced ? 'yes' : 'NO');
    line('aim: ≥ 300 events/s with p99 < 300 ms', 'see the concurrency 16 and 64 figures above');
  } finally {
    server?.close();
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
