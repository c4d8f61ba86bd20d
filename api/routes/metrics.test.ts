import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { createApp } from '../app.ts';

const { app, db, stripe, config, temporal, taskQueue } = await createTestApp();
const TOKEN = randomBytes(24).toString('hex');
const withConfig = (changes: Partial<typeof config>) =>
  createApp({ db, stripe, temporal, config: { ...config, ...changes } });
const scrape = async (target = app, headers: Record<string, string> = {}) => {
  const response = await target.request('/metrics', { headers });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
};

describe('/metrics', () => {
  it('counts and times requests by route pattern and status, never by raw path', async () => {
    await app.request('/api/projects/123');
    await app.request('/api/projects/456');
    await app.request('/health');
    const { status, type, text } = await scrape();
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(text).toContain('http_requests_total{method="GET",route="/api/projects/:id",status="401"} 2');
    expect(text).toContain('http_requests_total{method="GET",route="/health",status="200"} 1');
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/projects\/:id",status="401"\} 2/,
    );
    expect(text).not.toContain('/api/projects/123');
  });

  it('tells the outbox backlog, the workers polling and the workflows that ended badly', async () => {
    const handle = await temporal.workflow.start('reconciliationWorkflow', {
      workflowId: `metrics-terminated-${randomBytes(4).toString('hex')}`,
      taskQueue,
      args: [{}],
    });
    await handle.terminate('test des métriques');
    await db`
      insert into email_outbox (dedupe_key, template, to_address, subject, text_body, send_after)
      values ('metrics-test', 'donation_thanks', 'camille@example.org', 'Merci', 'Merci', now() - interval '90 seconds')`;
    await expect
      .poll(async () => (await scrape()).text, { timeout: 20_000 })
      .toContain('temporal_workflows_failed{status="Terminated"} 1');
    const { text } = await scrape();
    expect(text).toContain('temporal_workflows_failed{status="Failed"} 0');
    expect(text).toContain('email_outbox_undelivered 1');
    expect(text).toMatch(/email_outbox_oldest_undelivered_seconds (9\d|1\d\d)\n/);
    expect(text).toContain('temporal_task_queue_pollers{type="workflow"} 0');
  });

  it('asks for the bearer token when METRICS_TOKEN is set', async () => {
    const guarded = withConfig({ METRICS_TOKEN: TOKEN });
    expect((await scrape(guarded)).status).toBe(401);
    expect((await scrape(guarded, { authorization: `Bearer ${TOKEN}x` })).status).toBe(401);
    const allowed = await scrape(guarded, { authorization: `Bearer ${TOKEN}` });
    expect(allowed.status).toBe(200);
    expect(allowed.text).toContain('http_requests_total');
  });

  it('is absent in production without a token', async () => {
    const production = withConfig({ APP_ENV: 'production' });
    expect((await scrape(production)).status).toBe(404);
    expect(
      (
        await scrape(withConfig({ APP_ENV: 'production', METRICS_TOKEN: TOKEN }), {
          authorization: `Bearer ${TOKEN}`,
        })
      ).status,
    ).toBe(200);
  });
});
