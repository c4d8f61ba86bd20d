import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

/** The machine's load as the benchmarks print it: load averages and the other processes busy on the CPU now. */
export function machineLoad(): string {
  const [one, five] = loadavg().map((value) => value.toFixed(2));
  const busy = execFileSync('ps', ['-eo', 'pcpu=,pid=,comm='], { encoding: 'utf8' })
    .split('\n')
    .map((row) => row.trim().split(/\s+/))
    .filter(([cpu, pid]) => Number(cpu) >= 10 && Number(pid) !== process.pid);
  return `${cpus().length} cores, load average ${one} (1 min) / ${five} (5 min), ${busy.length} processes above 10 % CPU`;
}

/** The resident memory of a process in MB (VmRSS), or 0 once it is gone. */
export function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** The ids of the processes whose command line contains `marker` (e.g. a data directory of this run only). */
export function pidsOf(marker: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(marker)) pids.push(Number(entry));
    } catch {
      // ended meanwhile
    }
  }
  return pids;
}

/** Samples the summed RSS of each named group of processes every second, keeping each group's peak. */
export function rssSampler(groups: Record<string, () => number[]>) {
  const peaks: Record<string, number> = Object.fromEntries(Object.keys(groups).map((name) => [name, 0]));
  const sample = () => {
    for (const [name, pids] of Object.entries(groups)) {
      peaks[name] = Math.max(
        peaks[name]!,
        pids().reduce((sum, pid) => sum + rssMb(pid), 0),
      );
    }
  };
  const timer = setInterval(sample, 1_000);
  return {
    /** the peaks so far, then starts afresh */
    take(): Record<string, number> {
      sample();
      const taken = { ...peaks };
      for (const name of Object.keys(peaks)) peaks[name] = 0;
      return taken;
    },
    stop: () => clearInterval(timer),
  };
}

/**
 * CPU seconds (user + system) used so far by these processes, their live children (e.g. Postgres backends) and
 * the children they have reaped (ended backends).
 */
export function cpuSeconds(pids: number[]): number {
  const ticks = 100;
  const stats = new Map<number, string[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
      stats.set(Number(entry), text.slice(text.lastIndexOf(')') + 2).split(' '));
    } catch {
      // ended meanwhile
    }
  }
  let total = 0;
  for (const [pid, fields] of stats) {
    if (!pids.includes(pid) && !pids.includes(Number(fields[1]))) continue;
    total += (Number(fields[11]) + Number(fields[12])) / ticks;
    if (pids.includes(pid)) total += (Number(fields[13]) + Number(fields[14])) / ticks;
  }
  return total;
}
