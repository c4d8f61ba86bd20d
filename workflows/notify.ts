import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index.ts';
import { DATABASE_ACTIVITY } from './lib/activity-options.ts';
import type { NotifyInput } from './notify.messages.ts';

const { queueProjectEmail, queueDonorEmail, queueAccountEmail } = proxyActivities<Activities>(DATABASE_ACTIVITY);

/** Writes the e-mails of one notice to the outbox (delivery follows); returns how many were new. */
export async function notifyWorkflow(input: NotifyInput): Promise<{ queued: number }> {
  if ('donationId' in input) return queueDonorEmail(input);
  if ('userId' in input) return queueAccountEmail(input);
  return queueProjectEmail(input);
}
