import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { insertProject, insertSchool } from '../../test/fixtures.ts';
import { act, signIn } from '../../test/lifecycle.ts';
import { caughtEmailsTo } from '../../test/mailbox.ts';
import { insertReceivingStructure, recordPaidDonation } from '../../test/money.ts';

const { db, browser } = await createTestApp({ worker: true });
const schoolUai = await insertSchool(db, { name: 'École Condorcet' });
const porteur = await signIn({ db, browser }, 'porteur');

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const DRAFT = {
  schoolUai,
  title: 'Orchestre à l’école',
  summary: 'Des instruments pour la classe de CM2, toute l’année.',
  description: 'Un partenariat avec le conservatoire de Roubaix.',
  theme: 'arts_culture',
  levels: ['CM1', 'CM2'],
  pupilCount: 26,
  activityStartsOn: inDays(120),
  activityEndsOn: inDays(300),
  minimumGoalCents: 250_000,
  optimumGoalCents: 320_000,
  campaignDays: 30,
  budgetLines: [
    { label: 'Location des instruments', amountCents: 200_000 },
    { label: 'Transport au conservatoire', amountCents: 120_000 },
  ],
};

const countProjects = async () => (await db<{ n: number }[]>`select count(*)::int as n from projects`)[0]?.n;

describe('a porteur’s drafts', () => {
  it('are created with their budget, and the dossier shows what a validator needs', async () => {
    const response = await porteur.client.request('POST', '/api/projects', DRAFT);
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: number };
    const project = await porteur.client.getJson(`/api/projects/${id}`);
    expect(project.body).toMatchObject({
      status: 'draft',
      title: 'Orchestre à l’école',
      schoolName: 'École Condorcet',
    });
    const dossier = await porteur.client.getJson(`/api/projects/${id}/dossier`);
    expect(dossier.body).toMatchObject({
      pupilCount: 26,
      levels: ['CM1', 'CM2'],
      school: { uai: schoolUai, priorityEducation: 'rep_plus' },
      budgetLines: DRAFT.budgetLines,
    });
  });

  it('refuse what is wrong, every mistake in French, and store nothing', async () => {
    const before = await countProjects();
    const response = await porteur.client.request('POST', '/api/projects', {
      ...DRAFT,
      title: 'Ok',
      levels: [],
      minimumGoalCents: 600_000,
      optimumGoalCents: 100_000,
      campaignDays: 120,
      activityStartsOn: inDays(10),
    });
    expect(response.status).toBe(400);
    const { message } = (await response.json()) as { message: string };
    expect(message).toContain('Le titre compte 5 caractères au moins.');
    expect(message).toContain('Indiquez au moins un niveau.');
    expect(message).toContain('L’objectif minimum est de 5 000 € au plus');
    expect(message).toContain('La collecte dure 90 jours au plus.');
    expect(await countProjects()).toBe(before);
  });

  it('refuse a school outside the porteur’s académie', async () => {
    const elsewhere = await insertSchool(db);
    await db`insert into academies (code, name, pilot_enabled) values ('reims', 'Reims', true) on conflict do nothing`;
    await db`update schools set academy_code = 'reims' where uai = ${elsewhere}`;
    const response = await porteur.client.request('POST', '/api/projects', { ...DRAFT, schoolUai: elsewhere });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { message: string }).message).toBe(
      'Cet établissement n’est pas dans l’académie de votre adresse académique.',
    );
  });

  it('name one of the school’s receiving structures, listed for the porteur', async () => {
    const structureId = await insertReceivingStructure(db, {
      projectId: await insertProject(db, { schoolUai, porteurId: porteur.id }),
    });
    const listed = await porteur.client.getJson(`/api/schools/${schoolUai}/structures`);
    expect(listed.body).toEqual([{ id: structureId, legalName: expect.stringMatching(/^Coopérative scolaire/) }]);
    const named = await porteur.client.request('POST', '/api/projects', { ...DRAFT, structureId });
    expect(named.status).toBe(201);
    const elsewhere = await insertSchool(db);
    const otherStructure = await insertReceivingStructure(db, {
      projectId: await insertProject(db, { schoolUai: elsewhere, porteurId: porteur.id }),
    });
    const refused = await porteur.client.request('POST', '/api/projects', { ...DRAFT, structureId: otherStructure });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { message: string }).message).toBe(
      'Cette structure réceptrice n’est pas celle de l’établissement choisi.',
    );
  });

  it('are written by porteurs only', async () => {
    const validateur = await signIn({ db, browser }, 'validateur');
    const before = await countProjects();
    const refused = await validateur.client.request('POST', '/api/projects', DRAFT);
    expect(refused.status).toBe(403);
    expect(await countProjects()).toBe(before);
  });

  it('are edited by their porteur until submitted, and by nobody else', async () => {
    const { id } = (await (await porteur.client.request('POST', '/api/projects', DRAFT)).json()) as { id: number };
    const edited = await porteur.client.request('PATCH', `/api/projects/${id}`, {
      ...DRAFT,
      title: 'Orchestre à l’école, saison 2',
    });
    expect(edited.status).toBe(200);
    const wrong = await porteur.client.request('PATCH', `/api/projects/${id}`, {
      ...DRAFT,
      title: 'Or',
      pupilCount: 0,
    });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { message: string }).message).toMatch(
      /Le titre compte 5 caractères au moins\.[^]*Au moins un élève\./,
    );
    const other = await signIn({ db, browser }, 'porteur');
    expect((await other.client.request('PATCH', `/api/projects/${id}`, DRAFT)).status).toBe(404);
    expect((await act(porteur.client, id, 'submit')).body.status).toBe('submitted');
    const late = await porteur.client.request('PATCH', `/api/projects/${id}`, DRAFT);
    expect(late.status).toBe(409);
    expect(((await late.json()) as { message: string }).message).toBe(
      'Ce projet n’est plus modifiable : il est « soumis ».',
    );
    const [row] = await db<{ title: string }[]>`select title from projects where id = ${id}`;
    expect(row?.title).toBe('Orchestre à l’école, saison 2');
  });
});

describe('the pilot académies', () => {
  it('are chosen by an admin; a porteur of an académie taken out of the pilot cannot start a project', async () => {
    const admin = await signIn({ db, browser }, 'admin');
    const listed = await admin.client.getJson('/api/academies');
    expect(listed.body.data).toContainEqual(expect.objectContaining({ id: 'lille', pilotEnabled: true }));
    expect((await admin.client.request('PATCH', '/api/academies/lille', { pilotEnabled: false })).status).toBe(200);
    const refused = await porteur.client.request('POST', '/api/projects', DRAFT);
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { message: string }).message).toMatch(/ne fait pas encore partie du pilote/);
    expect((await admin.client.request('PATCH', '/api/academies/lille', { pilotEnabled: true })).status).toBe(200);
    expect((await admin.client.request('PATCH', '/api/academies/atlantide', { pilotEnabled: true })).status).toBe(404);
    expect((await porteur.client.request('PATCH', '/api/academies/lille', { pilotEnabled: false })).status).toBe(403);
  });
});

describe('a project’s news', () => {
  it('reach its donors by e-mail once the campaign is open, with the porteur’s words', async () => {
    const draft = await insertProject(db, { schoolUai, porteurId: porteur.id });
    const early = await porteur.client.request('POST', `/api/projects/${draft}/news`, {
      title: 'Bientôt',
      body: 'Nous préparons la collecte.',
    });
    expect(early.status).toBe(409);

    const projectId = await insertProject(db, { schoolUai, porteurId: porteur.id, campaignEndsInDays: 10 });
    await recordPaidDonation(db, { projectId, amountCents: 2_000, donorEmail: 'news.reader@example.org' });
    const posted = await porteur.client.request('POST', `/api/projects/${projectId}/news`, {
      title: 'Premiers instruments',
      body: 'Les violons sont arrivés ce matin : merci à tous !',
    });
    expect(posted.status).toBe(201);
    const empty = await porteur.client.request('POST', `/api/projects/${projectId}/news`, { title: 'Ok', body: '' });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { message: string }).message).toContain('Le texte compte 10 caractères au moins.');
    const stranger = await signIn({ db, browser }, 'porteur');
    const notTheirs = await stranger.client.request('POST', `/api/projects/${projectId}/news`, {
      title: 'Pas mon projet',
      body: 'Ces nouvelles ne partiront pas.',
    });
    expect(notTheirs.status).toBe(404);
    await expect
      .poll(async () => (await caughtEmailsTo('news.reader@example.org')).length, { timeout: 20_000 })
      .toBe(1);
    const [message] = await caughtEmailsTo('news.reader@example.org');
    expect(message!.subject).toBe('Des nouvelles de « Classe de mer à Wimereux »');
    expect(message!.text).toContain('Les violons sont arrivés ce matin : merci à tous !');
    const dossier = await porteur.client.getJson(`/api/projects/${projectId}/dossier`);
    expect(dossier.body.news).toEqual([expect.objectContaining({ title: 'Premiers instruments' })]);
    expect((await db`select count(*)::int as n from project_news where project_id = ${projectId}`)[0]?.n).toBe(1);
  });
});

describe('the gestionnaire’s e-mail in a draft', () => {
  it('is kept, shown in the dossier, and may be changed or left out', async () => {
    const created = await porteur.client.request('POST', '/api/projects', {
      ...DRAFT,
      gestionnaireEmail: 'Tresorier.OCCE@Example.org',
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    const dossier = await porteur.client.getJson(`/api/projects/${id}/dossier`);
    expect(dossier.body.gestionnaireEmail).toBe('tresorier.occe@example.org');

    const edited = await porteur.client.request('PATCH', `/api/projects/${id}`, { ...DRAFT, gestionnaireEmail: null });
    expect(edited.status).toBe(200);
    expect((await porteur.client.getJson(`/api/projects/${id}/dossier`)).body.gestionnaireEmail).toBeNull();
  });

  it('is refused in French when it is not an address or is the porteur’s own, and nothing is stored', async () => {
    const before = await countProjects();
    const invalid = await porteur.client.request('POST', '/api/projects', { ...DRAFT, gestionnaireEmail: 'trésorier' });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { message: string }).message).toContain(
      'L’adresse e-mail du gestionnaire n’est pas valide.',
    );
    const own = await porteur.client.request('POST', '/api/projects', { ...DRAFT, gestionnaireEmail: porteur.email });
    expect(own.status).toBe(422);
    expect(((await own.json()) as { message: string }).message).toBe(
      'Le gestionnaire de la structure réceptrice est une autre personne que le porteur du projet : indiquez son adresse.',
    );
    expect(await countProjects()).toBe(before);
  });
});
