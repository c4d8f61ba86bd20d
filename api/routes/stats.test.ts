import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { insertProject, insertSchool, insertUser } from '../../test/fixtures.ts';
import { signIn } from '../../test/lifecycle.ts';
import { insertSolidarityFund, recordPaidDonation } from '../../test/money.ts';

const { db, browser } = await createTestApp();
const priorityUai = await insertSchool(db, { name: 'École Condorcet' });
const porteur = await insertUser(db, 'porteur');
const ordinaryUai = await insertSchool(db, { name: 'École du Centre' });
await db`update schools set priority_education = 'none', rural = false where uai = ${ordinaryUai}`;

const grant = async (fundId: number, projectId: number, amountCents: number, status = 'reserved') => {
  await db`
    insert into grants (fund_id, project_id, kind, amount_cents, status, explanation)
    values (${fundId}, ${projectId}, 'seeding', ${amountCents}, ${status}, '{}')`;
};

describe('the dashboard’s figures', () => {
  it('sum the money collected by month, count projects by status and measure success by académie', async () => {
    const succeeded = await insertProject(db, { schoolUai: priorityUai, porteurId: porteur.id, campaignEndsInDays: 5 });
    const failed = await insertProject(db, { schoolUai: ordinaryUai, porteurId: porteur.id, campaignEndsInDays: 5 });
    const collecting = await insertProject(db, {
      schoolUai: ordinaryUai,
      porteurId: porteur.id,
      campaignEndsInDays: 9,
    });
    await recordPaidDonation(db, { projectId: succeeded, amountCents: 7_000 });
    await recordPaidDonation(db, { projectId: collecting, amountCents: 2_500 });
    await db`update projects set status = 'completed' where id = ${succeeded}`;
    await db`update projects set status = 'failed' where id = ${failed}`;
    // fund money: 600 € to the REP+ school, 200 € to the other one, and a released grant that counts for nothing
    const fundId = await insertSolidarityFund(db);
    await grant(fundId, succeeded, 60_000, 'committed');
    await grant(fundId, collecting, 20_000);
    await grant(fundId, failed, 50_000, 'released');

    const validateur = await signIn({ db, browser }, 'validateur');
    const { status, body } = await validateur.client.getJson('/api/stats');
    expect(status).toBe(200);
    expect(body.collectedByMonth).toEqual([{ month: new Date().toISOString().slice(0, 7), cents: 9_500 }]);
    expect(body.projectsByStatus).toEqual(
      expect.arrayContaining([
        { status: 'completed', count: 1 },
        { status: 'failed', count: 1 },
        { status: 'published', count: 1 },
      ]),
    );
    expect(body.byAcademy).toEqual([
      {
        academyCode: 'lille',
        academyName: expect.any(String),
        succeeded: 1,
        failed: 1,
        grantedCents: 80_000,
        priorityGrantedCents: 60_000,
      },
    ]);
  });

  it('are for the platform team only', async () => {
    const admin = await signIn({ db, browser }, 'admin');
    expect((await admin.client.getJson('/api/stats')).status).toBe(200);
    const other = await signIn({ db, browser }, 'porteur');
    const refused = await other.client.request('GET', '/api/stats');
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toBe('Votre rôle ne permet pas cette action.');
  });
});
