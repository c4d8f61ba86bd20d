import { continueAsNew, deprecatePatch, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities/index.ts';
import type { DeliveryOutcome } from '../activities/email-delivery.ts';
import { deliverNowSignal, type EmailDeliveryInput, type EmailDeliveryResult } from './email-delivery.messages.ts';
import { EMAIL_ACTIVITY } from './lib/activity-options.ts';

const email = proxyActivities<Activities>(EMAIL_ACTIVITY);
const BATCH = 50;
const THANKS_BATCH = 500;
const PARALLEL = 5;

/**
 * Delivers the outbox, or one shard of it (DeliveryShard): every e-mail due now, in batches (one e-mail per recipient each, so each recipient
 * gets them in order), until none is left; asked again while running, it looks once more. Failed tries
 * wait in the outbox for their next turn, so one bad address blocks nothing.
 */
export async function emailDeliveryWorkflow(input: EmailDeliveryInput = {}): Promise<EmailDeliveryResult> {
  const { shard } = input;
  const result: EmailDeliveryResult = input.carried ?? { sent: 0, retrying: 0, failed: 0, skipped: 0, errored: 0 };
  let asked: boolean;
  setHandler(deliverNowSignal, () => {
    asked = true;
  });
  for (;;) {
    asked = false;
    // donors whose gifts the webhook recorded as paid are thanked first (every run open has the patch: README)
    deprecatePatch('thank-donors');
    await email.queueDueThanks({ limit: THANKS_BATCH, shard });
    const { emailIds } = await email.listDueEmails({ limit: BATCH, shard });
    let delivered = 0;
    for (let start = 0; start < emailIds.length; start += PARALLEL) {
      const outcomes = await Promise.all(
        emailIds.slice(start, start + PARALLEL).map((emailId) =>
          email.deliverEmail({ emailId }).then(
            ({ outcome }): DeliveryOutcome | 'errored' => outcome,
            () => 'errored' as const,
          ),
        ),
      );
      for (const outcome of outcomes) {
        if (outcome === 'not_deliverable') continue;
        result[outcome] += 1;
        if (outcome !== 'errored') delivered += 1;
      }
    }
    if (!asked && delivered === 0) return result;
    if (workflowInfo().continueAsNewSuggested) {
      await continueAsNew<typeof emailDeliveryWorkflow>({ shard, carried: result });
    }
  }
}
