import { proxyActivities, proxyLocalActivities, type ActivityInterfaceFor } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.ts';
import {
  DATABASE_ACTIVITY,
  EMAIL_QUEUE_ACTIVITY,
  LOCAL_DATABASE_ACTIVITY,
  TOP_UP_REQUEST_ACTIVITY,
} from './activity-options.ts';

type Only<K extends keyof Activities> = Pick<Activities, K>;

type Records = Only<
  | 'recordStatusChange'
  | 'recordCampaignOutcome'
  | 'recordAttestation'
  | 'recordReport'
  | 'getCampaignProgress'
  | 'findPayoutBlocker'
  | 'recordLifecycleIncident'
  | 'resolveLifecycleIncidents'
  | 'workingDaysToCalendarDays'
>;
type Funds = Only<'requestSeedingGrants' | 'commitGrants' | 'releaseGrants'>;

/** The project's read model: status and timeline, attestation, report, campaign figures, incidents. */
export const records = proxyActivities<Records>(DATABASE_ACTIVITY);

/** Fund grants: seeding at launch, committed or released when the campaign ends. */
export const funds = proxyActivities<Funds>(DATABASE_ACTIVITY);

/** The top-up request: a few tries, then left to the next donation or the hourly sweep. */
export const topUps = proxyActivities<Only<'requestTopUpGrants'>>(TOP_UP_REQUEST_ACTIVITY);

/** The payout to the receiving structure (a ledger movement). */
export const payments = proxyActivities<Only<'recordPayout'>>(DATABASE_ACTIVITY);

/** The school head's and the gestionnaire's accounts, opened at acceptance and their owners invited by e-mail. */
export const contacts = proxyActivities<Only<'inviteProjectContacts'>>(EMAIL_QUEUE_ACTIVITY);

/** E-mails written to the outbox. */
export const emails = proxyActivities<Only<'queueProjectEmail'>>(EMAIL_QUEUE_ACTIVITY);

/** The short database steps a lifecycle runs from its closing on, either way: activities or local activities. */
export interface LifecycleSteps {
  records: ActivityInterfaceFor<Records>;
  funds: ActivityInterfaceFor<Funds>;
  payments: ActivityInterfaceFor<Only<'recordPayout'>>;
  emails: ActivityInterfaceFor<Only<'queueProjectEmail'>>;
}

/** The steps as activities, each a round trip through the task queue with three events in the history. */
export const ACTIVITY_STEPS: LifecycleSteps = { records, funds, payments, emails };

/** The steps as local activities: run by the worker within the workflow task, one marker each in the history. */
export const LOCAL_STEPS: LifecycleSteps = {
  records: proxyLocalActivities<Records>(LOCAL_DATABASE_ACTIVITY),
  funds: proxyLocalActivities<Funds>(LOCAL_DATABASE_ACTIVITY),
  payments: proxyLocalActivities<Only<'recordPayout'>>(LOCAL_DATABASE_ACTIVITY),
  emails: proxyLocalActivities<Only<'queueProjectEmail'>>(LOCAL_DATABASE_ACTIVITY),
};
