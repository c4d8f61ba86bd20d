import type { Client } from '@temporalio/client';
import type Stripe from 'stripe';
import type { Db } from '../db/client.ts';
import type { User } from '../db/queries/users.ts';
import type { ApiConfig } from './config.ts';

/** What the API is built from: injected, so tests build it against the real services. */
export interface ApiDeps {
  db: Db;
  temporal: Client;
  config: ApiConfig;
  stripe: Stripe;
}

/** Hono environment of every route: the dependencies and, behind a non-public access, the caller. */
export interface AppEnv {
  Variables: {
    deps: ApiDeps;
    user: User | undefined;
  };
}
