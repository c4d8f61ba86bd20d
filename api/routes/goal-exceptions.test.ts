import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { insertSchool } from '../../test/fixtures.ts';
import { signIn } from '../../test/lifecycle.ts';

const { db, browser } = await createTestApp();
const schoolUai = await insertSchool(db);
const porteur = await signIn({ db, browser }, 'porteur');
const validateur = await signIn({ db, browser }, 'validateur');
const admin = await signIn({ db, browser }, 'admin');

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const draft = (minimumGoalCents: number) => ({
  schoolUai,
  title: 'Voyage à Londres',
  summary: 'Une semaine à Londres pour trois classes de troisième.',
  theme: 'langues_echanges',
  levels: ['3e'],
  pupilCount: 80,
  activityStartsOn: inDays(120),
  activityEndsOn: inDays(127),
  minimumGoalCents,
  optimumGoalCents: 900_000,
  campaignDays: 30,
});
const exceptionOf = async (id: number) =>
  (await db<{ granted: boolean }[]>`select minimum_goal_exception as granted from projects where id = ${id}`)[0]
    ?.granted;

describe('the exception to the 5 000 € cap on a minimum goal', () => {
  it('is needed to save a minimum goal above 5 000 €, and only an admin grants it, once', async () => {
    const created = await porteur.client.request('POST', '/api/projects', draft(400_000));
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };

    const refused = await porteur.client.request('PATCH', `/api/projects/${id}`, draft(700_000));
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { details: { path: string[]; message: string }[] };
    expect(body.details).toEqual([
      expect.objectContaining({
        path: ['minimumGoalCents'],
        message:
          'L’objectif minimum est de 5 000 € au plus (au-delà, une dérogation de l’administrateur est nécessaire).',
      }),
    ]);

    for (const client of [porteur.client, validateur.client]) {
      expect((await client.request('POST', `/api/projects/${id}/minimum-goal-exception`)).status).toBe(403);
    }
    expect(await exceptionOf(id)).toBe(false);

    for (let times = 0; times < 2; times += 1) {
      const granted = await admin.client.request('POST', `/api/projects/${id}/minimum-goal-exception`);
      expect(granted.status).toBe(200);
      expect(await granted.json()).toEqual({ id, minimumGoalException: true });
    }
    const [audit] = await db<{ n: number }[]>`
      select count(*)::int as n from audit_log
      where action = 'minimum_goal_exception_granted' and entity_id = ${String(id)}`;
    expect(audit?.n).toBe(1);

    expect((await porteur.client.request('PATCH', `/api/projects/${id}`, draft(700_000))).status).toBe(200);
    const [saved] = await db<{ cents: number }[]>`select minimum_goal_cents as cents from projects where id = ${id}`;
    expect(saved?.cents).toBe(700_000);
  });

  it('is refused in French once the project is accepted, and for a project that does not exist', async () => {
    const created = await porteur.client.request('POST', '/api/projects', draft(400_000));
    const { id } = (await created.json()) as { id: number };
    await db`update projects set status = 'accepted' where id = ${id}`;
    const late = await admin.client.request('POST', `/api/projects/${id}/minimum-goal-exception`);
    expect(late.status).toBe(409);
    expect(((await late.json()) as { message: string }).message).toBe(
      'La dérogation s’accorde avant que le projet soit accepté.',
    );
    expect(await exceptionOf(id)).toBe(false);
    expect((await admin.client.request('POST', '/api/projects/999999/minimum-goal-exception')).status).toBe(404);
  });
});
