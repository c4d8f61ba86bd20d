import { Client, Connection } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../dev/processes.ts';
import { createTestApp } from '../../test/app.ts';
import { createApp } from '../app.ts';
import { parseApiConfig } from '../config.ts';

const { app, db, stripe } = await createTestApp();

describe('/health', () => {
  it('answers 200 when Postgres and Temporal both answer', async () => {
    const response = await app.request('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', postgres: { ok: true }, temporal: { ok: true } });
  });

  it('answers 503 and names Temporal when it cannot be reached', async () => {
    const deadAddress = `127.0.0.1:${await freePort()}`;
    const connection = Connection.lazy({ address: deadAddress, connectTimeout: 500 });
    const temporal = new Client({ connection });
    const config = parseApiConfig({
      APP_ENV: 'development',
      DATABASE_URL: 'postgres://unused@localhost/unused',
      TEMPORAL_ADDRESS: deadAddress,
      STRIPE_SECRET_KEY: 'sk_test_unused',
    });
    const degraded = createApp({ db, temporal, config, stripe });
    const response = await degraded.request('/api/health');
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body).toMatchObject({ status: 'degraded', postgres: { ok: true }, temporal: { ok: false } });
    expect(body.temporal.error).toEqual(expect.any(String));
  });
});
