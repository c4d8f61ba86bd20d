import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities/index.ts';
import type { ReconciliationSummary } from '../activities/reconciliation.ts';

// pages through a day or more of Stripe's charges and refunds: long, alive as long as it heartbeats, retried a
// few times (each attempt replaces the previous one's run), then left to the next day's run
const { reconcileWithStripe } = proxyActivities<Activities>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '2 minutes',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 5 },
});

const DAY = 86_400_000;

/** The period to reconcile: explicit, or the last `days` days up to now (the schedule's daily run: 2 days overlap). */
export interface ReconciliationInput {
  start?: string;
  end?: string;
  days?: number;
}

/**
 * Compares the ledger with Stripe's payments and refunds over a period, records the run and flags what
 * differs for the admins (DESIGN.md §Architecture: scheduled jobs).
 */
export async function reconciliationWorkflow(input: ReconciliationInput = {}): Promise<ReconciliationSummary> {
  const end = input.end ?? new Date().toISOString();
  const start = input.start ?? new Date(new Date(end).getTime() - (input.days ?? 2) * DAY).toISOString();
  return await reconcileWithStripe({ start, end, workflowId: workflowInfo().workflowId });
}
