import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { thanksShardOf } from '../../domain/emails.ts';
import { temporalDeliveryKicker } from '../../workflows/email-delivery.messages.ts';
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

const kickers = new WeakMap<object, (shards: Iterable<number>) => void>();

/**
 * Asks, without waiting, for the delivery of a paid gift's thank-you now: its shard's delivery workflow is signalled
 * within KICK_DEBOUNCE_MS, one signal per shard for a burst of payments; the delivery Schedule, every minute, catches
 * whatever a failed signal left.
 */
export function kickEmailDelivery(deps: Pick<ApiDeps, 'temporal' | 'config'>, donationId: number): void {
  let kick = kickers.get(deps.temporal);
  if (!kick) {
    kick = temporalDeliveryKicker(deps.temporal, deps.config.TEMPORAL_TASK_QUEUE);
    kickers.set(deps.temporal, kick);
  }
  kick([thanksShardOf(donationId)]);
}
