import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { outboxBacklog, type OutboxBacklog } from '../db/queries/operations.ts';
import type { ApiDeps, AppEnv } from './context.ts';
import { countPollers } from './services/readiness.ts';

/** Visibility's names of the ways a workflow ends unsuccessfully. */
const FAILED_STATUSES = ['Failed', 'Terminated', 'TimedOut'] as const;

/** The value, or nothing if it fails or takes more than 3 s (a scrape never hangs on a service down). */
async function within3s<T>(read: () => Promise<T>): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), 3000)));
  try {
    return await Promise.race([read(), timeout]);
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The API's Prometheus metrics, in a registry of its own: HTTP requests by route pattern and status, and, read at
 * each scrape, the e-mail outbox backlog, the workers polling the task queue and the workflows that ended badly.
 */
export function createMetrics(deps: ApiDeps) {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({ name: 'http_requests_total', help: 'HTTP requests answered', labelNames, registers });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer an HTTP request',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const { db, temporal, config } = deps;
  const queue = config.TEMPORAL_TASK_QUEUE;
  const outboxGauge = (name: string, help: string, pick: (backlog: OutboxBacklog) => number) =>
    new Gauge({
      name,
      help,
      registers,
      async collect() {
        const backlog = await within3s(() => outboxBacklog(db));
        if (backlog) this.set(pick(backlog));
      },
    });
  outboxGauge('email_outbox_undelivered', 'E-mails due or retrying, not delivered yet', (b) => b.undelivered);
  outboxGauge(
    'email_outbox_oldest_undelivered_seconds',
    'How long the oldest undelivered e-mail has waited',
    (b) => b.oldestSeconds,
  );
  new Gauge({
    name: 'temporal_task_queue_pollers',
    help: 'Workers polling the task queue, seen within 120 s, by task type',
    labelNames: ['type'] as const,
    registers,
    async collect() {
      const pollers = await within3s(() => countPollers(temporal, queue));
      if (!pollers) return;
      this.set({ type: 'workflow' }, pollers.workflowPollers);
      this.set({ type: 'activity' }, pollers.activityPollers);
    },
  });
  new Gauge({
    name: 'temporal_workflows_failed',
    help: 'Workflows of the task queue that ended failed, terminated or timed out (within visibility retention)',
    labelNames: ['status'] as const,
    registers,
    async collect() {
      const escaped = queue.replace(/'/g, "\\'");
      await Promise.all(
        FAILED_STATUSES.map(async (status) => {
          const counted = await within3s(() =>
            temporal.workflow.count(`TaskQueue = '${escaped}' AND ExecutionStatus = '${status}'`),
          );
          if (counted) this.set({ status }, counted.count);
        }),
      );
    },
  });

  /** Middleware timing every request, labelled by its route pattern (never the raw path) and status. */
  const observe: MiddlewareHandler<AppEnv> = async (c, next) => {
    const end = duration.startTimer();
    try {
      await next();
    } finally {
      const labels = { method: c.req.method, route: routePath(c), status: String(c.res.status) };
      requests.inc(labels);
      end(labels);
    }
  };
  return { registry, observe };
}

/** The API's metrics: a registry and the middleware that feeds it. */
export type Metrics = ReturnType<typeof createMetrics>;
