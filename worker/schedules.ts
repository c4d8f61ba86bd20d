import { ScheduleAlreadyRunning, ScheduleNotFoundError, type Client } from '@temporalio/client';

/** A Temporal Schedule the worker keeps: the workflow it starts, how often, and what it is for. */
interface ScheduleDefinition {
  /** fixed, so the worker creates it once; also the workflow id of each run (Temporal appends the scheduled time) */
  id: string;
  workflowType: string;
  /** an ISO-8601 or ms-style duration Temporal accepts; also how late a missed run may still start */
  every: string;
  /** shown in the Temporal UI */
  description: string;
}

const TOP_UP_SWEEP: ScheduleDefinition = {
  id: 'funds-top-up-sweep',
  workflowType: 'topUpSweepWorkflow',
  every: '1 hour',
  description: 'Abondements : balayage horaire des projets en collecte (filet de sécurité).',
};

const EMAIL_DELIVERY: ScheduleDefinition = {
  id: 'email-delivery',
  workflowType: 'emailDeliveryWorkflow',
  every: '1 minute',
  description: 'E-mails : envoi des messages en attente de la boîte d’envoi, chaque minute.',
};

const RECONCILIATION: ScheduleDefinition = {
  id: 'stripe-reconciliation',
  workflowType: 'reconciliationWorkflow',
  every: '1 day',
  description: 'Rapprochement quotidien du grand livre avec les paiements et remboursements Stripe (2 derniers jours).',
};

/** Where to create a schedule; scheduleId replaces the fixed one (tests). */
interface ScheduleOptions {
  temporal: Client;
  taskQueue: string;
  scheduleId?: string;
}

/**
 * Creates the schedule (never two runs of it at once) unless it already exists; safe at every start of
 * every worker. Returns whether this call created it.
 */
async function ensureSchedule(schedule: ScheduleDefinition, options: ScheduleOptions): Promise<'created' | 'existing'> {
  try {
    await options.temporal.schedule.create({
      scheduleId: options.scheduleId ?? schedule.id,
      spec: { intervals: [{ every: schedule.every }] },
      action: {
        type: 'startWorkflow',
        workflowType: schedule.workflowType,
        workflowId: schedule.id,
        taskQueue: options.taskQueue,
        args: [{}],
      },
      policies: { overlap: 'SKIP', catchupWindow: schedule.every },
      memo: { description: schedule.description },
    });
    return 'created';
  } catch (error) {
    if (error instanceof ScheduleAlreadyRunning) return 'existing';
    throw error;
  }
}

/** The hourly top-up sweep, the safety net beside each project's own timers; created once. */
export const ensureTopUpSweepSchedule = (options: ScheduleOptions) => ensureSchedule(TOP_UP_SWEEP, options);

/** The delivery of the outbox every minute; created once. */
export const ensureEmailDeliverySchedule = (options: ScheduleOptions) => ensureSchedule(EMAIL_DELIVERY, options);

/**
 * The daily reconciliation of the ledger with Stripe; created once. Against stripe-mock, which keeps no state and
 * would flag every payment, it is not scheduled, and one left by an earlier start is removed.
 */
export async function ensureReconciliationSchedule(
  options: ScheduleOptions & { stripeMock: boolean },
): Promise<'created' | 'existing' | 'not scheduled (stripe-mock)' | 'removed (stripe-mock)'> {
  if (!options.stripeMock) return ensureSchedule(RECONCILIATION, options);
  try {
    await options.temporal.schedule.getHandle(options.scheduleId ?? RECONCILIATION.id).delete();
    return 'removed (stripe-mock)';
  } catch (error) {
    if (error instanceof ScheduleNotFoundError) return 'not scheduled (stripe-mock)';
    throw error;
  }
}
