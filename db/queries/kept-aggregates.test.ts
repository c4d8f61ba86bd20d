import { describe, expect, it } from 'vitest';
import { createFundActivities } from '../../activities/funds.ts';
import { createPaymentActivities } from '../../activities/payments.ts';
import { createTestDatabase } from '../../test/db.ts';
import {
  fundBalances,
  insertFund,
  insertFundPorteur,
  insertFundSchool,
  insertPaidDonations,
  insertPublishedProject,
} from '../../test/funds.ts';
import { insertReceivingStructure, recordPaidDonation } from '../../test/money.ts';
import { createStripeClient } from '../stripe.ts';
import { keptAggregateDrift } from './kept-aggregates.ts';
import { accounts, postMovement } from './ledger.ts';
import { platformStats } from './stats.ts';

const { db } = await createTestDatabase();
const funds = createFundActivities({ db });
const payments = createPaymentActivities({ db, stripe: createStripeClient({ secretKey: 'sk_test_unused' }) });
const porteurId = await insertFundPorteur(db);
const NO_DRIFT = { accounts: [], months: [], projectCounts: [], granted: [] };

/** The balances of the fund's accounts as the sum of their ledger lines, the way they were read before 00020. */
const lineSums = async (fundId: number) => {
  const [row] = await db<{ available: number; reserved: number }[]>`
    select coalesce(sum(l.amount_cents) filter (where a.code = ${`fund:${fundId}:available`}), 0)::bigint as available,
           coalesce(sum(l.amount_cents) filter (where a.code = ${`fund:${fundId}:reserved`}), 0)::bigint as reserved
    from ledger_lines l join ledger_accounts a on a.id = l.account_id`;
  return row;
};

describe('the aggregates kept by triggers', () => {
  it('keep a fund’s balance equal to its ledger through grants, releases, commits, payouts and refunds', async () => {
    const fundId = await insertFund(db, { endowmentCents: 100_000 });
    const schoolUai = await insertFundSchool(db, { priorityEducation: 'rep_plus' });
    const succeeding = await insertPublishedProject(db, { schoolUai, porteurId, minimumGoalCents: 200_000 });
    const failing = await insertPublishedProject(db, { schoolUai, porteurId, minimumGoalCents: 150_000 });
    await insertPaidDonations(db, succeeding, { count: 3, amountCents: 60_000 });
    const refunded = await recordPaidDonation(db, { projectId: failing, amountCents: 5_000 });

    // both seedings at once: they queue on the fund's lock and each reads the balance the other left
    await Promise.all([
      funds.requestSeedingGrants({ projectId: succeeding }),
      funds.requestSeedingGrants({ projectId: failing }),
    ]);
    expect(await fundBalances(db, fundId)).toEqual({ available: 30_000, reserved: 70_000 });
    expect(await fundBalances(db, fundId)).toEqual(await lineSums(fundId));

    await funds.releaseGrants({ projectId: failing });
    await funds.commitGrants({ projectId: succeeding });
    await db`update projects set status = 'succeeded' where id = ${succeeding}`;
    await db`update projects set status = 'failed' where id = ${failing}`;
    await insertReceivingStructure(db, { projectId: succeeding });
    expect(await payments.recordPayout({ projectId: succeeding })).toEqual({
      payoutId: expect.any(Number),
      amountCents: 220_000,
    });
    await db.begin((tx) =>
      postMovement(tx, {
        kind: 'donation_refunded',
        idempotencyKey: `donation-refunded-${refunded}`,
        description: 'Remboursement',
        donationId: refunded,
        lines: [
          { account: accounts.project(failing), amountCents: -5_000 },
          { account: accounts.refunds(), amountCents: 5_000 },
        ],
      }),
    );

    expect(await fundBalances(db, fundId)).toEqual({ available: 60_000, reserved: 0 });
    expect(await fundBalances(db, fundId)).toEqual(await lineSums(fundId));
    expect(await keptAggregateDrift(db)).toEqual(NO_DRIFT);
    const stats = await platformStats(db);
    expect(stats.byAcademy).toEqual([
      {
        academyCode: 'lille',
        academyName: expect.any(String),
        succeeded: 1,
        failed: 1,
        grantedCents: 40_000,
        priorityGrantedCents: 40_000,
      },
    ]);
    expect(stats.collectedByMonth).toEqual([{ month: new Date().toISOString().slice(0, 7), cents: 185_000 }]);
  });

  it('follow a school that changes académie or priority, and a project that changes school', async () => {
    await insertFund(db);
    const schoolUai = await insertFundSchool(db, { rural: true });
    const projectId = await insertPublishedProject(db, { schoolUai, porteurId });
    await funds.requestSeedingGrants({ projectId });
    await db`insert into academies (code, name) values ('reims', 'Reims') on conflict do nothing`;

    await db`update schools set academy_code = 'reims', rural = false where uai = ${schoolUai}`;
    expect(await keptAggregateDrift(db)).toEqual(NO_DRIFT);
    await db`update projects set school_uai = ${await insertFundSchool(db, { academy: 'montpellier' })}
             where id = ${projectId}`;
    expect(await keptAggregateDrift(db)).toEqual(NO_DRIFT);
    expect((await platformStats(db)).byAcademy.map((row) => row.academyCode)).toContain('montpellier');
  });

  it('follow one statement that moves many projects, some to another school and some to another status', async () => {
    await insertFund(db);
    const from = await insertFundSchool(db, { rural: true });
    const to = await insertFundSchool(db, { academy: 'montpellier', rural: true });
    const ids: number[] = [];
    for (let i = 0; i < 8; i += 1) ids.push(await insertPublishedProject(db, { schoolUai: from, porteurId }));
    for (const projectId of ids) await funds.requestSeedingGrants({ projectId });
    const grantedIn = async (academy: string) => {
      const [row] = await db<{ cents: number }[]>`
        select coalesce(sum(granted_cents), 0)::int as cents from granted_by_academy where academy_code = ${academy}`;
      return row!.cents;
    };
    const before = await grantedIn('montpellier');

    await db`update projects set school_uai = case when id % 2 = 0 then ${to} else school_uai end,
                                 status = case when id % 3 = 0 then 'failed' else status end
             where id = any(${ids})`;
    expect(await keptAggregateDrift(db)).toEqual(NO_DRIFT);
    expect(await grantedIn('montpellier')).toBeGreaterThan(before);
  });

  it('are rebuilt to the same figures from the rows they summarise', async () => {
    const totals = () => db`
      select (select sum(amount_cents) from ledger_account_flows where transaction_kind = 'donation_paid') as paid,
             (select sum(projects) from project_status_counts where status = 'published') as published,
             (select sum(granted_cents) from granted_by_academy) as granted`;
    const before = await totals();
    await db`select kept_aggregates_rebuild()`;
    expect(await totals()).toEqual(before);
    expect(await keptAggregateDrift(db)).toEqual(NO_DRIFT);
  });
});
