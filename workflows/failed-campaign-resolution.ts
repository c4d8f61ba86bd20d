import {
  ActivityFailure,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities/index.ts';
import { DATABASE_ACTIVITY, STRIPE_ACTIVITY } from './lib/activity-options.ts';
import {
  donorChoiceSignal,
  type ResolutionInput,
  type ResolutionResult,
} from './failed-campaign-resolution.messages.ts';

const db = proxyActivities<Activities>(DATABASE_ACTIVITY);
const stripe = proxyActivities<Activities>(STRIPE_ACTIVITY);
const PAGE = 200;

/**
 * Resolves each paid donation of a failed or cancelled campaign: the donor's choice made within the
 * window, otherwise the choice made at donation (a cancellation refunds everyone).
 */
export async function failedCampaignResolutionWorkflow(input: ResolutionInput): Promise<ResolutionResult> {
  const choices = new Map(Object.entries(input.choices ?? {}).map(([id, choice]) => [Number(id), choice]));
  setHandler(donorChoiceSignal, ({ donationId, choice }) => {
    if (!input.refundAll) choices.set(donationId, choice);
  });

  if (input.afterDonationId === undefined && !input.refundAll && !input.donorsTold) {
    if (patched('failure-choice-per-gift')) {
      // one e-mail per gift, each with its donor's own "manage my gift" link
      await db.queueFailureChoiceEmails({ projectId: input.projectId });
    } else {
      await db.queueProjectEmail({
        projectId: input.projectId,
        template: 'campaign_failed_choice',
        audience: 'donors',
        eventKey: 'failure-choice',
      });
    }
    await condition(() => false, input.choiceWindow);
  }

  const result: ResolutionResult = { refunded: 0, redirected: 0, failures: [...(input.failures ?? [])] };
  let after = input.afterDonationId ?? 0;
  for (;;) {
    const { donations } = await db.listDonationsToResolve({ projectId: input.projectId, afterId: after, limit: PAGE });
    for (const donation of donations) {
      const choice = input.refundAll ? 'refund' : (choices.get(donation.donationId) ?? donation.failureChoice);
      try {
        if (choice === 'redirect') {
          await db.redirectDonation({ donationId: donation.donationId });
          result.redirected += 1;
        } else {
          const { refundId } = await stripe.refundDonation({ donationId: donation.donationId });
          await db.recordRefundRequested({ donationId: donation.donationId, refundId });
          result.refunded += 1;
        }
      } catch (error) {
        if (!(error instanceof ActivityFailure)) throw error;
        result.failures?.push({ donationId: donation.donationId, message: error.cause?.message ?? error.message });
      }
      after = donation.donationId;
    }
    if (donations.length < PAGE) return { ...result, choices: Object.fromEntries(choices) };
    if (workflowInfo().continueAsNewSuggested) {
      await continueAsNew<typeof failedCampaignResolutionWorkflow>({
        ...input,
        afterDonationId: after,
        choices: Object.fromEntries(choices),
        failures: result.failures,
      });
    }
  }
}
