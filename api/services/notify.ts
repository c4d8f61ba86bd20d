import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { deliverNowOptions } from '../../workflows/email-delivery.messages.ts';
import { notifyWorkflowId, type NotifyInput } from '../../workflows/notify.messages.ts';
import type { ApiDeps } from '../context.ts';

/**
 * Has the worker write a notice's e-mails to the outbox (rendered there, delivered by SMTP after). Call once
 * the action or event is committed; asking twice for the same template and event sends nothing twice.
 */
export async function notify(deps: Pick<ApiDeps, 'temporal' | 'config'>, input: NotifyInput): Promise<void> {
  await deps.temporal.workflow
    .start('notifyWorkflow', {
      workflowId: notifyWorkflowId(input),
      taskQueue: deps.config.TEMPORAL_TASK_QUEUE,
      args: [input],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    })
    .catch((error: unknown) => {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    });
}

const KICK_INTERVAL_MS = 1_000;
const lastKicks = new WeakMap<object, number>();

/**
 * Asks for an e-mail delivery now (the thank-you of a gift just paid), at most once a second per client: a burst
 * of payments costs Temporal one signal, and the delivery Schedule, every minute, catches whatever a skipped
 * kick left.
 */
export async function kickEmailDelivery(deps: Pick<ApiDeps, 'temporal' | 'config'>): Promise<void> {
  const now = Date.now();
  if (now - (lastKicks.get(deps.temporal) ?? 0) < KICK_INTERVAL_MS) return;
  lastKicks.set(deps.temporal, now);
  await deps.temporal.workflow.signalWithStart(
    'emailDeliveryWorkflow',
    deliverNowOptions(deps.config.TEMPORAL_TASK_QUEUE),
  );
}
