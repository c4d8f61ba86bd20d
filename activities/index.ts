import type Stripe from 'stripe';
import type { Db } from '../db/client.ts';
import { createProjectActivities } from './projects.ts';

/** What activities are built from. */
export interface ActivityDeps {
  db: Db;
  stripe: Stripe;
}

/** Every activity the worker registers, one factory per external system. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createProjectActivities(deps),
  };
}

/** The activity interface workflows proxy (types only). */
export type Activities = ReturnType<typeof createActivities>;
