import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
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
