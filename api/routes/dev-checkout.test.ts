import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { insertProject, insertSchool, insertUser } from '../../test/fixtures.ts';
import { deliver, sessionCompleted, startGift } from '../../test/stripe-events.ts';
import { createApp } from '../app.ts';
import { DEV_WEBHOOK_SECRET, parseApiConfig } from '../config.ts';

const { app, db, temporal, stripe, config, browser } = await createTestApp();

// the same services, configured as production is: no APP_ENV, secrets of its own, stripe-mock still set
const production = createApp({
  db,
  temporal,
  stripe,
  config: parseApiConfig({
    DATABASE_URL: config.DATABASE_URL,
    TEMPORAL_ADDRESS: config.TEMPORAL_ADDRESS,
    TEMPORAL_TASK_QUEUE: config.TEMPORAL_TASK_QUEUE,
    STRIPE_SECRET_KEY: 'sk_test_production_like',
    STRIPE_API_URL: config.STRIPE_API_URL,
    STRIPE_WEBHOOK_SECRET: 'whsec_production_secret_of_its_own',
    EMAIL_LINK_SECRET: 'p'.repeat(40),
    PLATFORM_DEBTOR_NAME: 'Association Trousse à Projets',
    PLATFORM_DEBTOR_IBAN: 'FR1420041010050500013M02606',
    PLATFORM_DEBTOR_BIC: 'BDFEFRPPCCT',
  }),
});

const gift = async () => {
  const projectId = await insertProject(db, {
    schoolUai: await insertSchool(db),
    porteurId: (await insertUser(db, 'porteur')).id,
    campaignEndsInDays: 10,
  });
  return startGift(browser(), db, { projectId, amountCents: 2_500 });
};

describe('the development Checkout stand-in', () => {
  it('is served in explicit development mode with stripe-mock', async () => {
    const { sessionId } = await gift();
    const response = await app.request(`/dev/checkout/${sessionId}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Payer 25,00');
  });

  it('is absent outside development, even with STRIPE_API_URL set', async () => {
    const { sessionId } = await gift();
    expect((await production.request(`/dev/checkout/${sessionId}`)).status).toBe(404);
    const pay = await production.request(`/dev/checkout/${sessionId}/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
      body: 'outcome=paid',
    });
    expect(pay.status).toBe(404);
    const [row] = await db`select status from donations where stripe_checkout_session_id = ${sessionId}`;
    expect(row).toEqual({ status: 'pending' });
  });

  it('outside development, a webhook signed with the public development secret marks nothing paid', async () => {
    const donation = await gift();
    const forged = await deliver(production, sessionCompleted(donation), { secret: DEV_WEBHOOK_SECRET });
    expect(forged.status).toBe(400);
    const [row] = await db`select status from donations where id = ${donation.id}`;
    expect(row).toEqual({ status: 'pending' });
    const genuine = await deliver(production, sessionCompleted(donation), {
      secret: 'whsec_production_secret_of_its_own',
    });
    expect(genuine.status).toBe(200);
  });
});
