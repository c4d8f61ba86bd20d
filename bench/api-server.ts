import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../api/app.ts';
import { parseApiConfig } from '../api/config.ts';
import type { Db } from '../db/client.ts';
import { createStripeClient } from '../db/stripe.ts';

/** The API served over real HTTP on a free loopback port for a benchmark's database (Temporal is never reached). */
export async function serveBenchApi(db: Db, databaseUrl: string): Promise<{ base: string; close: () => void }> {
  const config = parseApiConfig({
    APP_ENV: 'development',
    DATABASE_URL: databaseUrl,
    STRIPE_SECRET_KEY: 'sk_test_bench',
    COOKIE_SECURE: 'false',
  });
  const temporal = new Client({ connection: Connection.lazy({ address: config.TEMPORAL_ADDRESS }) });
  const stripe = createStripeClient({ secretKey: config.STRIPE_SECRET_KEY });
  const http = serve({ fetch: createApp({ db, temporal, config, stripe }).fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise((resolve) => http.once('listening', resolve));
  return { base: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, close: () => http.close() };
}
