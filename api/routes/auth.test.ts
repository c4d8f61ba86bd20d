import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { insertSchool, insertUser } from '../../test/fixtures.ts';

const { db, browser } = await createTestApp();
let schoolUai: string;
let validateur: { id: number; email: string };

beforeAll(async () => {
  schoolUai = await insertSchool(db);
  validateur = await insertUser(db, 'validateur', { academyCode: 'lille' });
});

describe('signing in', () => {
  it('opens a session in an httpOnly, SameSite cookie and tells who is signed in', async () => {
    const client = browser();
    const response = await client.login(validateur.email);
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^tap_session=[\w-]{40,}/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    const me = await client.request('GET', '/api/me');
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      id: validateur.id,
      email: validateur.email,
      roles: [{ role: 'validateur', academyCode: 'lille', schoolUai: null }],
    });
  });

  it('refuses a wrong password with the same message as an unknown e-mail', async () => {
    const wrong = await browser().login(validateur.email, 'not the password');
    const unknown = await browser().login('nobody@example.org', 'whatever it is');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await wrong.json()).message).toBe('E-mail ou mot de passe incorrect.');
    expect((await unknown.json()).message).toBe('E-mail ou mot de passe incorrect.');
  });

  it('explains what is wrong with malformed input', async () => {
    const response = await browser().request('POST', '/api/auth/login', { email: 'not-an-email' });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.code).toBe('invalid_input');
    expect(body.message).toContain('email : adresse e-mail invalide');
    expect(body.message).toContain('password');
  });

  it('signs out: the session no longer works, even if the cookie is replayed', async () => {
    const client = browser();
    const login = await client.login(validateur.email);
    const stolen = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    expect((await client.request('POST', '/api/auth/logout')).status).toBe(204);
    expect((await client.request('GET', '/api/me')).status).toBe(401);
    expect((await browser().request('GET', '/api/me', undefined, { cookie: stolen })).status).toBe(401);
  });

  it('refuses a state-changing request sent by a form from another site', async () => {
    const client = browser();
    await client.login(validateur.email);
    const response = await client.request('POST', '/api/auth/logout', undefined, {
      origin: 'https://evil.example',
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(response.status).toBe(403);
    expect((await client.request('GET', '/api/me')).status).toBe(200);
  });
});

describe('porteur sign-up', () => {
  const signUp = (email: string, overrides: object = {}) =>
    browser().request('POST', '/api/auth/register', {
      email,
      password: 'une phrase de passe solide',
      displayName: 'Claire Martin',
      schoolUai,
      ...overrides,
    });

  it('creates a porteur account for an academic e-mail, who can then sign in', async () => {
    const response = await signUp('claire.martin@ac-lille.fr');
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      email: 'claire.martin@ac-lille.fr',
      roles: [{ role: 'porteur', schoolUai }],
    });
    expect((await browser().login('claire.martin@ac-lille.fr', 'une phrase de passe solide')).status).toBe(200);
  });

  it('refuses a non-academic e-mail and creates nothing', async () => {
    const response = await signUp('claire@gmail.com');
    expect(response.status).toBe(400);
    expect((await response.json()).message).toContain('adresse e-mail académique');
    const [row] = await db`select count(*)::int as n from users where email = 'claire@gmail.com'`;
    expect(row?.n).toBe(0);
  });

  it('refuses a second account for the same e-mail', async () => {
    await signUp('paul.durand@ac-lille.fr');
    const again = await signUp('Paul.Durand@ac-lille.fr');
    expect(again.status).toBe(409);
    expect((await again.json()).message).toBe('Un compte existe déjà pour cette adresse e-mail.');
  });

  it('refuses a short password and an unknown school', async () => {
    expect((await signUp('a.b@ac-lille.fr', { password: 'court' })).status).toBe(400);
    const unknown = await signUp('a.b@ac-lille.fr', { schoolUai: '0599999Y' });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).message).toContain('0599999Y');
  });

  it('refuses a school of another académie than the address’s, as the form offers none, and creates nothing', async () => {
    await db`insert into academies (code, name) values ('versailles', 'Versailles') on conflict do nothing`;
    const [versailles] = await db<{ uai: string }[]>`
      insert into schools (uai, name, kind, degree, academy_code, departement, commune, sector, priority_education)
      values ('0780099J', 'École Jean Jaurès', 'ecole_elementaire', 'premier', 'versailles', '78', 'Les Mureaux',
              'public', 'none')
      returning uai`;
    const response = await signUp('lea.roux@ac-lille.fr', { schoolUai: versailles!.uai });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toBe(
      'Cet établissement n’est pas dans l’académie de votre adresse e-mail : choisissez un établissement de votre académie.',
    );
    const [row] = await db`select count(*)::int as n from users where email = 'lea.roux@ac-lille.fr'`;
    expect(row?.n).toBe(0);
  });
});

describe('choosing one’s school when signing up', () => {
  let amiensUai: string;
  beforeAll(async () => {
    await db`insert into academies (code, name) values ('amiens', 'Amiens') on conflict do nothing`;
    await db`insert into academic_domains (domain, academy_code) values ('ac-amiens.fr', 'amiens') on conflict do nothing`;
    const [amiens] = await db<{ uai: string }[]>`
      insert into schools (uai, name, kind, degree, academy_code, departement, commune, sector, priority_education)
      values ('0800001A', 'Collège Jean Jaurès', 'college', 'second', 'amiens', '80', 'Abbeville', 'public', 'none')
      returning uai`;
    amiensUai = amiens!.uai;
  });
  const search = (email: string, q?: string) =>
    browser().getJson(`/api/auth/schools?${new URLSearchParams({ email, ...(q === undefined ? {} : { q }) })}`);

  it('finds, signed out, the schools of the address’s académie by a name typed without accents or capitals', async () => {
    const { status, body } = await search('prenom.nom@ac-lille.fr', 'jean jaures');
    expect(status).toBe(200);
    const uais = body.map((school: { uai: string }) => school.uai);
    expect(uais).toContain(schoolUai);
    expect(uais).not.toContain(amiensUai);
    const { body: amiens } = await search('Prenom.Nom@AC-AMIENS.fr', 'JAURES');
    expect(amiens).toEqual([{ uai: amiensUai, name: 'Collège Jean Jaurès', commune: 'Abbeville', departement: '80' }]);
  });

  it('answers the directory’s public data only, twenty schools at most', async () => {
    await Promise.all(Array.from({ length: 22 }, () => insertSchool(db)));
    const { body } = await search('prenom.nom@ac-lille.fr', 'jaurès');
    expect(body).toHaveLength(20);
    for (const school of body) expect(Object.keys(school).sort()).toEqual(['commune', 'departement', 'name', 'uai']);
  });

  it('refuses in French an address that is not academic, or not an address', async () => {
    const personal = await search('lucie.moreau@gmail.com', 'jaures');
    expect(personal.status).toBe(400);
    expect(personal.body.message).toBe(
      'Un porteur de projet doit utiliser son adresse e-mail académique (par exemple prenom.nom@ac-lille.fr).',
    );
    const malformed = await search('lucie.moreau', 'jaures');
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toContain('email : adresse e-mail invalide');
    expect((await search('', 'jaures')).status).toBe(400);
  });
});
