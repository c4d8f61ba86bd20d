import type { ActivityOptions, LocalActivityOptions } from '@temporalio/workflow';

/** Short database activities: retried with backoff, well within a minute each. */
export const DATABASE_ACTIVITY: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
};

/** Calls to Stripe: longer timeout, retried for hours (idempotency keys make retries safe). */
export const STRIPE_ACTIVITY: ActivityOptions = {
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
};

/** A sweep over every collecting project: one long transaction, retried a few times, then left to the next run. */
export const SWEEP_ACTIVITY: ActivityOptions = {
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 5 },
};

/**
 * One project's top-up request: the sweep's few tries, each within a minute (a completion lost by an overloaded
 * server held the lifecycle for the sweep's 5 minutes).
 */
export const TOP_UP_REQUEST_ACTIVITY: ActivityOptions = { ...SWEEP_ACTIVITY, startToCloseTimeout: '1 minute' };

/** One e-mail over SMTP: the transport gives up well within the timeout; SMTP failures are recorded, not thrown. */
export const EMAIL_ACTIVITY: ActivityOptions = {
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 5 },
};

/** Writing e-mails to the outbox (delivery is another workflow): a database write, retried like one. */
export const EMAIL_QUEUE_ACTIVITY: ActivityOptions = DATABASE_ACTIVITY;

/** A short database step run as a local activity: the same timeout and retries, in the worker holding the workflow. */
export const LOCAL_DATABASE_ACTIVITY: LocalActivityOptions = {
  startToCloseTimeout: DATABASE_ACTIVITY.startToCloseTimeout,
  retry: DATABASE_ACTIVITY.retry,
};
