import { deprecatePatch, getExternalWorkflowHandle, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index.ts';
import type { TopUpSweepResult } from '../activities/top-up-sweep.ts';
import { SWEEP_ACTIVITY } from './lib/activity-options.ts';
import { donationChangedSignal, projectWorkflowId } from './project-lifecycle.messages.ts';

const { sweepTopUps } = proxyActivities<Activities>(SWEEP_ACTIVITY);

/** The donation id the figures' signal carries when no gift but a grant changed them. */
const NO_DONATION = 0;

/**
 * The scheduled safety net beside each project's own timers: tops up every collecting project whose
 * trigger holds for an active fund that has not topped it up yet (DESIGN.md §Funds: top-up), then tells
 * each project topped up, so its figures and milestone e-mails follow at once.
 */
export async function topUpSweepWorkflow(_input: Record<string, never> = {}): Promise<TopUpSweepResult> {
  const result = await sweepTopUps({});
  deprecatePatch('signal-topped-up-projects');
  await Promise.all(
    result.projectIds.map((projectId) =>
      getExternalWorkflowHandle(projectWorkflowId(projectId))
        .signal(donationChangedSignal, { donationId: NO_DONATION })
        .catch(() => undefined),
    ),
  );
  return result;
}
