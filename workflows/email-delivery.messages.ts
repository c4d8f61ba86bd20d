import { defineSignal } from '@temporalio/workflow';

/** The workflow id of the run asked for right after e-mails were queued (signal-with-start), per task queue. */
export const emailDeliveryNowWorkflowId = (taskQueue: string) => `email-delivery-now-${taskQueue}`;

/** Asks a running delivery to look for due e-mails once more before it ends. */
export const deliverNowSignal = defineSignal<[]>('deliverNow');

/** The signal-with-start that asks for a delivery now: it starts one, or tells the running one to look again. */
export const deliverNowOptions = (taskQueue: string) => ({
  workflowId: emailDeliveryNowWorkflowId(taskQueue),
  taskQueue,
  args: [{}] as [EmailDeliveryInput],
  signal: deliverNowSignal,
  signalArgs: [] as [],
});

/** What a delivery run did, e-mail by e-mail. */
export interface EmailDeliveryResult {
  sent: number;
  retrying: number;
  failed: number;
  skipped: number;
  /** deliveries whose activity itself kept failing (database unreachable…); the next run tries again */
  errored: number;
}

/** A delivery run's input: nothing, or the counts carried over a continue-as-new. */
export interface EmailDeliveryInput {
  carried?: EmailDeliveryResult;
}
