import { defineSignal } from '@temporalio/workflow';
import { EMAIL_DELIVERY_SHARDS, type DeliveryShard } from '../domain/emails.ts';

/** The workflow id of a shard's run asked for right after e-mails were queued (signal-with-start), per task queue. */
export const emailDeliveryNowWorkflowId = (taskQueue: string, shard: number) =>
  `email-delivery-now-${taskQueue}-${shard}`;

/** Asks a running delivery to look for due e-mails once more before it ends. */
export const deliverNowSignal = defineSignal<[]>('deliverNow');

/** The signal-with-start that asks a shard for a delivery now: it starts one, or tells the running one to look again. */
export const deliverNowOptions = (taskQueue: string, shard: number) => ({
  workflowId: emailDeliveryNowWorkflowId(taskQueue, shard),
  taskQueue,
  args: [{ shard: { index: shard, count: EMAIL_DELIVERY_SHARDS } }] as [EmailDeliveryInput],
  signal: deliverNowSignal,
  signalArgs: [] as [],
});

/** How long a process gathers the asks for a delivery before it signals each shard asked for. */
export const KICK_DEBOUNCE_MS = 50;

/**
 * The asks for a delivery of one process (API or worker), coalesced: the shards asked for within KICK_DEBOUNCE_MS are
 * each sent one signal (`send`), a shard never two at once (an ask meanwhile is sent after). Never waits nor throws:
 * a failed signal goes to `onError`, and the schedule's run sends what it left.
 */
export function createDeliveryKicker(
  send: (shard: number) => Promise<unknown>,
  onError: (error: unknown) => void,
): (shards: Iterable<number>) => void {
  const asked = new Set<number>();
  const sending = new Set<number>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    for (const shard of asked) {
      if (sending.has(shard)) continue;
      asked.delete(shard);
      sending.add(shard);
      send(shard)
        .catch(onError)
        .finally(() => {
          sending.delete(shard);
          if (asked.has(shard)) later();
        });
    }
  };
  const later = () => {
    timer ??= setTimeout(flush, KICK_DEBOUNCE_MS);
  };
  return (shards) => {
    for (const shard of shards) asked.add(shard);
    if (asked.size > 0) later();
  };
}

/** What a kicker needs of a Temporal client (workflows may not import the client itself). */
interface DeliveryStarter {
  workflow: {
    signalWithStart(
      workflowType: 'emailDeliveryWorkflow',
      options: ReturnType<typeof deliverNowOptions>,
    ): Promise<unknown>;
  };
}

/** The kicker of a process (API or worker) holding a Temporal client: it signals the shards' delivery workflows. */
export const temporalDeliveryKicker = (temporal: DeliveryStarter, taskQueue: string) =>
  createDeliveryKicker(
    (shard) => temporal.workflow.signalWithStart('emailDeliveryWorkflow', deliverNowOptions(taskQueue, shard)),
    (error) => console.warn('E-mail delivery not asked for now; the scheduled one will send it', error),
  );

/** What a delivery run did, e-mail by e-mail. */
export interface EmailDeliveryResult {
  sent: number;
  retrying: number;
  failed: number;
  skipped: number;
  /** deliveries whose activity itself kept failing (database unreachable…); the next run tries again */
  errored: number;
}

/** A delivery run's input: its shard of the outbox (none: the whole outbox), and the counts carried over a continue-as-new. */
export interface EmailDeliveryInput {
  shard?: DeliveryShard;
  carried?: EmailDeliveryResult;
}
