import { readdirSync, readFileSync } from 'node:fs';
import type { Db } from '../db/client.ts';
import { cpuSeconds } from './machine.ts';

/** The Postgres backends serving one database: their process title names it (`postgres: user database …`). */
function backendsOf(postmasters: number[], database: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const title = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split(' ');
      if (postmasters.includes(parent) && title[0] === 'postgres:' && title[2] === database) pids.push(Number(entry));
    } catch {
      // ended meanwhile
    }
  }
  return pids;
}

/**
 * Costs that do not depend on the machine's load, taken around one part of a run: CPU seconds per process group
 * (this process — the API and the HTTP client —, the workers, the Temporal server, Postgres split by database) and
 * the SQL statements run in the application's database (pg_stat_statements, nested ones included: triggers).
 */
export function costMeter(
  db: Db,
  groups: { workers: () => number[]; temporal: () => number[]; postgres: () => number[] },
) {
  const sample = () => {
    const postmasters = groups.postgres();
    const app = backendsOf(postmasters, 'trousse');
    const persistence = [...backendsOf(postmasters, 'temporal'), ...backendsOf(postmasters, 'visibility')];
    const all = cpuSeconds(postmasters);
    const ownCpu = process.cpuUsage();
    return {
      'bench process (API + client)': (ownCpu.user + ownCpu.system) / 1e6,
      workers: cpuSeconds(groups.workers()),
      'Temporal server': cpuSeconds(groups.temporal()),
      'Postgres (application)': cpuSeconds(app),
      'Postgres (Temporal)': cpuSeconds(persistence),
      'Postgres (other)': all - cpuSeconds(app) - cpuSeconds(persistence),
    };
  };
  let before = sample();
  return {
    /** Starts counting afresh (CPU and statements). */
    async start(): Promise<void> {
      await db`create extension if not exists pg_stat_statements`;
      await db`alter system set pg_stat_statements.track = 'all'`;
      await db`select pg_reload_conf()`;
      await db`select pg_stat_statements_reset()`;
      before = sample();
    },
    /** CPU milliseconds per event by group, and statements per event: top-level (round trips) and the busiest. */
    async per(events: number) {
      const after = sample();
      const cpu = Object.entries(after).map(
        ([name, seconds]) => [name, ((seconds - before[name as keyof typeof before]) * 1000) / events] as const,
      );
      type Statement = { query: string; calls: number; toplevel: boolean; ms: number };
      const statements: Statement[] = await db<Statement[]>`
        select left(regexp_replace(query, '\\s+', ' ', 'g'), 90) as query, calls::int, toplevel,
               total_exec_time::float8 as ms
        from pg_stat_statements s join pg_database d on d.oid = s.dbid
        where d.datname = current_database() and query not like '%pg_stat_statements%'
        order by calls desc`;
      const sum = (rows: Statement[]) => rows.reduce((total, row) => total + row.calls, 0) / events;
      return {
        cpu,
        cpuTotal: cpu.reduce((total, [, ms]) => total + ms, 0),
        topLevel: sum(statements.filter((row) => row.toplevel)),
        nested: sum(statements.filter((row) => !row.toplevel)),
        busiest: statements.slice(0, 14),
      };
    },
  };
}
