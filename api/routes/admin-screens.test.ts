import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { insertProject, insertSchool } from '../../test/fixtures.ts';
import { signIn } from '../../test/lifecycle.ts';
import { insertReceivingStructure } from '../../test/money.ts';

// the admin's bulk handling of payment anomalies and the structures whose bank details await validation
const { db, browser } = await createTestApp();
const admin = await signIn({ db, browser }, 'admin');
const validateur = await signIn({ db, browser }, 'validateur');
const schoolUai = await insertSchool(db);
const porteur = await signIn({ db, browser }, 'porteur');
const projectOf = () => insertProject(db, { schoolUai, porteurId: porteur.id });

const anomaly = async () => {
  const [row] = await db<{ id: number }[]>`
    insert into payment_anomalies (kind, message, details) values ('unknown_payment', 'Paiement inconnu', '{}')
    returning id`;
  return Number(row!.id);
};
const openIds = async () =>
  (await db<{ id: number }[]>`select id from payment_anomalies where resolved_at is null order by id`).map((row) =>
    Number(row.id),
  );

describe('marking several payment anomalies handled at once', () => {
  it('resolves them all in one go, again without change, and only for an admin', async () => {
    const ids = [await anomaly(), await anomaly(), await anomaly()];
    expect((await validateur.client.request('POST', '/api/payment-anomalies/resolve', { ids })).status).toBe(403);
    expect(await openIds()).toEqual(ids);

    const first = await admin.client.request('POST', '/api/payment-anomalies/resolve', { ids: ids.slice(0, 2) });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ resolved: 2 });
    const again = await admin.client.request('POST', '/api/payment-anomalies/resolve', { ids });
    expect(await again.json()).toEqual({ resolved: 1 });
    expect(await openIds()).toEqual([]);
    const [by] = await db<{ n: number }[]>`
      select count(*)::int as n from payment_anomalies where resolved_by = ${admin.id}`;
    expect(by?.n).toBe(3);
  });

  it('changes nothing when one of them does not exist, and says which', async () => {
    const id = await anomaly();
    const refused = await admin.client.request('POST', '/api/payment-anomalies/resolve', { ids: [id, 987654] });
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as { message: string }).message).toBe(
      'Anomalie introuvable : n° 987654. Aucune n’a été marquée.',
    );
    expect(await openIds()).toEqual([id]);
    const empty = await admin.client.request('POST', '/api/payment-anomalies/resolve', { ids: [] });
    expect(empty.status).toBe(400);
  });
});

describe('the structures whose bank details await validation', () => {
  it('are listed alone with the filter, and found by a name typed without accents', async () => {
    const waiting = await insertReceivingStructure(db, {
      projectId: await projectOf(),
      bankDetailsValidated: false,
      legalName: 'Coopérative de l’école Jaurès',
    });
    const validated = await insertReceivingStructure(db, { projectId: await projectOf(), legalName: 'OCCE Pasteur' });
    const listed = async (query: string) =>
      ((await admin.client.getJson(`/api/structures?${query}`)).body as { data: { id: number }[] }).data.map(
        (row) => row.id,
      );
    expect(await listed('bankDetails=to_validate')).toEqual([waiting]);
    expect((await listed('')).sort()).toEqual([waiting, validated].sort());
    expect(await listed('q=cooperative%20de%20l%E2%80%99ecole%20jaures')).toEqual([waiting]);
    expect((await admin.client.getJson('/api/structures?bankDetails=toutes')).status).toBe(400);
  });
});
