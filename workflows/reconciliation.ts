import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index.ts';
import type { ReconciliationSummary } from '../activities/reconciliation.ts';
import { STRIPE_ACTIVITY } from './lib/activity-options.ts';

const { reconcileWithStripe } = proxyActivities<Activities>(STRIPE_ACTIVITY);

const DAY = 86_400_000;

/** The period to reconcile: explicit, or the last `days` days up to now (the schedule's daily run: 2 days overlap). */
export interface ReconciliationInput {
  start?: string;
  end?: string;
  days?: number;
}

/**
 * Compares the ledger with Stripe's payments and refunds over a period and records what differs, for the
 * admins' reconciliation report (DESIGN.md §Architecture: scheduled jobs).
 */
export async function reconciliationWorkflow(input: ReconciliationInput = {}): Promise<ReconciliationSummary> {
  const end = input.end ?? new Date().toISOString();
  const start = input.start ?? new Date(new Date(end).getTime() - (input.days ?? 2) * DAY).toISOString();
  return await reconcileWithStripe({ start, end });
}
