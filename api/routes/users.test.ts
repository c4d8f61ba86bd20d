import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { insertSchool, insertUser } from '../../test/fixtures.ts';
import { signIn } from '../../test/lifecycle.ts';

const { db, browser } = await createTestApp();
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

  it('never let an admin take away their own admin role', async () => {
    const own = (await rolesOf(admin.id)).find((held: { role: string }) => held.role === 'admin');
    const response = await admin.client.request('DELETE', `/api/users/${admin.id}/roles/${own.id}`);
    expect(response.status).toBe(409);
    expect((await rolesOf(admin.id)).map((held: { role: string }) => held.role)).toEqual(['admin']);
  });
});
