import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../dev/processes.ts';
import { createTestApp } from '../../test/app.ts';
import { createApp } from '../app.ts';
import { parseApiConfig } from '../config.ts';

const { app, db, stripe, config, temporal } = await createTestApp({ worker: true });

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

describe('/health/ready', () => {
  it('answers 200 once a worker polls the task queue and no e-mail waits', async () => {
    await expect.poll(async () => (await app.request('/health/ready')).status, { timeout: 20_000 }).toBe(200);
    const body = await (await app.request('/api/health/ready')).json();
    expect(body).toMatchObject({
      status: 'ready',
      postgres: { ok: true },
      temporal: { ok: true },
      worker: { ok: true, workflowPollers: expect.any(Number), activityPollers: expect.any(Number) },
      emailOutbox: { ok: true, undelivered: 0, oldestSeconds: 0 },
    });
    expect(body.worker.workflowPollers).toBeGreaterThan(0);
    expect(body.worker.activityPollers).toBeGreaterThan(0);
  });

  it('answers 503 naming the task queue when no worker polls it, while /health stays green', async () => {
    const taskQueue = `no-worker-${randomBytes(4).toString('hex')}`;
    const lonely = createApp({
      db,
      stripe,
      temporal,
      config: { ...config, TEMPORAL_TASK_QUEUE: taskQueue },
    });
    expect((await lonely.request('/health')).status).toBe(200);
    const response = await lonely.request('/health/ready');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      status: 'not_ready',
      worker: {
        ok: false,
        workflowPollers: 0,
        activityPollers: 0,
        error: `Aucun worker n’interroge la file « ${taskQueue} » (workflows, activités) depuis 120 s.`,
      },
      emailOutbox: { ok: true },
    });
  });

  it('answers 503 when the oldest undelivered e-mail has waited more than 15 minutes', async () => {
    await db`
      insert into email_outbox (dedupe_key, template, to_address, subject, text_body, send_after, created_at)
      values ('ready-test-1', 'donation_thanks', 'camille@example.org', 'Merci', 'Merci',
              now() - interval '20 minutes', now() - interval '20 minutes'),
             ('ready-test-2', 'donation_thanks', 'camille@example.org', 'Merci', 'Merci', now() + interval '1 day', now())`;
    const response = await app.request('/health/ready');
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body).toMatchObject({
      status: 'not_ready',
      worker: { ok: true },
      emailOutbox: { ok: false, undelivered: 1 },
    });
    expect(body.emailOutbox.oldestSeconds).toBeGreaterThanOrEqual(20 * 60);
    expect(body.emailOutbox.error).toMatch(
      /^1 e-mail en attente ; le plus ancien attend depuis 2\d min \(au plus 15\)\.$/,
    );
  });
});
