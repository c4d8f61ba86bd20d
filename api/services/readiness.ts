import type { Client } from '@temporalio/client';
import { outboxBacklog, type OutboxBacklog } from '../../db/queries/operations.ts';
import { plural } from '../../domain/format.ts';
import type { ApiDeps } from '../context.ts';

/** A poller seen longer ago than this is a worker gone (an idle worker polls again about every minute). */
export const POLLER_FRESH_SECONDS = 120;
/** The oldest undelivered e-mail may wait this long before the API stops answering ready. */
export const OUTBOX_MAX_AGE_SECONDS = 15 * 60;

// Temporal's enums (temporal.api.enums.v1): TASK_QUEUE_KIND_NORMAL, TASK_QUEUE_TYPE_WORKFLOW and _ACTIVITY
const NORMAL_KIND = 1;
const WORKFLOW_TASKS = 1;
const ACTIVITY_TASKS = 2;

/** How many workers poll the task queue for workflow and for activity tasks, seen within POLLER_FRESH_SECONDS. */
export async function countPollers(
  temporal: Client,
  taskQueue: string,
): Promise<{ workflowPollers: number; activityPollers: number }> {
  const count = async (taskQueueType: number) => {
    const { pollers } = await temporal.workflowService.describeTaskQueue({
      namespace: temporal.options.namespace,
      taskQueue: { name: taskQueue, kind: NORMAL_KIND },
      taskQueueType,
    });
    const freshSince = Date.now() / 1000 - POLLER_FRESH_SECONDS;
    return pollers.filter((poller) => Number(poller.lastAccessTime?.seconds ?? 0) >= freshSince).length;
  };
  const [workflowPollers, activityPollers] = await Promise.all([count(WORKFLOW_TASKS), count(ACTIVITY_TASKS)]);
  return { workflowPollers, activityPollers };
}

/** What the worker check found: a French sentence when no worker polls. */
export async function probeWorker(deps: Pick<ApiDeps, 'temporal' | 'config'>) {
  const queue = deps.config.TEMPORAL_TASK_QUEUE;
  const pollers = await countPollers(deps.temporal, queue);
  const missing = [pollers.workflowPollers ? [] : ['workflows'], pollers.activityPollers ? [] : ['activités']].flat();
  const error = missing.length
    ? `Aucun worker n’interroge la file « ${queue} » (${missing.join(', ')}) depuis ${POLLER_FRESH_SECONDS} s.`
    : undefined;
  return { ok: !error, ...(error ? { error } : {}), ...pollers };
}

/** What the outbox check found: a French sentence when the oldest undelivered e-mail waits too long. */
export async function probeOutbox(deps: Pick<ApiDeps, 'db'>): Promise<OutboxBacklog & { ok: boolean; error?: string }> {
  const backlog = await outboxBacklog(deps.db);
  if (backlog.oldestSeconds <= OUTBOX_MAX_AGE_SECONDS) return { ok: true, ...backlog };
  const minutes = Math.floor(backlog.oldestSeconds / 60);
  const error = `${plural(backlog.undelivered, 'e-mail')} en attente ; le plus ancien attend depuis ${minutes} min (au plus ${OUTBOX_MAX_AGE_SECONDS / 60}).`;
  return { ok: false, error, ...backlog };
}
