import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../test/app.ts';
import {
  countedAgainstOptimum,
  insertFund,
  insertFundPorteur,
  insertFundSchool,
  insertPaidDonations,
  insertPublishedProject,
  retireCampaignsAndFunds,
} from '../test/funds.ts';
import { expectLedgerConsistent } from '../test/money.ts';
import { createFundActivities } from './funds.ts';

const { db, browser } = await createTestApp();
const funds = createFundActivities({ db });
let porteurId: number;

beforeAll(async () => {
  porteurId = await insertFundPorteur(db);
});

afterEach(async () => {
  await expectLedgerConsistent(db);
  await retireCampaignsAndFunds(db);
});

const OPTIMUM = 185_000;

/** A project of that académie 7 days from its deadline, 1 500 € of its 1 800 € minimum (optimum 1 850 €) collected. */
async function nearItsOptimum(academy: string): Promise<number> {
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

const holdStatus = (projectId: number) =>
  browser()
    .request('POST', '/api/donations', {
      donorName: 'Camille Martin',
      donorEmail: 'camille.martin@example.org',
      projectId,
      amountCents: 30_000,
    })
    .then((response) => response.status);

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
      const racers = [request(onlyA), request(onlyB), ...(withHold ? [() => holdStatus(shared)] : [])];
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
      expect(await countedAgainstOptimum(db, shared)).toBe(150_000 + (outcome.gift === 201 ? 35_000 : full));
      await db`update projects set status = 'closed' where id in ${db([shared, onlyA, onlyB])}`;
    }
  });
});
