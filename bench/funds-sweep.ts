// The top-up sweep over 100 000 collecting projects and 50 funds on a real PostgreSQL: time and peak memory.
// Run with `npm run bench:funds` (npx tsx bench/funds-sweep.ts); BENCH_PROJECTS changes the size.
import { rmSync } from 'node:fs';
import { createFundActivities } from '../activities/funds.ts';
import { createTopUpSweepActivities } from '../activities/top-up-sweep.ts';
import { createDb, type Db } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { listFunds } from '../db/queries/funds.ts';
import { activeFunds, currentDay } from '../db/queries/grants.ts';
import { unbalancedTransactions } from '../db/queries/ledger.ts';
import { topUpCandidates } from '../db/queries/grant-candidates.ts';
import { startEmbeddedPostgres } from '../dev/postgres.ts';
import { freePort } from '../dev/processes.ts';
import { ROOT } from '../dev/stack.ts';
import { loosestTopUpBounds } from '../domain/funds/sweep.ts';
import { buildFundReport } from '../api/services/fund-reports.ts';
import { insertAskingProject, loadPlatform, type BenchSize } from './funds-fixtures.ts';

const SIZE: BenchSize = { projects: Number(process.env.BENCH_PROJECTS ?? 100_000), schools: 10_000, funds: 50 };
const AIM_MS = 5_000;
const MB = 1024 * 1024;

/** Runs the task while sampling the process's resident memory every 5 ms; returns its time and the peak. */
async function measure<T>(task: () => Promise<T>): Promise<{ result: T; ms: number; peakRssMb: number }> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  const started = performance.now();
  try {
    const result = await task();
    const ms = performance.now() - started;
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, ms, peakRssMb: peak / MB };
  } finally {
    clearInterval(sampler);
  }
}

const fixed = (value: number, digits = 0) => value.toFixed(digits).padStart(8);
const line = (label: string, value: string) => console.log(`  ${label.padEnd(46)} ${value}`);

async function platformFigures(db: Db) {
  const [row] = await db<{ projects: number; donations: number; lines: number; grants: number }[]>`
    select (select count(*)::int from projects where status = 'published') as projects,
           (select count(*)::int from donations) as donations,
           (select count(*)::int from ledger_lines) as lines,
           (select count(*)::int from grants) as grants`;
  return row as { projects: number; donations: number; lines: number; grants: number };
}

/** The candidates query alone, with the partial deadline index and without it (dropped, then rolled back). */
async function candidateQueryFigures(db: Db) {
  const bounds = loosestTopUpBounds(await activeFunds(db, await currentDay(db)));
  const withIndex = await measure(() => topUpCandidates(db, bounds));
  let withoutMs = 0;
  await db
    .begin(async (tx) => {
      await tx`drop index projects_collecting_deadline_idx`;
      const started = performance.now();
      await topUpCandidates(tx, bounds);
      withoutMs = performance.now() - started;
      throw new Error('rollback');
    })
    .catch(() => undefined);
  return { candidates: withIndex.result.length, withMs: withIndex.ms, withoutMs };
}

async function main() {
  const dataDir = `${ROOT}.data/bench-funds-${process.pid}`;
  const postgres = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
  const loader = createDb(postgres.url, { max: 1 });
  const db = createDb(postgres.url, { max: 10 });
  try {
    await migrate(postgres.url);
    console.log(`Funds sweep benchmark — ${SIZE.projects} collecting projects, ${SIZE.funds} funds`);
    const load = await measure(() => loadPlatform(loader, SIZE));
    const platform = await platformFigures(db);
    line('platform loaded in', `${fixed(load.ms / 1000, 1)} s`);
    line('collecting projects', fixed(platform.projects));
    line('paid donations / ledger lines', `${platform.donations} / ${platform.lines}`);
    line('grants already reserved (seedings)', fixed(platform.grants));

    const query = await candidateQueryFigures(db);
    line('candidates (loosest trigger of the active funds)', fixed(query.candidates));
    line('candidate query, with the deadline index', `${fixed(query.withMs)} ms`);
    line('candidate query, without it', `${fixed(query.withoutMs)} ms`);

    const sweeps = createTopUpSweepActivities({ db });
    const before = process.memoryUsage().rss / MB;
    const first = await measure(() => sweeps.sweepTopUps({}));
    const second = await measure(() => sweeps.sweepTopUps({}));
    line('first sweep', `${fixed(first.ms)} ms`);
    line('  top-ups granted', `${first.result.grantCount} to ${first.result.projectIds.length} projects`);
    line('  money granted', `${fixed(first.result.grantedCents / 100)} €`);
    line('  peak RSS of this process (before: ' + before.toFixed(0) + ' MB)', `${fixed(first.peakRssMb)} MB`);
    line('second sweep (grants nothing twice)', `${fixed(second.ms)} ms, ${second.result.grantCount} grants`);
    line('max RSS of this process over the whole run', `${fixed(process.resourceUsage().maxRSS / 1024)} MB`);

    const asking = await insertAskingProject(db);
    const single = await measure(() => createFundActivities({ db }).requestTopUpGrants({ projectId: asking }));
    line(
      'a project’s own top-up request (lifecycle path)',
      `${fixed(single.ms)} ms, ${single.result.grants.length} grant`,
    );

    const list = await measure(() => listFunds(db, { offset: 0, limit: 25, sort: 'name', descending: false }));
    line('funds list page (25 funds, balances)', `${fixed(list.ms)} ms`);
    const report = await measure(() => buildFundReport(db, 1));
    line(`sponsor report of fund 1 (${report.result?.summary.grantCount} grants)`, `${fixed(report.ms)} ms`);
    line('unbalanced ledger transactions', fixed((await unbalancedTransactions(db)).length));
    console.log(first.ms <= AIM_MS ? `Within the ${AIM_MS / 1000} s aim.` : `Over the ${AIM_MS / 1000} s aim.`);
  } finally {
    await loader.end();
    await db.end();
    await postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
