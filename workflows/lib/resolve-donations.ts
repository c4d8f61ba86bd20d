import { executeChild } from '@temporalio/workflow';
import { failedCampaignResolutionWorkflow } from '../failed-campaign-resolution.ts';
import { resolutionWorkflowId, type ResolutionInput } from '../failed-campaign-resolution.messages.ts';
import type { Lifecycle } from './lifecycle.ts';

/**
 * Refunds or redirects every paid donation of a failed or cancelled campaign (a child workflow). Gifts it
 * could not resolve stop the lifecycle for an admin; once resumed, they are tried again, with the donors'
 * choices already made and no second window.
 */
export async function resolveDonations(lifecycle: Lifecycle, { refundAll }: { refundAll: boolean }): Promise<void> {
  const { projectId } = lifecycle.project;
  let input: ResolutionInput = {
    projectId,
    refundAll,
    choiceWindow: refundAll ? 0 : lifecycle.durations.failureChoiceWindow,
  };
  for (;;) {
    const args: [ResolutionInput] = [input];
    const result = await lifecycle.guard('remboursements', () =>
      executeChild(failedCampaignResolutionWorkflow, { workflowId: resolutionWorkflowId(projectId), args }),
    );
    if (!result.failures?.length) return;
    const [first] = result.failures;
    await lifecycle.stopForIncident(
      'remboursements',
      `${result.failures.length} don(s) ni remboursé(s) ni réorienté(s), dont le don ${first?.donationId} : ${first?.message}`,
    );
    input = { ...input, choiceWindow: 0, donorsTold: true, choices: result.choices };
  }
}
