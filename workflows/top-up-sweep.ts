import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index.ts';
import type { TopUpSweepResult } from '../activities/top-up-sweep.ts';
import { SWEEP_ACTIVITY } from './lib/activity-options.ts';

const { sweepTopUps } = proxyActivities<Activities>(SWEEP_ACTIVITY);

/**
 * The scheduled safety net beside each project's own timers: tops up every collecting project whose
 * trigger holds for an active fund that has not topped it up yet (DESIGN.md §Funds: top-up).
 */
export async function topUpSweepWorkflow(_input: Record<string, never> = {}): Promise<TopUpSweepResult> {
  return await sweepTopUps({});
}
