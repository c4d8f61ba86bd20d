import { defineSignal } from '@temporalio/workflow';

/** The Temporal Schedule that runs a delivery every minute; fixed so the worker creates it once. */
export const EMAIL_DELIVERY_SCHEDULE_ID = 'email-delivery';

/** The workflow id the schedule gives each run (Temporal appends the scheduled time). */
export const EMAIL_DELIVERY_WORKFLOW_ID = 'email-delivery';

/** The workflow id of the run asked for right after e-mails were queued (signal-with-start), per task queue. */
export const emailDeliveryNowWorkflowId = (taskQueue: string) => `email-delivery-now-${taskQueue}`;

/** How often the schedule delivers the outbox (an ISO-8601 or ms-style duration Temporal accepts). */
export const EMAIL_DELIVERY_EVERY = '1 minute';

/** Asks a running delivery to look for due e-mails once more before it ends. */
export const deliverNowSignal = defineSignal<[]>('deliverNow');

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
