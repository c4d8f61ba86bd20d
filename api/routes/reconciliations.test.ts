import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { insertProject, insertSchool, insertUser } from '../../test/fixtures.ts';
import { signIn } from '../../test/lifecycle.ts';
import { deliver, sessionCompleted, startGift } from '../../test/stripe-events.ts';

// The reconciliation on the real Temporal server, its activity reading stripe-mock (which knows none of our
// payments and answers every list with its one fixture charge) and the ledger in Postgres.
const { app, db, browser } = await createTestApp({ worker: true });

describe('the reconciliation with Stripe', () => {
  it('reports the payments Stripe does not know and the charges the ledger does not, and keeps the run', async () => {
    const schoolUai = await insertSchool(db);
    const porteur = await insertUser(db, 'porteur');
    const projectId = await insertProject(db, { schoolUai, porteurId: porteur.id, campaignEndsInDays: 10 });
    const gift = await startGift(browser(), db, { projectId, amountCents: 4_200 });
    const donationId = gift.id;
    await deliver(app, sessionCompleted(gift));

    const admin = await signIn({ db, browser }, 'admin');
    const response = await admin.client.request('POST', '/api/reconciliations', { days: 1 });
    expect(response.status).toBe(201);
    const run = (await response.json()) as {
      id: number;
      ledgerPaidCents: number;
      differences: { kind: string; donationId: number | null; message: string }[];
    };
    expect(run.ledgerPaidCents).toBe(4_200);
    expect(run.differences).toContainEqual(
      expect.objectContaining({
        kind: 'missing_in_stripe',
        donationId,
        message: expect.stringMatching(/Le don \d+ \(42,00\s€\)/),
      }),
    );
    expect(run.differences).toContainEqual(expect.objectContaining({ kind: 'missing_in_ledger', donationId: null }));

    const listed = await admin.client.getJson('/api/reconciliations');
    expect(listed.body.data[0]).toMatchObject({ id: run.id, differenceCount: run.differences.length });
    expect((await admin.client.getJson(`/api/reconciliations/${run.id}`)).body).toMatchObject({
      id: run.id,
      comparedCount: expect.any(Number),
      differences: run.differences,
    });
    expect((await admin.client.getJson('/api/reconciliations/999999')).status).toBe(404);
    const anomalies = await admin.client.getJson('/api/payment-anomalies');
    expect(anomalies.status).toBe(200);
    expect(anomalies.body.data).toContainEqual(
      expect.objectContaining({ kind: 'reconciliation_difference', donationId }),
    );
    expect((await admin.client.request('POST', '/api/reconciliations', { days: 365 })).status).toBe(400);
  });

  it('tells admins that against stripe-mock it compares with nothing kept, and is not scheduled daily', async () => {
    const admin = await signIn({ db, browser }, 'admin');
    expect(await admin.client.getJson('/api/reconciliation-mode')).toEqual({
      status: 200,
      body: { stripeMock: true, daily: false },
    });
  });
});
