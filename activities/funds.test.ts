import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../db/client.ts';
import { accounts, balanceOf, unbalancedTransactions } from '../db/queries/ledger.ts';
import type { GrantExplanation } from '../domain/funds/plan.ts';
import { comparePriority, priorityScore, type PriorityFacts } from '../domain/funds/priority.ts';
import { createTestDatabase } from '../test/db.ts';
import {
  fundBalances,
  insertFund,
  insertFundPorteur,
  insertFundSchool,
  insertPaidDonations,
  insertPublishedProject,
  retireCampaignsAndFunds,
} from '../test/funds.ts';
import { createFundActivities } from './funds.ts';

const { db, url } = await createTestDatabase();
const activities = createFundActivities({ db });
let porteurId: number;

beforeAll(async () => {
  porteurId = await insertFundPorteur(db);
});

afterEach(() => retireCampaignsAndFunds(db));

const grantRows = (projectId: number) =>
  db<
    { id: number; fundId: number; kind: string; amountCents: number; status: string; explanation: GrantExplanation }[]
  >`
    select id, fund_id, kind, amount_cents, status, explanation from grants where project_id = ${projectId} order by id`;

describe('seeding at publication', () => {
  it('seeds a REP+ project from an eligible fund and not from a fund restricted to another académie', async () => {
    const open = await insertFund(db, { name: 'Fonds de solidarité général', isGeneralSolidarity: true });
    const elsewhere = await insertFund(db, { academies: ['montpellier'] });
    const schoolUai = await insertFundSchool(db, { priorityEducation: 'rep_plus', ips: 78.4 });
    const projectId = await insertPublishedProject(db, { schoolUai, porteurId, minimumGoalCents: 180_000 });

    const { grants } = await activities.requestSeedingGrants({ projectId });

    expect(grants).toEqual([{ grantId: expect.any(Number), fundId: open, kind: 'seeding', amountCents: 36_000 }]);
    expect(await fundBalances(db, open)).toEqual({ available: 964_000, reserved: 36_000 });
    expect(await fundBalances(db, elsewhere)).toEqual({ available: 1_000_000, reserved: 0 });
    const [row] = await grantRows(projectId);
    expect(row?.explanation.rule).toBe('seeding');
    expect(row?.explanation.score.label).toMatch(/^REP\+ · hors zone rurale · IPS 78,4/);
    expect(row?.explanation.summary).toContain('Amorçage par « Fonds de solidarité général » : 360,00 € réservés.');
  });

  it('grants once when asked twice, even at the same time', async () => {
    const fundId = await insertFund(db);
    const projectId = await insertPublishedProject(db, { schoolUai: await insertFundSchool(db), porteurId });

    const [first, second] = await Promise.all([
      activities.requestSeedingGrants({ projectId }),
      activities.requestSeedingGrants({ projectId }),
    ]);
    const third = await activities.requestSeedingGrants({ projectId });

    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect(await grantRows(projectId)).toHaveLength(1);
    expect(await fundBalances(db, fundId)).toEqual({ available: 964_000, reserved: 36_000 });
  });

  it('serves the REP+ project first when money is short, and tells the other why it got only the rest', async () => {
    const fundId = await insertFund(db, { endowmentCents: 50_000 });
    const ordinary = await insertPublishedProject(db, { schoolUai: await insertFundSchool(db), porteurId });
    const repPlus = await insertPublishedProject(db, {
      schoolUai: await insertFundSchool(db, { priorityEducation: 'rep_plus' }),
      porteurId,
    });

    const asked = await activities.requestSeedingGrants({ projectId: ordinary });
    const later = await activities.requestSeedingGrants({ projectId: repPlus });

    expect(asked.grants.map((grant) => grant.amountCents)).toEqual([14_000]);
    expect(later.grants.map((grant) => grant.amountCents)).toEqual([36_000]);
    expect(await fundBalances(db, fundId)).toEqual({ available: 0, reserved: 50_000 });
    const [row] = await grantRows(ordinary);
    expect(row?.explanation.score.rank).toBe(2);
    expect(row?.explanation.competitors.map((line) => [line.projectId, line.outcome])).toEqual([[repPlus, 'full']]);
  });

  it('refuses, for good, a project that does not exist', async () => {
    await expect(activities.requestSeedingGrants({ projectId: 999_999 })).rejects.toMatchObject({
      type: 'ProjectNotFound',
      nonRetryable: true,
    });
  });
});

describe('settling grants', () => {
  it('commits: the reserved money becomes project money, once, and the ledger stays balanced', async () => {
    const fundId = await insertFund(db);
    const projectId = await insertPublishedProject(db, { schoolUai: await insertFundSchool(db), porteurId });
    const { grants } = await activities.requestSeedingGrants({ projectId });

    const committed = await activities.commitGrants({ projectId });
    await activities.commitGrants({ projectId });
    await activities.releaseGrants({ projectId });

    expect(committed.grants).toEqual(grants);
    expect(await fundBalances(db, fundId)).toEqual({ available: 964_000, reserved: 0 });
    expect(await balanceOf(db, accounts.project(projectId).code)).toBe(36_000);
    expect((await grantRows(projectId)).map((row) => row.status)).toEqual(['committed']);
    expect(await unbalancedTransactions(db)).toEqual([]);
  });

  it('releases: the reserved money goes back to the fund, once, and the project is not seeded again', async () => {
    const fundId = await insertFund(db);
    const projectId = await insertPublishedProject(db, { schoolUai: await insertFundSchool(db), porteurId });
    await activities.requestSeedingGrants({ projectId });

    const released = await activities.releaseGrants({ projectId });
    await activities.releaseGrants({ projectId });
    await activities.commitGrants({ projectId });

    expect(released.grants.map((grant) => grant.amountCents)).toEqual([36_000]);
    expect(await fundBalances(db, fundId)).toEqual({ available: 1_000_000, reserved: 0 });
    expect(await balanceOf(db, accounts.project(projectId).code)).toBe(0);
    expect(await activities.requestSeedingGrants({ projectId })).toEqual({ grants: [] });
    expect(await unbalancedTransactions(db)).toEqual([]);
  });
});

describe('top-up near the deadline', () => {
  it('tops up the gap to the minimum only once 60 % is collected from 5 donors with 7 days or fewer left', async () => {
    const fundId = await insertFund(db);
    const schoolUai = await insertFundSchool(db, { rural: true });
    const goals = { minimumGoalCents: 100_000, optimumGoalCents: 150_000 };
    const near = await insertPublishedProject(db, { schoolUai, porteurId, ...goals, daysLeft: 5 });
    const early = await insertPublishedProject(db, { schoolUai, porteurId, ...goals, daysLeft: 20 });
    await insertPaidDonations(db, near, { count: 4, amountCents: 15_000 });
    await insertPaidDonations(db, early, { count: 5, amountCents: 15_000 });

    const fourDonors = await activities.requestTopUpGrants({ projectId: near });
    await insertPaidDonations(db, near, { count: 1, amountCents: 5_000 });
    const fiveDonors = await activities.requestTopUpGrants({ projectId: near });
    const tooEarly = await activities.requestTopUpGrants({ projectId: early });

    expect(fourDonors.grants).toEqual([]);
    expect(fiveDonors.grants).toEqual([{ grantId: expect.any(Number), fundId, kind: 'topup', amountCents: 35_000 }]);
    expect(tooEarly.grants).toEqual([]);
    expect(await fundBalances(db, fundId)).toEqual({ available: 965_000, reserved: 35_000 });
  });
});

describe('50 projects asking one fund with too little money at the same time', () => {
  const pool = createDb(url, { max: 20 });
  afterAll(() => pool.end());
  const concurrent = createFundActivities({ db: pool });
  const PRIORITY = ['none', 'rep', 'rep_plus'] as const;

  /** 50 collecting projects of varied priority in Reims, where the fund alone may help; 36 € to 360 € each. */
  async function fiftyProjects(): Promise<number[]> {
    const ids: number[] = [];
    for (let index = 0; index < 50; index += 1) {
      const schoolUai = await insertFundSchool(db, {
        academy: 'reims',
        priorityEducation: PRIORITY[index % 3],
        rural: index % 4 === 0,
        ips: index % 5 === 0 ? null : 70 + ((index * 7) % 60),
      });
      const minimumGoalCents = 18_000 * (1 + (index % 10));
      ids.push(await insertPublishedProject(db, { schoolUai, porteurId, minimumGoalCents }));
    }
    return ids;
  }

  async function seedingGrants(fundId: number) {
    return db<{ projectId: number; amountCents: number }[]>`
      select project_id, amount_cents from grants where fund_id = ${fundId} and kind = 'seeding'`;
  }

  it('never overdraws the fund, grants all it held, and serves projects in exact priority order', async () => {
    const fundId = await insertFund(db, { academies: ['reims'], endowmentCents: 300_000 });
    const ids = await fiftyProjects();
    const facts = await db<PriorityFacts[]>`
      select p.id, s.priority_education, s.rural, s.ips::float8 as ips, p.minimum_goal_cents, 0 as collected_cents
      from projects p join schools s on s.uai = p.school_uai where p.id = any(${ids})`;

    const answers = await Promise.all(ids.map((projectId) => concurrent.requestSeedingGrants({ projectId })));

    expect(await fundBalances(db, fundId)).toEqual({ available: 0, reserved: 300_000 });
    const grants = await seedingGrants(fundId);
    expect(new Set(grants.map((grant) => grant.projectId)).size).toBe(grants.length);
    expect(answers.flatMap((answer) => answer.grants).length).toBe(grants.length);
    // the first request to take the fund's lock shares it among all 50 waiting projects, by priority:
    // the served projects are exactly the best-ranked ones, all in full but the last one served
    const granted = new Map(grants.map((grant) => [grant.projectId, grant.amountCents]));
    const ranked = [...facts].sort((a, b) => comparePriority(priorityScore(a), priorityScore(b)));
    const served = ranked.filter((row) => granted.has(row.id));
    expect(served.map((row) => row.id)).toEqual(ranked.slice(0, served.length).map((row) => row.id));
    const fullSeeding = (row: PriorityFacts) => row.minimumGoalCents / 5;
    expect(served.slice(0, -1).every((row) => granted.get(row.id) === fullSeeding(row))).toBe(true);
    expect(served.length).toBeLessThan(50);
    expect(await unbalancedTransactions(db)).toEqual([]);
  });

  it('keeps the money right when projects publish and ask while others are being served', async () => {
    const fundId = await insertFund(db, { academies: ['reims'], endowmentCents: 250_000 });
    const ids = await fiftyProjects();
    await db`update projects set status = 'awaiting_attestation' where id = any(${ids})`;

    await Promise.all(
      ids.map(async (projectId) => {
        await pool`update projects set status = 'published' where id = ${projectId}`;
        return concurrent.requestSeedingGrants({ projectId });
      }),
    );

    expect(await fundBalances(db, fundId)).toEqual({ available: 0, reserved: 250_000 });
    const grants = await seedingGrants(fundId);
    expect(grants.reduce((sum, grant) => sum + grant.amountCents, 0)).toBe(250_000);
    expect(new Set(grants.map((grant) => grant.projectId)).size).toBe(grants.length);
    expect(await unbalancedTransactions(db)).toEqual([]);
  });
});
