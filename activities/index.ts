import type Stripe from 'stripe';
import type { Db } from '../db/client.ts';
import { createCampaignClosingActivities } from './campaign-closing.ts';
import { createEmailDeliveryActivities, type MailDeps } from './email-delivery.ts';
import { createFundActivities } from './funds.ts';
import { createLifecycleActivities } from './lifecycle.ts';
import { createNotificationActivities } from './notifications.ts';
import { createPaymentActivities } from './payments.ts';
import { createProjectContactActivities } from './project-contacts.ts';
import { createProjectActivities } from './projects.ts';
import { createReconciliationActivities } from './reconciliation.ts';
import { createTopUpSweepActivities } from './top-up-sweep.ts';

/** What activities are built from. */
export interface ActivityDeps {
  db: Db;
  stripe: Stripe;
  mail: MailDeps;
}

/** Every activity the worker registers, one factory per external system. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createProjectActivities(deps),
    ...createCampaignClosingActivities(deps),
    ...createProjectContactActivities(deps),
    ...createLifecycleActivities(deps),
    ...createPaymentActivities(deps),
    ...createNotificationActivities(deps),
    ...createEmailDeliveryActivities(deps),
    ...createFundActivities(deps),
    ...createTopUpSweepActivities(deps),
    ...createReconciliationActivities(deps),
  };
}

/** The activity interface workflows proxy (types only). */
export type Activities = ReturnType<typeof createActivities>;
