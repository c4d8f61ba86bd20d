import { beforeAll, describe, expect, it } from 'vitest';
import { createFundActivities } from '../../activities/funds.ts';
import { accounts, balanceOf } from '../../db/queries/ledger.ts';
import { createTestApp, type Browser } from '../../test/app.ts';
import { insertAcademy } from '../../test/fixtures.ts';
import { insertFund, insertFundSchool, insertPublishedProject } from '../../test/funds.ts';
import { signIn } from '../../test/lifecycle.ts';

const testApp = await createTestApp();
const { db } = testApp;
const activities = createFundActivities({ db });
const people: Record<string, { id: number; client: Browser }> = {};
const as = (name: string) => people[name]!.client;

const newFund = {
  name: 'Fonds Mécénat Hauts-de-France',
  sponsorName: 'Fondation Littoral',
  budgetCents: 2_000_000,
  validFrom: '2026-01-01',
  validUntil: '2026-12-31',
};

beforeAll(async () => {
  await insertAcademy(db);
  people.admin = await signIn(testApp, 'admin');
  people.validateur = await signIn(testApp, 'validateur');
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
    people.anyMecene = await signIn(testApp, 'mecene', { fundId: await insertFund(db) });
    expect((await as('anyMecene').request('POST', '/api/funds', newFund)).status).toBe(403);
  });
});

describe('an admin edits a fund’s terms', () => {
  let fundId: number;
  const terms = {
    name: 'Fonds Lecture Hauts-de-France',
    sponsorName: 'Fondation Littoral et Lecture',
    validFrom: '2026-02-01',
    validUntil: '2027-06-30',
    restrictions: { academies: ['lille'], levels: ['CP'] },
    rules: { topUpCapCents: 80_000 },
  };

  beforeAll(async () => {
    fundId = (await (await as('admin').request('POST', '/api/funds', newFund)).json()).id;
  });

  it('changes its name, sponsor, validity, restrictions and rules, not its budget, and records who did it', async () => {
    const response = await as('admin').request('PATCH', `/api/funds/${fundId}`, { ...terms, budgetCents: 1 });
    expect(response.status).toBe(200);
    const fund = await response.json();
    expect(fund).toMatchObject({
      id: fundId,
      name: 'Fonds Lecture Hauts-de-France',
      sponsorName: 'Fondation Littoral et Lecture',
      validFrom: '2026-02-01',
      validUntil: '2027-06-30',
      budgetCents: 2_000_000,
      availableCents: 2_000_000,
      restrictions: { themes: [], academies: ['lille'], departements: [], levels: ['CP'], prioritySchoolsOnly: false },
      rules: { topUpCapCents: 80_000, seedingShareBp: 2000 },
    });
    expect((await as('admin').getJson(`/api/funds/${fundId}`)).body).toEqual(fund);
    expect(await balanceOf(db, accounts.sponsorContributions(fundId).code)).toBe(-2_000_000);
    const [audit] = await db<{ actorId: number; details: { name: string } }[]>`
      select actor_id, details from audit_log where action = 'fund.update' and entity_id = ${String(fundId)}`;
    expect(audit).toMatchObject({ actorId: people.admin!.id, details: { name: 'Fonds Lecture Hauts-de-France' } });
  });

  it('is refused in French, naming the field, when its validity ends before it starts', async () => {
    const response = await as('admin').request('PATCH', `/api/funds/${fundId}`, {
      ...terms,
      name: 'Un autre nom',
      validUntil: '2025-01-31',
    });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toBe(
      'Données invalides — validUntil : la fin de validité ne peut précéder son début',
    );
    expect((await as('admin').getJson(`/api/funds/${fundId}`)).body.name).toBe('Fonds Lecture Hauts-de-France');
  });

  it('is refused with a 422 for an unknown académie and a 404 for an unknown fund', async () => {
    const academy = await as('admin').request('PATCH', `/api/funds/${fundId}`, {
      ...terms,
      restrictions: { academies: ['atlantide'] },
    });
    expect(academy.status).toBe(422);
    expect((await academy.json()).message).toBe('Académie inconnue : atlantide.');
    const missing = await as('admin').request('PATCH', '/api/funds/999999', terms);
    expect(missing.status).toBe(404);
    expect((await missing.json()).message).toBe('Fonds introuvable.');
    const [audits] = await db<{ n: number }[]>`select count(*)::int as n from audit_log where action = 'fund.update'`;
    expect(audits?.n).toBe(1);
  });

  it('cannot be done by the fund’s own mécène nor by a validateur', async () => {
    people.fundMecene = await signIn(testApp, 'mecene', { fundId });
    for (const who of ['fundMecene', 'validateur']) {
      const response = await as(who).request('PATCH', `/api/funds/${fundId}`, terms);
      expect(response.status).toBe(403);
      expect((await response.json()).message).toBe('Votre rôle ne permet pas cette action.');
    }
  });
});

describe('grants and their explanation', () => {
  let fundId: number;
  let projectId: number;

  beforeAll(async () => {
    await db`update funds set valid_from = current_date - 60, valid_until = current_date - 31`;
    fundId = await insertFund(db, { name: 'Fonds Réussite Éducative', prioritySchoolsOnly: true });
    const schoolUai = await insertFundSchool(db, { priorityEducation: 'rep_plus', ips: 78.4 });
    people.porteur = await signIn(testApp, 'porteur');
    projectId = await insertPublishedProject(db, {
      schoolUai,
      porteurId: people.porteur.id,
      minimumGoalCents: 180_000,
    });
    await activities.requestSeedingGrants({ projectId });
    people.mecene = await signIn(testApp, 'mecene', { fundId });
    people.otherMecene = await signIn(testApp, 'mecene', { fundId: await insertFund(db) });
    people.directeur = await signIn(testApp, 'directeur', { schoolUai });
    people.otherPorteur = await signIn(testApp, 'porteur');
  });

  it('shows a fund’s mécène its grants, each with the rule, the score and the amount’s steps', async () => {
    const { status, body } = await as('mecene').getJson(`/api/funds/${fundId}/grants`);
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
    expect((await as('otherMecene').getJson(`/api/funds/${fundId}/grants`)).status).toBe(404);
    expect((await as('validateur').getJson(`/api/funds/${fundId}/grants`)).body.total).toBe(1);
  });

  it('shows a project’s grants to its porteur and its directeur, not to another porteur', async () => {
    const porteur = await as('porteur').getJson(`/api/projects/${projectId}/grants`);
    const directeur = await as('directeur').getJson(`/api/projects/${projectId}/grants`);
    expect(porteur.body.data.map((grant: { fundName: string }) => grant.fundName)).toEqual([
      'Fonds Réussite Éducative',
    ]);
    expect(directeur.body.total).toBe(1);
    expect((await as('otherPorteur').getJson(`/api/projects/${projectId}/grants`)).status).toBe(404);
  });

  it('counts a grant as committed, from the ledger, once the campaign succeeds', async () => {
    await activities.commitGrants({ projectId });
    const { body } = await as('mecene').getJson(`/api/funds/${fundId}`);
    expect(body).toMatchObject({ availableCents: 964_000, reservedCents: 0, committedCents: 36_000 });
  });
});
