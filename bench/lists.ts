// The admin's lists and dashboard at national scale, through real HTTP: p50 and p95 of each list shape the admin
// UI asks for, and of GET /api/stats alone and four at once. Run with `npm run bench:lists`; BENCH_PROJECTS and
// BENCH_DONATIONS set the size (100 000 and 2 000 000), BENCH_RUNS the requests per shape; BENCH_EXPLAIN=1 also
// prints the server-side time of each statement (EXPLAIN ANALYZE) and writes the plans to .data/bench-lists-plans.txt.
import { cpus, loadavg } from 'node:os';
import { rmSync, writeFileSync } from 'node:fs';
import { createDb } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { startEmbeddedPostgres } from '../dev/postgres.ts';
import { freePort } from '../dev/processes.ts';
import { ROOT } from '../dev/stack.ts';
import { serveBenchApi } from './api-server.ts';
import { loadLists } from './lists-fixtures.ts';
import { SHAPES } from './lists-shapes.ts';
import { timeRuns } from './timing.ts';

const SIZE = {
  projects: Number(process.env.BENCH_PROJECTS ?? 100_000),
  donations: Number(process.env.BENCH_DONATIONS ?? 2_000_000),
};
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const EXPLAIN = process.env.BENCH_EXPLAIN === '1';
const AIMS = { listMs: 50, statsMs: 100 };
const PASSWORD = 'banc d’essai des listes';

const fixed = (value: number) => value.toFixed(1).padStart(8);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const timed = (task: () => Promise<unknown>) => timeRuns(RUNS, task);

const dataDir = `${ROOT}.data/bench-lists-${process.pid}`;
const postgres = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
const loader = createDb(postgres.url, { max: 1 });
// the statements of the request being explained, as the API sent them
let captured: { query: string; parameters: unknown[] }[] | undefined;
const db = createDb(postgres.url, {
  debug: (_connection, query, parameters) => captured?.push({ query, parameters }),
});
const server = { close: () => {} };
try {
  console.log(`Admin lists benchmark — ${SIZE.projects} projects, ${SIZE.donations} donations, ${RUNS} runs a shape`);
  console.log(`  machine: ${cpus().length} cores, load average at start ${load()}`);
  await migrate(postgres.url);
  const started = performance.now();
  const email = await loadLists(loader, SIZE, PASSWORD);
  const [lines] = await loader<{ count: number }[]>`select count(*)::int as count from ledger_lines`;
  console.log(`  loaded in ${((performance.now() - started) / 1000).toFixed(0)} s (${lines?.count} ledger lines)`);

  const api = await serveBenchApi(db, postgres.url);
  server.close = api.close;
  const base = api.base;
  const signIn = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const get = async (path: string) => {
    const response = await fetch(`${base}${path}`, { headers: { cookie, accept: 'application/json' } });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<{ total?: number }>;
  };

  console.log(`  load average before the requests ${load()}`);
  console.log(`  ${'shape'.padEnd(48)}   p50 ms   p95 ms    total${EXPLAIN ? '  server ms (EXPLAIN ANALYZE)' : ''}`);
  const plans: string[] = [];
  let worstList = 0;
  for (const [label, path] of SHAPES) {
    const { total } = await get(path);
    const { p50, p95 } = await timed(() => get(path));
    if (path !== '/api/stats') worstList = Math.max(worstList, p95);
    let server = '';
    if (EXPLAIN) {
      captured = [];
      await get(path);
      const statements = captured.filter(({ query }) => !/^\s*(begin|commit|select .* from sessions)/i.test(query));
      captured = undefined;
      const times: string[] = [];
      for (const { query, parameters } of statements) {
        const rows = await loader.unsafe(`explain (analyze, buffers) ${query}`, parameters as never[]);
        const plan = rows.map((row) => Object.values(row)[0]).join('\n');
        times.push(/Execution Time: ([\d.]+)/.exec(plan)?.[1] ?? '?');
        plans.push(`## ${label} — ${path}\n${query}\n${plan}\n`);
      }
      server = `  ${times.join(' + ')}`;
    }
    console.log(`  ${label.padEnd(48)} ${fixed(p50)} ${fixed(p95)} ${String(total ?? '').padStart(8)}${server}`);
  }
  const stats = await timed(() => Promise.all([1, 2, 3, 4].map(() => get('/api/stats'))));
  console.log(`  ${'GET /api/stats, 4 at once'.padEnd(48)} ${fixed(stats.p50)} ${fixed(stats.p95)}`);
  if (EXPLAIN) writeFileSync(`${ROOT}.data/bench-lists-plans.txt`, plans.join('\n'));
  console.log(`  load average after ${load()}`);
  console.log(
    worstList <= AIMS.listMs
      ? `Every list shape within the ${AIMS.listMs} ms p95 aim (stats aim: ${AIMS.statsMs} ms).`
      : `Worst list p95 ${worstList.toFixed(1)} ms: over the ${AIMS.listMs} ms aim.`,
  );
} finally {
  server.close();
  await loader.end();
  await db.end();
  await postgres.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
