import type { Client } from '@temporalio/client';
import { projectWorkflowId, stateQuery } from '../workflows/project-lifecycle.messages.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const GIVE_UP_MS = 60_000;

/**
 * End-to-end latency of payment events, from the POST of Stripe's event to the lifecycle's figure showing it: after
 * each `sampleEvery`-th answered event, its project's lifecycle is queried every `pollMs` until its collected money
 * reaches the sum of that project's events answered so far (polling faster floods the worker with queries, which
 * slows what it measures). `collected` carries those sums from one run to the next.
 */
export function figureLatency(temporal: Client, collected: Map<number, number>, sampleEvery = 10, pollMs = 25) {
  const latencies: number[] = [];
  const watches: Promise<void>[] = [];
  let answered = 0;
  let lost = 0;
  let queries = 0;
  const watch = async (projectId: number, target: number, postedAt: number) => {
    const handle = temporal.workflow.getHandle(projectWorkflowId(projectId));
    while (performance.now() - postedAt < GIVE_UP_MS) {
      queries += 1;
      const state = await handle.query(stateQuery).catch(() => undefined);
      if (state && state.collectedCents >= target) return void latencies.push(performance.now() - postedAt);
      await sleep(pollMs);
    }
    lost += 1;
  };
  return {
    /** Tells that the event of a gift to `projectId` was answered 200; `postedAt` is when it was sent. */
    answered(projectId: number, amountCents: number, postedAt: number): void {
      const target = (collected.get(projectId) ?? 0) + amountCents;
      collected.set(projectId, target);
      if (answered++ % sampleEvery === 0) watches.push(watch(projectId, target, postedAt));
    },
    /** Waits for every watch; the sampled latencies' p50 and p99, how many never showed within a minute, queries made. */
    async settle() {
      await Promise.all(watches);
      latencies.sort((a, b) => a - b);
      const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
      return { sampled: latencies.length, p50: at(0.5), p99: at(0.99), lost, queries };
    },
  };
}
