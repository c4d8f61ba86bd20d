import { setTimeout as sleep } from 'node:timers/promises';
import { serve } from '@hono/node-server';
import { Client, Connection } from '@temporalio/client';
import { createDb } from '../db/client.ts';
import { configOrExit } from '../db/env.ts';
import { createStripeClient } from '../db/stripe.ts';
import { createApp } from './app.ts';
import { parseApiConfig } from './config.ts';
import { donationSignaller } from './services/lifecycle-signals.ts';

const config = configOrExit(() => parseApiConfig(process.env));

const db = createDb(config.DATABASE_URL);
// lazy: the API starts even while Temporal is still coming up; /health tells
const connection = Connection.lazy({ address: config.TEMPORAL_ADDRESS });
const temporal = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
const stripe = createStripeClient({ secretKey: config.STRIPE_SECRET_KEY, apiUrl: config.STRIPE_API_URL });
const app = createApp({ db, temporal, config, stripe });

const server = serve({ fetch: app.fetch, hostname: config.API_HOST, port: config.API_PORT }, (info) =>
  console.log(`API listening on http://${info.address}:${info.port}`),
);

async function shutdown(signal: string) {
  console.log(`API received ${signal}, shutting down…`);
  server.close();
  // the gifts' signals still waiting their turn (coalesced per project) are sent first, for 2 s at most
  await Promise.race([donationSignaller(temporal).idle(), sleep(2_000)]);
  await Promise.allSettled([db.end({ timeout: 5 }), connection.close()]);
  process.exit(0);
}
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));
