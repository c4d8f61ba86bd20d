import type { ActivityOptions } from '@temporalio/workflow';

/** Short database activities: retried with backoff, well within a minute each. */
export const DATABASE_ACTIVITY: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
};
