import { beforeAll, describe, expect, it } from 'vitest';
import { createFundActivities } from '../../activities/funds.ts';
import { accounts, balanceOf } from '../../db/queries/ledger.ts';
import { createTestApp, type Browser } from '../../test/app.ts';
import { insertUser } from '../../test/fixtures.ts';
import {
  insertFund,
  insertFundPorteur,
  insertFundSchool,
  insertPaidDonations,
  insertPublishedProject,
} from '../../test/funds.ts';

const { db, browser } = await createTestApp();
const activities = createFundActivities({ db });
const clients: Record<string, Browser> = {};
let porteurId: number;

async function signIn(name: string, role: Parameters<typeof insertUser>[1], scope = {}) {
  const user = await insertUser(db, role, scope);
  const client = browser();
  expect((await client.login(user.email)).status).toBe(200);
  clients[name] = client;
  return user;
}

const as = (name: string) => clients[name] as Browser;
const get = async (name: string, path: string) => {
  const response = await as(name).request('GET', path);
  return { status: response.status, body: await response.json() };
};

const newFund = {
  name: 'Fonds Mécénat Hauts-de-France',
  sponsorName: 'Fondation Littoral',
  budgetCents: 2_000_000,
  validFrom: '2026-01-01',
  validUntil: '2026-12-31',
};

beforeAll(async () => {
  porteurId = await insertFundPorteur(db);
  await signIn('admin', 'admin');
  await signIn('validateur', 'validateur');
});

describe('an admin creates a fund', () => {
  it('with the rules of DESIGN.md by default, its budget endowed in the ledger by its sponsor', async () => {
    const response = await as('admin').request('POST', '/api/funds', newFund);
    expect(response.status).toBe(201);
    const fund = await response.json();
    expect(fund).toMatchObject({
      ...newFund,
      availableCents: 2_000_000,
      reservedCents: 0,
      committedCents: 0,
      isGeneralSolidarity: false,
      restrictions: { themes: [], academies: [], departements: [], levels: [], prioritySchoolsOnly: false },
      rules: {
        seedingShareBp: 2000,
        seedingCapCents: 50_000,
        topUpThresholdPct: 60,
        topUpMinDonors: 5,
        topUpDaysLeft: 7,
        topUpCapCents: 100_000,
      },
    });
    expect(await balanceOf(db, accounts.sponsorContributions(fund.id).code)).toBe(-2_000_000);
    const [audit] = await db`select action, entity_id from audit_log where entity_type = 'fund'`;
    expect(audit).toEqual({ action: 'fund.create', entityId: String(fund.id) });
  });

  it('with its own restrictions and rules', async () => {
    const response = await as('admin').request('POST', '/api/funds', {
      ...newFund,
      restrictions: { academies: ['lille'], themes: ['sport', 'sport'], levels: ['CM2'], prioritySchoolsOnly: true },
      rules: { topUpDaysLeft: 10, seedingCapCents: 30_000 },
    });
    expect(response.status).toBe(201);
    const fund = await response.json();
    expect(fund.restrictions).toEqual({
      themes: ['sport'],
      academies: ['lille'],
      departements: [],
      levels: ['CM2'],
      prioritySchoolsOnly: true,
    });
    expect(fund.rules).toMatchObject({ topUpDaysLeft: 10, seedingCapCents: 30_000, seedingShareBp: 2000 });
  });

  it('is refused, naming the field, when its budget is not whole cents or its validity ends before it starts', async () => {
    const cents = await as('admin').request('POST', '/api/funds', { ...newFund, budgetCents: 12.5 });
    const dates = await as('admin').request('POST', '/api/funds', { ...newFund, validUntil: '2025-12-31' });
    expect([cents.status, dates.status]).toEqual([400, 400]);
    expect((await cents.json()).message).toBe('Données invalides — budgetCents : budget : montant en centimes entiers');
    expect((await dates.json()).message).toBe(
      'Données invalides — validUntil : la fin de validité ne peut précéder son début',
    );
  });

  it('is refused with a 422 when it names an académie that does not exist', async () => {
    const response = await as('admin').request('POST', '/api/funds', {
      ...newFund,
      restrictions: { academies: ['atlantide'] },
    });
    expect(response.status).toBe(422);
    expect((await response.json()).message).toBe('Académie inconnue : atlantide.');
  });

  it('cannot be created by a mécène', async () => {
    await signIn('anyMecene', 'mecene', { fundId: await insertFund(db) });
    expect((await as('anyMecene').request('POST', '/api/funds', newFund)).status).toBe(403);
  });
});

describe('grants and their explanation', () => {
  let fundId: number;
  let projectId: number;

  beforeAll(async () => {
    await db`update funds set valid_from = current_date - 60, valid_until = current_date - 31`;
    fundId = await insertFund(db, { name: 'Fonds Réussite Éducative', prioritySchoolsOnly: true });
    const schoolUai = await insertFundSchool(db, { priorityEducation: 'rep_plus', ips: 78.4 });
    const porteur = await signIn('porteur', 'porteur');
    projectId = await insertPublishedProject(db, { schoolUai, porteurId: porteur.id, minimumGoalCents: 180_000 });
    await activities.requestSeedingGrants({ projectId });
    await signIn('mecene', 'mecene', { fundId });
    await signIn('otherMecene', 'mecene', { fundId: await insertFund(db) });
    await signIn('directeur', 'directeur', { schoolUai });
    await signIn('otherPorteur', 'porteur');
  });

  it('shows a fund’s mécène its grants, each with the rule, the score and the amount’s steps', async () => {
    const { status, body } = await get('mecene', `/api/funds/${fundId}/grants`);
    expect(status).toBe(200);
    expect(body.total).toBe(1);
    const [grant] = body.data;
    expect(grant).toMatchObject({ fundId, projectId, kind: 'seeding', amountCents: 36_000, status: 'reserved' });
    expect(grant.explanation.summary).toBe(
      'Amorçage par « Fonds Réussite Éducative » : 360,00 € réservés. Priorité : rang 1 sur 1 ' +
        `(${grant.explanation.score.label}).`,
    );
    expect(grant.explanation.score.label).toMatch(/^REP\+ · hors zone rurale · IPS 78,4/);
    expect(grant.explanation.amount.steps.at(-1)).toBe('montant retenu, le plus petit : 360,00 €');
    expect(grant.explanation.conditions).toContain('établissement prioritaire (REP+, REP ou rural)');
  });

  it('hides a fund from another fund’s mécène, and shows it to a validateur', async () => {
    expect((await get('otherMecene', `/api/funds/${fundId}/grants`)).status).toBe(404);
    expect((await get('validateur', `/api/funds/${fundId}/grants`)).body.total).toBe(1);
  });

  it('shows a project’s grants to its porteur and its directeur, not to another porteur', async () => {
    const porteur = await get('porteur', `/api/projects/${projectId}/grants`);
    const directeur = await get('directeur', `/api/projects/${projectId}/grants`);
    expect(porteur.body.data.map((grant: { fundName: string }) => grant.fundName)).toEqual([
      'Fonds Réussite Éducative',
    ]);
    expect(directeur.body.total).toBe(1);
    expect((await get('otherPorteur', `/api/projects/${projectId}/grants`)).status).toBe(404);
  });

  it('counts a grant as committed, from the ledger, once the campaign succeeds', async () => {
    await activities.commitGrants({ projectId });
    const { body } = await get('mecene', `/api/funds/${fundId}`);
    expect(body).toMatchObject({ availableCents: 964_000, reservedCents: 0, committedCents: 36_000 });
  });
});

describe('the sponsor’s report', () => {
  let fundId: number;

  beforeAll(async () => {
    // only this fund is active, and no other project collects
    await db`update projects set status = 'closed' where status = 'published'`;
    await db`update funds set valid_from = current_date - 60, valid_until = current_date - 31`;
    fundId = await insertFund(db, { name: 'Fonds Territoires', academies: ['reims'] });
    const school = (facts: Parameters<typeof insertFundSchool>[1]) =>
      insertFundSchool(db, { academy: 'reims', ...facts });
    const goals = { minimumGoalCents: 100_000, optimumGoalCents: 150_000, porteurId };
    const succeeded = await insertPublishedProject(db, {
      schoolUai: await school({ priorityEducation: 'rep' }),
      ...goals,
    });
    const failed = await insertPublishedProject(db, { schoolUai: await school({}), ...goals });
    const collecting = await insertPublishedProject(db, {
      schoolUai: await school({ rural: true }),
      ...goals,
      daysLeft: 3,
    });
    for (const projectId of [succeeded, failed, collecting]) await activities.requestSeedingGrants({ projectId });
    await insertPaidDonations(db, collecting, { count: 5, amountCents: 10_000 });
    await activities.requestTopUpGrants({ projectId: collecting });
    await activities.commitGrants({ projectId: succeeded });
    await db`update projects set status = 'paid_out' where id = ${succeeded}`;
    await activities.releaseGrants({ projectId: failed });
    await db`update projects set status = 'closed' where id = ${failed}`;
    await signIn('territoiresMecene', 'mecene', { fundId });
  });

  it('sums the grants, the projects reached, the share that went to priority schools and the outcomes', async () => {
    const { status, body } = await get('territoiresMecene', `/api/funds/${fundId}/report`);
    expect(status).toBe(200);
    // seeding 200 € each; the rural project is topped up from 700 € to its 1 000 € minimum
    expect(body.summary).toEqual({
      grantCount: 4,
      projectsReached: 3,
      grantedCents: 70_000,
      reservedCents: 50_000,
      committedCents: 20_000,
      releasedCents: 20_000,
      priorityCents: 70_000,
      prioritySharePct: 100,
      byCategory: [
        { category: 'rep_plus', label: 'REP+', projects: 0, grantedCents: 0 },
        { category: 'rep', label: 'REP', projects: 1, grantedCents: 20_000 },
        { category: 'rural', label: 'Rural ou isolé', projects: 1, grantedCents: 50_000 },
        { category: 'none', label: 'Non prioritaire', projects: 0, grantedCents: 0 },
      ],
      outcomes: { collecting: 1, succeeded: 1, failed: 1, cancelled: 0, other: 0 },
    });
    expect(body.fund).toMatchObject({ availableCents: 930_000, reservedCents: 50_000, committedCents: 20_000 });
  });

  it('downloads as a CSV file French Excel opens: UTF-8 with a BOM, “;”, French headers, euros with a comma', async () => {
    const response = await as('territoiresMecene').request('GET', `/api/funds/${fundId}/report.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="rapport-fonds-${fundId}.csv"`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = new TextDecoder().decode(bytes.slice(3)).trimEnd().split('\r\n');
    expect(header).toBe(
      "N° de subvention;Type;Statut;Date d'attribution;N° de projet;Projet;Établissement;UAI;Académie;" +
        'Département;Catégorie prioritaire;Montant (€);Issue de la campagne',
    );
    expect(rows).toHaveLength(4);
    expect(rows.map((row) => row.split(';').slice(1, 3).concat(row.split(';').slice(10)))).toEqual([
      ['Amorçage', 'Versée', 'REP', '200,00', 'Réussie'],
      ['Amorçage', 'Réservée', 'Rural ou isolé', '200,00', 'En collecte'],
      ['Amorçage', 'Libérée', 'Non prioritaire', '200,00', 'Échouée'],
      ['Abondement', 'Réservée', 'Rural ou isolé', '300,00', 'En collecte'],
    ]);
  });

  it('is for admins and the fund’s mécène only', async () => {
    expect((await get('admin', `/api/funds/${fundId}/report`)).status).toBe(200);
    expect((await get('mecene', `/api/funds/${fundId}/report.csv`)).status).toBe(404);
    expect((await get('validateur', `/api/funds/${fundId}/report`)).status).toBe(403);
  });
});
