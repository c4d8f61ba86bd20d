import { describe, expect, it } from 'vitest';
import { createTestApp } from '../test/app.ts';
import { insertProject, insertSchool, insertUser } from '../test/fixtures.ts';
import { signIn } from '../test/lifecycle.ts';

// Input PostgreSQL would refuse (a NUL byte) or alter (a lone UTF-16 surrogate), and numbers beyond what a bigint
// or JavaScript holds: a 400 in French before any query, on every route, and nothing stored.
const { app, db, browser } = await createTestApp();
const schoolUai = await insertSchool(db);
const porteur = await signIn({ db, browser }, 'porteur');
const projectId = await insertProject(db, { schoolUai, porteurId: porteur.id, campaignEndsInDays: 10 });

const count = async (table: 'donations' | 'projects' | 'project_news') =>
  (await db.unsafe<{ n: number }[]>(`select count(*)::int as n from ${table}`))[0]!.n;
const GIFT = { projectId, amountCents: 2_000, donorName: 'Jeanne Martin', donorEmail: 'jeanne@example.org' };
const rawJson = (path: string, text: string) =>
  app.request(`http://localhost${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://localhost' },
    body: text,
  });

describe('a NUL byte', () => {
  it('in a search query is a 400 in French, not a database error', async () => {
    const response = await porteur.client.request('GET', '/api/schools?q=%00');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 'invalid_input',
      message: 'Données invalides — q : contient un caractère nul, refusé.',
    });
  });

  it('in a donor’s name is refused and no gift is recorded', async () => {
    const before = await count('donations');
    const response = await browser().request('POST', '/api/donations', { ...GIFT, donorName: 'Jeanne\u0000Martin' });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toBe('Données invalides — donorName : contient un caractère nul, refusé.');
    expect(await count('donations')).toBe(before);
  });

  it('in a project’s title or in news is refused and nothing is stored', async () => {
    const projects = await count('projects');
    const draft = await porteur.client.request('POST', '/api/projects', { schoolUai, title: 'Classe\u0000verte' });
    expect(draft.status).toBe(400);
    expect((await draft.json()).message).toContain('title : contient un caractère nul');
    expect(await count('projects')).toBe(projects);
    const news = await porteur.client.request('POST', `/api/projects/${projectId}/news`, {
      title: 'Nouvelles',
      body: 'Bonjour à toutes et à tous\u0000',
    });
    expect(news.status).toBe(400);
    expect((await news.json()).message).toBe('Données invalides — body : contient un caractère nul, refusé.');
    expect(await count('project_news')).toBe(0);
  });

  it('in the public donate form answers the French page, not JSON, and records nothing', async () => {
    const before = await count('donations');
    const response = await app.request(`http://localhost/projets/${projectId}/don`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
      body: new URLSearchParams({ amount: '20', donorName: 'Jeanne\u0000', donorEmail: 'j@example.org' }).toString(),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('donorName : contient un caractère nul, refusé.');
    expect(await count('donations')).toBe(before);
  });

  it('in a path segment is refused', async () => {
    const admin = await insertUser(db, 'admin');
    const client = browser();
    await client.login(admin.email);
    const response = await client.request('GET', '/api/schools/0590001%00');
    expect(response.status).toBe(400);
    expect((await response.json()).message).toBe('Données invalides — chemin : contient un caractère nul, refusé.');
  });
});

describe('other input PostgreSQL would not keep as sent', () => {
  it('refuses a lone UTF-16 surrogate in JSON, which would be stored as « � »', async () => {
    const before = await count('donations');
    const response = await rawJson(
      '/api/donations',
      JSON.stringify({ ...GIFT, donorName: 'X' }).replace('"X"', '"\\ud800"'),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).message).toBe(
      'Données invalides — donorName : contient un caractère Unicode invalide.',
    );
    expect(await count('donations')).toBe(before);
  });

  it('refuses a number beyond a bigint, before zod rounds it', async () => {
    const response = await rawJson(
      '/api/donations',
      JSON.stringify(GIFT).replace(`${projectId}`, '99999999999999999999'),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).message).toBe('Données invalides — projectId : nombre trop grand.');
  });
});
