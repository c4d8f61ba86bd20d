import { beforeAll, describe, expect, it } from 'vitest';
import { createFundActivities } from '../../activities/funds.ts';
import { createTestApp, type Browser } from '../../test/app.ts';
import {
  insertFund,
  insertFundPorteur,
  insertFundSchool,
  insertPaidDonations,
  insertPublishedProject,
} from '../../test/funds.ts';
import { signIn } from '../../test/lifecycle.ts';

const testApp = await createTestApp();
const { db } = testApp;
const activities = createFundActivities({ db });
const people: Record<string, { id: number; client: Browser }> = {};
const as = (name: string) => people[name]!.client;
let porteurId: number;

beforeAll(async () => {
  porteurId = await insertFundPorteur(db);
  people.admin = await signIn(testApp, 'admin');
  people.validateur = await signIn(testApp, 'validateur');
  people.otherMecene = await signIn(testApp, 'mecene', { fundId: await insertFund(db, { name: 'Autre fonds' }) });
});

describe('the sponsor’s report', () => {
  let fundId: number;

  beforeAll(async () => {
    // only this fund is active
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
    people.territoiresMecene = await signIn(testApp, 'mecene', { fundId });
  });

  it('sums the grants, the projects reached, the share that went to priority schools and the outcomes', async () => {
    const { status, body } = await as('territoiresMecene').getJson(`/api/funds/${fundId}/report`);
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
      'N° de subvention;Type;Statut;Date d’attribution;N° de projet;Projet;Établissement;UAI;Académie;' +
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
    expect((await as('admin').getJson(`/api/funds/${fundId}/report`)).status).toBe(200);
    expect((await as('otherMecene').getJson(`/api/funds/${fundId}/report.csv`)).status).toBe(404);
    expect((await as('validateur').getJson(`/api/funds/${fundId}/report`)).status).toBe(403);
  });
});
