// The public catalogue over 100 000 projects on a real PostgreSQL: p50 and p95 of each shape of request, the query
// alone and the HTML page over real HTTP.
// Run with `npm run bench:catalogue` (npx tsx bench/catalogue.ts); BENCH_PROJECTS changes the size,
// BENCH_RUNS the requests per shape.
import { loadavg, cpus } from 'node:os';
import { rmSync } from 'node:fs';
import { createDb, type Db } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import {
  listCatalogue,
  platformTotals,
  type CatalogueQuery,
  type CatalogueRunner,
} from '../db/queries/public-catalogue.ts';
import type { Tx } from '../db/client.ts';
import { startEmbeddedPostgres } from '../dev/postgres.ts';
import { freePort } from '../dev/processes.ts';
import { ROOT } from '../dev/stack.ts';
import { serveBenchApi } from './api-server.ts';
import { loadPlatform, type BenchSize } from './funds-fixtures.ts';
import { timeRuns } from './timing.ts';

const SIZE: BenchSize = { projects: Number(process.env.BENCH_PROJECTS ?? 100_000), schools: 10_000, funds: 10 };
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const AIM_P95_MS = 50;

const SHAPES: [string, CatalogueQuery][] = [
  ['first page, no filter', { page: 1 }],
  ['page 40, no filter', { page: 40 }],
  ['search « jaures »', { page: 1, q: 'jaures' }],
  ['search « classe mer » collecting', { page: 1, q: 'classe mer', statut: 'en_cours' }],
  ['search « jaures » by relevance', { page: 1, q: 'jaures', tri: 'pertinence' }],
  ['theme', { page: 1, theme: 'sport' }],
  ['académie + level', { page: 1, academie: 'lille', niveau: 'CM2' }],
  ['département + REP+', { page: 1, departement: '59', priorite: 'rep_plus' }],
  ['rural, ending soon', { page: 1, priorite: 'rural', tri: 'fin' }],
  ['nearly funded, collecting', { page: 1, tri: 'financement', statut: 'en_cours' }],
  ['funded, newest', { page: 1, statut: 'termine', tri: 'recent' }],
  ['funded, nearly funded', { page: 1, statut: 'termine', tri: 'financement' }],
  ['theme, last page (42)', { page: 42, theme: 'sport' }],
];

const WORDS = ['Classe de mer', 'Atelier théâtre', 'Robotique', 'Jardin partagé', 'Chorale', 'Voyage à Londres'];
const ECOLE = ['CP', 'CE1', 'CE2', 'CM1', 'CM2'];
const COLLEGE = ['6e', '5e', '4e', '3e'];
const NAMES = ['Jean Jaurès', 'Victor Hugo', 'Jules Ferry', 'Louise Michel', 'Pasteur', 'Marie Curie'];

/** Titles, school names and states of a real catalogue; search vectors, school fields and totals kept by the triggers. */
async function shapePlatform(db: Db): Promise<void> {
  await db`update schools set name = 'École ' || (${NAMES}::text[])[1 + (substring(uai, 1, 7)::int % 6)]
           || ' ' || substring(uai, 1, 7)`;
  await db`update projects set title = (${WORDS}::text[])[1 + id % 6] || ' ' || id,
           summary = 'Un projet pour les élèves de la classe ' || id,
           description = 'Les élèves découvrent, créent et partagent leur travail avec les familles.',
           status = case when id % 10 < 6 then 'published' when id % 10 < 8 then 'paid_out' else 'completed' end,
           school_uai = school_uai`;
  // a class of the school's own stage, spread over every académie: an école's CP to CM2, a collège's 6e to 3e
  await db`update projects p set levels = case when s.kind = 'college' then array[(${COLLEGE}::text[])[1 + (p.id / 7) % 4]]
           else array[(${ECOLE}::text[])[1 + (p.id / 7) % 5]] end
           from schools s where s.uai = p.school_uai`;
  await db`delete from project_public_totals`;
  await db`
    insert into project_public_totals (project_id, ledger_cents, reserved_grant_cents)
    select p.id, coalesce(b.cents, 0), coalesce(g.cents, 0) from projects p
    left join (select a.project_id, sum(l.amount_cents) as cents from ledger_accounts a
               join ledger_lines l on l.account_id = a.id where a.kind = 'project' group by a.project_id) b
      on b.project_id = p.id
    left join (select project_id, sum(amount_cents) as cents from grants where status = 'reserved'
               group by project_id) g on g.project_id = p.id`;
  await db`vacuum analyze`;
}

const timeShape = (task: () => Promise<unknown>) => timeRuns(RUNS, task);

/** The catalogue's address for a query, as a donor shares it. */
const catalogueUrl = (query: CatalogueQuery) =>
  `/projets?${new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)]))}`;

const fixed = (value: number) => value.toFixed(1).padStart(7);

interface Plan {
  'Execution Time': number;
  Plan: PlanNode;
}
interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

const seqScans = (node: PlanNode): string[] => [
  ...(node['Node Type'] === 'Seq Scan' ? [node['Relation Name'] ?? '?'] : []),
  ...(node.Plans ?? []).flatMap(seqScans),
];

/** The server-side time of one request of the shape (EXPLAIN ANALYZE of each statement) and its tables read in full. */
async function explainShape(db: Db, query: CatalogueQuery): Promise<{ serverMs: number; seqScans: string[] }> {
  const found = { serverMs: 0, seqScans: [] as string[] };
  const explaining: CatalogueRunner = async <T extends object>(tx: Tx, statement: Parameters<CatalogueRunner>[1]) => {
    const [row] = await tx<{ queryPlan: Plan[] }[]>`explain (analyze, format json) ${statement}`;
    const plan = Object.values(row!)[0] as Plan[];
    found.serverMs += plan[0]!['Execution Time'];
    found.seqScans.push(...seqScans(plan[0]!.Plan));
    return tx<T[]>`${statement}`;
  };
  await listCatalogue(db, query, explaining);
  return found;
}

async function main() {
  const dataDir = `${ROOT}.data/bench-catalogue-${process.pid}`;
  const postgres = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
  const loader = createDb(postgres.url, { max: 1 });
  const db = createDb(postgres.url, { max: 4 });
  let closeApi = () => {};
  try {
    await migrate(postgres.url);
    const started = performance.now();
    await loadPlatform(loader, SIZE);
    await shapePlatform(loader);
    console.log(`Catalogue benchmark — ${SIZE.projects} projects, ${RUNS} requests per shape`);
    console.log(`  loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    console.log(
      `  machine: ${cpus().length} cores, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    const api = await serveBenchApi(db, postgres.url);
    closeApi = api.close;
    const getPage = async (path: string) => {
      const response = await fetch(`${api.base}${path}`);
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      await response.text();
    };
    console.log('  query: listCatalogue alone; page: GET of the HTML page over HTTP (query, rendering, headers)');
    console.log(`  ${'shape'.padEnd(40)}   query p50/p95 ms    page p50/p95 ms  matches  server ms  plan`);
    let worst = 0;
    for (const [label, query] of SHAPES) {
      const { total } = await listCatalogue(db, query);
      if (total === 0) {
        console.log(`  ${label}: no project matches, the shape would measure an empty answer`);
        process.exitCode = 1;
      }
      const alone = await timeShape(() => listCatalogue(db, query));
      const page = await timeShape(() => getPage(catalogueUrl(query)));
      const { serverMs, seqScans } = await explainShape(db, query);
      worst = Math.max(worst, page.p95);
      const plan = seqScans.length ? `seq scan on ${seqScans.join(', ')}` : 'indexes only';
      console.log(
        `  ${label.padEnd(40)} ${fixed(alone.p50)} ${fixed(alone.p95)}    ${fixed(page.p50)} ${fixed(page.p95)}  ${String(total).padStart(7)}  ${fixed(serverMs)}    ${plan}`,
      );
    }
    const home = await timeShape(() =>
      Promise.all([
        platformTotals(db),
        listCatalogue(db, { page: 1, pageSize: 3, statut: 'en_cours', tri: 'fin' }),
        listCatalogue(db, { page: 1, pageSize: 3, statut: 'en_cours', tri: 'financement' }),
        listCatalogue(db, { page: 1, pageSize: 3, statut: 'en_cours', tri: 'fin', priorityOnly: true }),
      ]),
    );
    const homePage = await timeShape(() => getPage('/'));
    console.log(
      `  ${'home page (totals + 3 selections)'.padEnd(40)} ${fixed(home.p50)} ${fixed(home.p95)}    ${fixed(homePage.p50)} ${fixed(homePage.p95)}`,
    );
    console.log(
      `  load average after: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    console.log(
      worst <= AIM_P95_MS
        ? `Every catalogue page within the ${AIM_P95_MS} ms p95 aim over HTTP.`
        : `Worst catalogue page p95 ${worst.toFixed(1)} ms over HTTP: over the ${AIM_P95_MS} ms aim.`,
    );
  } finally {
    closeApi();
    await loader.end();
    await db.end();
    await postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
