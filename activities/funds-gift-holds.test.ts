import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../test/app.ts';
import {
  fundBalances,
  insertFund,
  insertFundPorteur,
  insertFundSchool,
  insertPaidDonations,
  insertPublishedProject,
  retireCampaignsAndFunds,
} from '../test/funds.ts';
import { expectLedgerConsistent } from '../test/money.ts';
import { startGift } from '../test/stripe-events.ts';
import { createFundActivities } from './funds.ts';
import { createTopUpSweepActivities } from './top-up-sweep.ts';

const { db, browser } = await createTestApp();
const funds = createFundActivities({ db });
const sweep = createTopUpSweepActivities({ db });
let porteurId: number;

beforeAll(async () => {
  porteurId = await insertFundPorteur(db);
});

afterEach(async () => {
  await expectLedgerConsistent(db);
  await retireCampaignsAndFunds(db);
});

const OPTIMUM = 185_000;

/** A project (in Lille by default) 7 days from its deadline, 150 € of gifts from 5 donors collected: 300 € short of its minimum of 1 800 €, 350 € of its optimum. */
async function nearItsOptimum(academy = 'lille'): Promise<number> {
  const schoolUai = await insertFundSchool(db, { academy });
  const projectId = await insertPublishedProject(db, {
    schoolUai,
    porteurId,
    minimumGoalCents: 180_000,
    optimumGoalCents: OPTIMUM,
    daysLeft: 7,
  });
  await insertPaidDonations(db, projectId, { count: 5, amountCents: 30_000 });
  return projectId;
}

const hold = (projectId: number, amountCents: number) =>
  browser().request('POST', '/api/donations', {
    donorName: 'Camille Martin',
    donorEmail: 'camille.martin@example.org',
    projectId,
    amountCents,
  });

/** What counts against the project's optimum: gifts paid, gifts being paid and grants not released. */
async function committedCents(projectId: number): Promise<number> {
  const [row] = await db<{ total: number }[]>`
    select (select coalesce(sum(amount_cents), 0) from donations
            where project_id = ${projectId}
              and (status = 'paid' or (status in ('pending', 'payment_failed') and checkout_expires_at > now())))
         + (select coalesce(sum(amount_cents), 0) from grants where project_id = ${projectId} and status <> 'released')
           as total`;
  return Number(row?.total);
}

describe('grants and gifts being paid share the room left below the optimum', () => {
  it('caps a top-up by a gift being paid: 50 € left, not the 300 € missing to the minimum', async () => {
    const fundId = await insertFund(db);
    const projectId = await nearItsOptimum();
    await startGift(browser(), db, { projectId, amountCents: 30_000 });

    const { grants } = await funds.requestTopUpGrants({ projectId });

    expect(grants).toEqual([{ grantId: expect.any(Number), fundId, kind: 'topup', amountCents: 5_000 }]);
    expect(await fundBalances(db, fundId)).toEqual({ available: 995_000, reserved: 5_000 });
    const [explained] = await db<{ steps: string[] }[]>`
      select explanation->'amount'->'steps' as steps from grants where project_id = ${projectId}`;
    expect(explained?.steps).toContain(
      'reste à collecter jusqu’à l’optimum, 300,00 € de dons en cours de paiement déduits : 50,00 €',
    );
    expect(await committedCents(projectId)).toBe(OPTIMUM);
  });

  it('counts a hold no more once it expired unpaid: the room returns, and the next sweep may fill it', async () => {
    const capped = await insertFund(db, { name: 'Fonds A' });
    const projectId = await nearItsOptimum();
    const gift = await startGift(browser(), db, { projectId, amountCents: 30_000 });
    expect((await funds.requestTopUpGrants({ projectId })).grants[0]?.amountCents).toBe(5_000);

    await db`update donations set checkout_expires_at = now() - interval '1 second' where id = ${gift.id}`;
    const later = await insertFund(db, { name: 'Fonds B' });
    const swept = await sweep.sweepTopUps();

    expect(swept).toMatchObject({ grantCount: 1, grantedCents: 25_000, projectIds: [projectId] });
    const grants = await db<{ fundId: number; amountCents: number }[]>`
      select fund_id, amount_cents from grants where project_id = ${projectId} order by id`;
    expect(grants).toEqual([
      { fundId: capped, amountCents: 5_000 },
      { fundId: later, amountCents: 25_000 },
    ]);
    expect((await hold(projectId, 5_000)).status).toBe(201);
    expect(await committedCents(projectId)).toBe(OPTIMUM);
  });

  it('never lets a gift and a grant started at the same moment take a project past its optimum', async () => {
    await insertFund(db, { endowmentCents: 2_000_000 });
    for (let round = 0; round < 20; round += 1) {
      const projectId = await nearItsOptimum();
      const gift = () => hold(projectId, 30_000).then((response) => response.status);
      const grant = () => funds.requestTopUpGrants({ projectId }).then(({ grants }) => grants[0]?.amountCents);
      const [giftStatus, grantCents] =
        round % 2 === 0
          ? await Promise.all([gift(), grant()])
          : await Promise.all([grant(), gift()]).then(([cents, status]) => [status, cents] as const);

      expect([
        [201, 5_000],
        [400, 30_000],
      ]).toContainEqual([giftStatus, grantCents]);
      expect(await committedCents(projectId)).toBeLessThanOrEqual(OPTIMUM);
    }
  });
});

describe('two funds granting to one project at the same moment', () => {
  it('never take it past its optimum together, with or without a gift being paid', async () => {
    await insertFund(db, { name: 'Fonds A', academies: ['lille', 'amiens'], endowmentCents: 2_000_000 });
    await insertFund(db, { name: 'Fonds B', academies: ['lille', 'montpellier'], endowmentCents: 2_000_000 });
    for (let round = 0; round < 20; round += 1) {
      const kind = round % 2 === 0 ? 'topup' : 'seeding';
      const withHold = round % 4 >= 2;
      const shared = await nearItsOptimum('lille');
      const onlyA = await nearItsOptimum('amiens');
      const onlyB = await nearItsOptimum('montpellier');
      const request = (projectId: number) => async () => {
        await (kind === 'topup' ? funds.requestTopUpGrants : funds.requestSeedingGrants)({ projectId });
        return 0;
      };
      const racers = [
        request(onlyA),
        request(onlyB),
        ...(withHold ? [() => hold(shared, 30_000).then((response) => response.status)] : []),
      ];
      const statuses = await Promise.all((round % 3 === 0 ? racers.reverse() : racers).map((racer) => racer()));

      const grants = await db<{ amountCents: number }[]>`
        select amount_cents from grants where project_id = ${shared} and kind = ${kind}`;
      const full = kind === 'topup' ? 30_000 : 35_000;
      const gift = statuses.find((status) => status !== 0);
      const outcome = { gift, granted: grants.map((grant) => grant.amountCents) };
      const outcomes = withHold
        ? [
            { gift: 201, granted: [5_000] },
            { gift: kind === 'topup' ? 400 : 409, granted: [full] },
          ]
        : [{ gift: undefined, granted: [full] }];
      expect(outcomes).toContainEqual(outcome);
      expect(await committedCents(shared)).toBe(150_000 + (outcome.gift === 201 ? 35_000 : full));
      await db`update projects set status = 'closed' where id in ${db([shared, onlyA, onlyB])}`;
    }
  });
});
