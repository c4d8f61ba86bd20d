import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.ts';
import { DATABASE_ACTIVITY, EMAIL_QUEUE_ACTIVITY, SWEEP_ACTIVITY } from './activity-options.ts';

type Only<K extends keyof Activities> = Pick<Activities, K>;

/** The project's read model: status and timeline, attestation, report, campaign figures, incidents. */
export const records =
  proxyActivities<
    Only<
      | 'recordStatusChange'
      | 'recordCampaignOutcome'
      | 'recordAttestation'
      | 'recordReport'
      | 'getCampaignProgress'
      | 'findPayoutBlocker'
      | 'recordLifecycleIncident'
      | 'resolveLifecycleIncidents'
      | 'workingDaysToCalendarDays'
    >
  >(DATABASE_ACTIVITY);

/** Fund grants: seeding at launch, committed or released when the campaign ends. */
export const funds =
  proxyActivities<Only<'requestSeedingGrants' | 'commitGrants' | 'releaseGrants'>>(DATABASE_ACTIVITY);

/** The top-up request: the sweep's options (a few tries, then left to the next donation or the hourly sweep). */
export const topUps = proxyActivities<Only<'requestTopUpGrants'>>(SWEEP_ACTIVITY);

/** The payout to the receiving structure (a ledger movement). */
export const payments = proxyActivities<Only<'recordPayout'>>(DATABASE_ACTIVITY);

/** The school head's and the gestionnaire's accounts, opened at acceptance and their owners invited by e-mail. */
export const contacts = proxyActivities<Only<'inviteProjectContacts'>>(EMAIL_QUEUE_ACTIVITY);

/** E-mails written to the outbox. */
export const emails = proxyActivities<Only<'queueProjectEmail'>>(EMAIL_QUEUE_ACTIVITY);
