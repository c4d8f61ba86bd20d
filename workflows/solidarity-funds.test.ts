import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Browser } from '../test/app.ts';
import { insertProject, insertSchool } from '../test/fixtures.ts';
import { insertFundSchool } from '../test/funds.ts';
import {
  give,
  keepHistory,
  publish,
  signIn,
  TEST_DAY_MS,
  TEST_TIME_SCALE,
  timelineOf,
  waitForStatus,
} from '../test/lifecycle.ts';
import { projectWorkflowId } from './project-lifecycle.messages.ts';
import { expectLedgerConsistent, insertReceivingStructure } from '../test/money.ts';

// A fund for priority schools, created by an admin, seeds and tops up a REP+ campaign through its
// lifecycle, on the real Temporal server and Postgres; one day lasts 0.1 s, the top-up window 7 days.
const testApp = await createTestApp({ worker: true, config: { LIFECYCLE_TIME_SCALE: TEST_TIME_SCALE } });
const { app, db } = testApp;

const people: Record<string, { id: number; client: Browser }> = {};
const schools: Record<string, string> = {};
let fundId: number;

const as = (name: string) => people[name]!.client;

beforeAll(async () => {
  schools.repPlus = await insertSchool(db);
  schools.ordinary = await insertFundSchool(db, { priorityEducation: 'none', ips: 118 });
  people.porteur = await signIn(testApp, 'porteur');
  people.validateur = await signIn(testApp, 'validateur');
  people.admin = await signIn(testApp, 'admin');
  people.repPlusDirecteur = await signIn(testApp, 'directeur', { schoolUai: schools.repPlus });
  people.ordinaryDirecteur = await signIn(testApp, 'directeur', { schoolUai: schools.ordinary });
  const [{ today = '' } = {}] = await db<{ today: string }[]>`select current_date::text as today`;
  const created = await as('admin').request('POST', '/api/funds', {
    name: 'Fonds Égalité des chances',
    sponsorName: 'Fondation du Nord',
    budgetCents: 1_000_000,
    validFrom: today,
    validUntil: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
    restrictions: { prioritySchoolsOnly: true },
  });
  expect(created.status).toBe(201);
  fundId = (await created.json()).id;
});

/** A 50-day campaign (5 s) for 1 000 € (1 500 € at best), published through the API as each role would. */
async function publishedProject(schoolUai: string, directeur: string): Promise<number> {
  const projectId = await insertProject(db, {
    schoolUai,
    porteurId: people.porteur!.id,
    campaignDays: 50,
    minimumGoalCents: 100_000,
    optimumGoalCents: 150_000,
  });
  await insertReceivingStructure(db, { projectId });
  await publish(projectId, (role) => as(role === 'directeur' ? directeur : role));
  return projectId;
}

/** Five donors give 90 € each, committed to Postgres then signalled, as the payment webhook does. */
async function fiveDonors(projectId: number) {
  for (let donor = 0; donor < 5; donor += 1) await give(testApp, projectId, 9_000);
}

const grantsOf = (projectId: number) =>
  db<{ kind: string; amountCents: number; status: string; createdAt: Date }[]>`
    select kind, amount_cents, status, created_at from grants where project_id = ${projectId} order by id`;

describe('a priority campaign helped by a solidarity fund', () => {
  it('is seeded at publication, topped up near its deadline, and succeeds thanks to the top-up', async () => {
    const repPlus = await publishedProject(schools.repPlus as string, 'repPlusDirecteur');
    await expect
      .poll(async () => (await grantsOf(repPlus)).map(({ kind, amountCents, status }) => [kind, amountCents, status]))
      .toEqual([['seeding', 20_000, 'reserved']]);
    // 450 € of gifts: with the 200 € seeding the REP+ campaign holds 65 % of its minimum, enough for the top-up
    await fiveDonors(repPlus);
    const ordinary = await publishedProject(schools.ordinary as string, 'ordinaryDirecteur');
    await fiveDonors(ordinary);
    await waitForStatus(db, repPlus, 'paid_out');
    await waitForStatus(db, ordinary, 'closed');

    expect((await timelineOf(db, repPlus)).slice(3, 6)).toEqual(['published', 'succeeded', 'paid_out']);
    expect((await timelineOf(db, ordinary)).slice(3, 5)).toEqual(['published', 'failed']);
    expect(await grantsOf(ordinary)).toEqual([]);
    const [ends] = await db<{ endsAt: Date }[]>`select campaign_ends_at as ends_at from projects where id = ${repPlus}`;
    const grants = await grantsOf(repPlus);
    expect(grants.map(({ kind, amountCents, status }) => [kind, amountCents, status])).toEqual([
      ['seeding', 20_000, 'committed'],
      ['topup', 35_000, 'committed'],
    ]);
    const topUpAt = (grants[1] as { createdAt: Date }).createdAt.getTime();
    expect(topUpAt).toBeGreaterThanOrEqual((ends as { endsAt: Date }).endsAt.getTime() - 7 * TEST_DAY_MS - 50);

    const [payout] = await db`select amount_cents from payouts where project_id = ${repPlus}`;
    expect(payout?.amountCents).toBe(100_000);
    const fund = await (await as('admin').request('GET', `/api/funds/${fundId}`)).json();
    expect(fund).toMatchObject({ availableCents: 945_000, reservedCents: 0, committedCents: 55_000 });
    await expectLedgerConsistent(db);
    const publicPage = await (await app.request(`/projets/${repPlus}`)).text();
    expect(publicPage).toContain('Abondé par Fonds Égalité des chances (Fondation du Nord).');
    expect(await (await app.request(`/projets/${ordinary}`)).text()).not.toContain('Abondé par');
    await keepHistory(testApp.temporal, 'succeeded-with-top-up', projectWorkflowId(repPlus));
  }, 60_000);

  it('shows the porteur each grant with its explanation, in French', async () => {
    const [{ id: projectId } = { id: 0 }] = await db<{ id: number }[]>`
      select project_id as id from grants where fund_id = ${fundId} limit 1`;
    const response = await as('porteur').request('GET', `/api/projects/${projectId}/grants`);
    const { data } = await response.json();
    expect(data.map((grant: { explanation: { summary: string } }) => grant.explanation.summary)).toEqual([
      expect.stringMatching(/^Amorçage par « Fonds Égalité des chances » : 200,00 € réservés\. Priorité : rang 1/),
      expect.stringMatching(/^Abondement par « Fonds Égalité des chances » : 350,00 € réservés\. Priorité : rang 1/),
    ]);
  });
});
