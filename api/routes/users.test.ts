import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { insertSchool, insertUser } from '../../test/fixtures.ts';
import { signIn } from '../../test/lifecycle.ts';
import { linksIn, pathOf } from '../../test/emails.ts';
import { caughtEmailsTo } from '../../test/mailbox.ts';
import { insertReceivingStructure } from '../../test/money.ts';
import { insertProject } from '../../test/fixtures.ts';
import { signInviteToken } from '../../domain/email-links.ts';
import { insertFund } from '../../test/funds.ts';

const { app, db, browser, config } = await createTestApp({ worker: true });
const admin = await signIn({ db, browser }, 'admin');
const schoolUai = await insertSchool(db);

const rolesOf = async (userId: number) => (await admin.client.getJson(`/api/users/${userId}`)).body.roles;

describe('roles granted by an admin', () => {
  it('make a teacher the directeur of their school, and take it back, with effect at once', async () => {
    const teacher = await signIn({ db, browser }, 'porteur');
    const granted = await admin.client.request('POST', `/api/users/${teacher.id}/roles`, {
      role: 'directeur',
      schoolUai,
    });
    expect(granted.status).toBe(200);
    const roles = await rolesOf(teacher.id);
    expect(roles).toContainEqual(expect.objectContaining({ role: 'directeur', schoolUai }));
    // their current session holds it at once
    expect((await teacher.client.getJson('/api/me')).body.roles.map((held: { role: string }) => held.role)).toContain(
      'directeur',
    );
    const grant = roles.find((held: { role: string }) => held.role === 'directeur');
    expect((await admin.client.request('DELETE', `/api/users/${teacher.id}/roles/${grant.id}`)).status).toBe(200);
    expect((await rolesOf(teacher.id)).map((held: { role: string }) => held.role)).toEqual(['porteur']);
  });

  it('refuse a role without the scope it needs, or a scope that does not exist, and change nothing', async () => {
    const user = await insertUser(db, 'donateur');
    const unscoped = await admin.client.request('POST', `/api/users/${user.id}/roles`, { role: 'gestionnaire' });
    expect(unscoped.status).toBe(400);
    expect(((await unscoped.json()) as { message: string }).message).toContain(
      'Ce rôle s’attribue avec sa structure réceptrice.',
    );
    const unknown = await admin.client.request('POST', `/api/users/${user.id}/roles`, {
      role: 'mecene',
      fundId: 999_999,
    });
    expect(unknown.status).toBe(422);
    expect((await rolesOf(user.id)).map((held: { role: string }) => held.role)).toEqual(['donateur']);
  });

  it('refuse the porteur role for a non-academic address, in French, and change nothing', async () => {
    const user = await insertUser(db, 'donateur');
    const granted = await admin.client.request('POST', `/api/users/${user.id}/roles`, { role: 'porteur', schoolUai });
    expect(granted.status).toBe(400);
    expect((await granted.json()).message).toContain('demande une adresse e-mail académique');
    expect((await rolesOf(user.id)).map((held: { role: string }) => held.role)).toEqual(['donateur']);
    const invited = await admin.client.request('POST', '/api/users', {
      email: 'enseignant@gmail.com',
      displayName: 'Jean Enseignant',
      role: 'porteur',
    });
    expect(invited.status).toBe(400);
    expect((await invited.json()).message).toContain('demande une adresse e-mail académique');
    expect(await db`select 1 from users where email = 'enseignant@gmail.com'`).toHaveLength(0);
  });

  it('refuse a scope that does not fit the role, naming it, instead of storing it', async () => {
    const user = await insertUser(db, 'donateur');
    const fundId = await insertFund(db);
    const directeur = await admin.client.request('POST', `/api/users/${user.id}/roles`, {
      role: 'directeur',
      schoolUai,
      fundId,
    });
    expect(directeur.status).toBe(400);
    expect((await directeur.json()).message).toContain(
      'fundId : Le rôle « Directeur d’école / chef d’établissement » ne se rattache pas à un fonds.',
    );
    const scopedAdmin = await admin.client.request('POST', `/api/users/${user.id}/roles`, {
      role: 'admin',
      academyCode: 'lille',
    });
    expect(scopedAdmin.status).toBe(400);
    expect((await scopedAdmin.json()).message).toContain('ne se rattache pas à une académie');
    expect((await rolesOf(user.id)).map((held: { role: string }) => held.role)).toEqual(['donateur']);
  });

  it('never let an admin take away their own admin role', async () => {
    const own = (await rolesOf(admin.id)).find((held: { role: string }) => held.role === 'admin');
    const response = await admin.client.request('DELETE', `/api/users/${admin.id}/roles/${own.id}`);
    expect(response.status).toBe(409);
    expect((await rolesOf(admin.id)).map((held: { role: string }) => held.role)).toEqual(['admin']);
  });
});

describe('an invitation', () => {
  const postForm = (fields: Record<string, string>) =>
    app.request('http://localhost/compte/activer', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
      body: new URLSearchParams(fields).toString(),
    });

  it('opens an account with its role; the person chooses a password from the e-mail, once, then signs in', async () => {
    const porteur = await insertUser(db, 'porteur');
    const projectId = await insertProject(db, { schoolUai, porteurId: porteur.id });
    const structureId = await insertReceivingStructure(db, { projectId });
    const email = 'tresoriere.occe@example.org';
    const invited = await admin.client.request('POST', '/api/users', {
      email,
      displayName: 'Inès Trésorière',
      role: 'gestionnaire',
      structureId,
    });
    expect(invited.status).toBe(201);
    expect((await invited.json()).roles).toEqual([expect.objectContaining({ role: 'gestionnaire', structureId })]);
    const again = await admin.client.request('POST', '/api/users', { email, displayName: 'Bis', role: 'donateur' });
    expect(again.status).toBe(409);

    await expect.poll(async () => (await caughtEmailsTo(email)).length, { timeout: 20_000 }).toBe(1);
    const [message] = await caughtEmailsTo(email);
    expect(message!.subject).toBe('Votre accès au back office de Trousse à Projets');
    const link = linksIn(message!.text).find((url) => url.includes('/compte/activer'))!;
    const token = new URL(link).searchParams.get('token')!;
    expect(await (await app.request(pathOf(link))).text()).toContain(email);

    const mismatch = await postForm({ token, password: 'un mot de passe long', confirmation: 'un autre mot de passe' });
    expect(mismatch.status).toBe(400);
    expect(await mismatch.text()).toContain('Les deux mots de passe ne sont pas les mêmes.');
    const chosen = await postForm({ token, password: 'un mot de passe long', confirmation: 'un mot de passe long' });
    expect(chosen.status).toBe(200);
    expect((await browser().login(email, 'un mot de passe long')).status).toBe(200);
    expect(
      (await postForm({ token, password: 'encore un autre long', confirmation: 'encore un autre long' })).status,
    ).toBe(400);
  });

  it('is refused when its link is forged or expired', async () => {
    const user = await insertUser(db, 'donateur');
    await db`update users set password_hash = null where id = ${user.id}`;
    const expired = await signInviteToken(config.EMAIL_LINK_SECRET, { userId: user.id, expiresAt: Date.now() - 1000 });
    const forged = await signInviteToken('not-the-secret-not-the-secret-not-the', {
      userId: user.id,
      expiresAt: Date.now() + 86_400_000,
    });
    for (const token of [expired, forged]) {
      expect((await app.request(`/compte/activer?token=${token}`)).status).toBe(400);
    }
  });
});
