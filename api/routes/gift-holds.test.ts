import { afterEach, describe, expect, it } from 'vitest';
import { balanceOf } from '../../db/queries/ledger.ts';
import { createTestApp } from '../../test/app.ts';
import { insertProject, insertSchool, insertUser } from '../../test/fixtures.ts';
import { expectLedgerConsistent } from '../../test/money.ts';
import { deliver, paymentFailed, sessionCompleted, sessionExpired, startGift } from '../../test/stripe-events.ts';

const { app, db, browser } = await createTestApp();
const donor = browser();

afterEach(async () => {
  await expectLedgerConsistent(db);
});

/** A collecting project with a minimum of 100 € and an optimum of 150 €. */
async function collectingProject() {
  const schoolUai = await insertSchool(db);
  const porteur = await insertUser(db, 'porteur');
  return insertProject(db, {
    schoolUai,
    porteurId: porteur.id,
    campaignEndsInDays: 20,
    minimumGoalCents: 10_000,
    optimumGoalCents: 15_000,
  });
}

const GIFT = { donorName: 'Camille Martin', donorEmail: 'camille.martin@example.org' };

/** Starts the gifts all at once, as many donors would; returns the answers in order. */
async function startTogether(projectId: number, amounts: number[]) {
  const responses = await Promise.all(
    amounts.map((amountCents) => browser().request('POST', '/api/donations', { ...GIFT, projectId, amountCents })),
  );
  return Promise.all(
    responses.map(async (response, index) => {
      const body = (await response.json()) as { donationId?: number; message?: string };
      return { status: response.status, amountCents: amounts[index] as number, ...body };
    }),
  );
}

/** Pays every started gift through signed webhook events delivered at the same moment. */
async function payTogether(gifts: { donationId?: number; amountCents: number }[]) {
  const started = await Promise.all(
    gifts.map(async (gift) => {
      const [row] = await db<{ sessionId: string }[]>`
        select stripe_checkout_session_id as session_id from donations where id = ${gift.donationId as number}`;
      return { id: gift.donationId as number, sessionId: row!.sessionId, amountCents: gift.amountCents };
    }),
  );
  const responses = await Promise.all(started.map((gift) => deliver(app, sessionCompleted(gift))));
  expect(responses.map((response) => response.status)).toEqual(started.map(() => 200));
}

const give = (projectId: number, amountCents: number) => startGift(donor, db, { projectId, amountCents });

describe('gifts being paid hold their share of the optimum', () => {
  it('lets one of three gifts of what is still needed, started together, through; all paid, the optimum is met exactly', async () => {
    const projectId = await collectingProject();
    await deliver(app, sessionCompleted(await give(projectId, 3_000)));
    const answers = await startTogether(projectId, [12_000, 12_000, 12_000]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409]);
    for (const refused of answers.filter((answer) => answer.status === 409)) {
      expect(refused.message).toMatch(/sera atteint si les dons en cours sont payés \(120,00\s€ de dons/);
    }
    await payTogether(answers.filter((answer) => answer.status === 201));
    expect(await balanceOf(db, `project:${projectId}`)).toBe(15_000);
  });

  it('accepts parallel gifts while they fit, tells the others how much may still be given, and never passes the optimum', async () => {
    const projectId = await collectingProject();
    const answers = await startTogether(projectId, Array(10).fill(2_000));
    const accepted = answers.filter((answer) => answer.status === 201);
    expect(accepted).toHaveLength(7);
    for (const refused of answers.filter((answer) => answer.status !== 201)) {
      expect(refused.status).toBe(400);
      expect(refused.message).toMatch(/plus besoin que de 10,00\s€ .*140,00\s€ de dons sont en cours de paiement/);
    }
    const [last] = await startTogether(projectId, [1_000]);
    expect(last?.status).toBe(201);
    await payTogether([...accepted, last!]);
    expect(await balanceOf(db, `project:${projectId}`)).toBe(15_000);
    const [refusedAfter] = await startTogether(projectId, [500]);
    expect(refusedAfter).toMatchObject({
      status: 409,
      message: expect.stringMatching(/a atteint son objectif optimal/),
    });
  });

  it('frees the share of a gift when its session expires, by Stripe’s event or by its expiry time', async () => {
    const projectId = await collectingProject();
    const first = await give(projectId, 15_000);
    const [row] = await db<{ minutes: number }[]>`
      select (extract(epoch from checkout_expires_at - now()) / 60)::float8 as minutes from donations where id = ${first.id}`;
    expect(row!.minutes).toBeGreaterThan(30);
    expect(row!.minutes).toBeLessThanOrEqual(35);
    expect((await startTogether(projectId, [500]))[0]?.status).toBe(409);
    await deliver(app, paymentFailed(first));
    expect((await startTogether(projectId, [500]))[0]?.status).toBe(409);
    await deliver(app, sessionExpired(first));
    const second = await give(projectId, 15_000);
    await db`update donations set checkout_expires_at = now() - interval '1 second' where id = ${second.id}`;
    const third = await give(projectId, 15_000);
    await deliver(app, sessionCompleted(third));
    expect(await balanceOf(db, `project:${projectId}`)).toBe(15_000);
  });
});

describe('a payment that lands late', () => {
  it('is counted even past the optimum when its hold had lapsed (the documented rule)', async () => {
    const projectId = await collectingProject();
    const late = await give(projectId, 5_000);
    await db`update donations set checkout_expires_at = now() - interval '1 second' where id = ${late.id}`;
    await deliver(app, sessionCompleted(await give(projectId, 15_000)));
    const response = await deliver(app, sessionCompleted(late));
    expect(await response.json()).toMatchObject({ outcome: 'paid' });
    expect(await balanceOf(db, `project:${projectId}`)).toBe(20_000);
  });

  it('is counted and flagged for admins when the project’s money was already paid out or given back', async () => {
    const projectId = await collectingProject();
    const late = await give(projectId, 4_000);
    await db`update projects set status = 'closed' where id = ${projectId}`;
    expect(await (await deliver(app, sessionCompleted(late))).json()).toMatchObject({ outcome: 'paid' });
    expect(await balanceOf(db, `project:${projectId}`)).toBe(4_000);
    const anomalies = await db<{ kind: string; message: string }[]>`
      select kind, message from payment_anomalies where donation_id = ${late.id}`;
    expect(anomalies).toEqual([
      { kind: 'paid_after_close', message: expect.stringMatching(/payé après la clôture du projet/) },
    ]);
  });
});
