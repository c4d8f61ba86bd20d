import { Client, ScheduleAlreadyRunning, type ConnectionLike } from '@temporalio/client';
import {
  TOP_UP_SWEEP_EVERY,
  TOP_UP_SWEEP_SCHEDULE_ID,
  TOP_UP_SWEEP_WORKFLOW_ID,
} from '../workflows/top-up-sweep.messages.ts';

/**
 * Creates the Temporal Schedule of the top-up sweep (hourly, never two at once) unless it already
 * exists; safe to call at every start of every worker. Returns whether this call created it.
 */
export async function ensureTopUpSweepSchedule(options: {
  connection: ConnectionLike;
  namespace: string;
  taskQueue: string;
  scheduleId?: string;
}): Promise<'created' | 'existing'> {
  const client = new Client({ connection: options.connection, namespace: options.namespace });
  try {
    await client.schedule.create({
      scheduleId: options.scheduleId ?? TOP_UP_SWEEP_SCHEDULE_ID,
      spec: { intervals: [{ every: TOP_UP_SWEEP_EVERY }] },
      action: {
        type: 'startWorkflow',
        workflowType: 'topUpSweepWorkflow',
        workflowId: TOP_UP_SWEEP_WORKFLOW_ID,
        taskQueue: options.taskQueue,
        args: [{}],
      },
      policies: { overlap: 'SKIP', catchupWindow: '1 hour' },
      memo: { description: 'Abondements : balayage horaire des projets en collecte (filet de sécurité).' },
    });
    return 'created';
  } catch (error) {
    if (error instanceof ScheduleAlreadyRunning) return 'existing';
    throw error;
  }
}
