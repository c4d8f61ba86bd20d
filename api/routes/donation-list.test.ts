import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { insertProject, insertSchool, insertUser } from '../../test/fixtures.ts';
import { signIn } from '../../test/lifecycle.ts';
import { insertReceivingStructure, recordPaidDonation } from '../../test/money.ts';
import { deliver, sessionCompleted, startGift } from '../../test/stripe-events.ts';

const { app, db, browser } = await createTestApp();

// two projects of two schools, each with its structure; the first has a visible and a discreet donor
const schoolUai = await insertSchool(db);
const porteur = await signIn({ db, browser }, 'porteur');
const project = await insertProject(db, { schoolUai, porteurId: porteur.id, campaignEndsInDays: 10 });
const structureId = await insertReceivingStructure(db, { projectId: project });
const otherSchool = await insertSchool(db);
const otherPorteur = await insertUser(db, 'porteur');
const otherProject = await insertProject(db, {
  schoolUai: otherSchool,
  porteurId: otherPorteur.id,
  campaignEndsInDays: 10,
});
await insertReceivingStructure(db, { projectId: otherProject });

const visible = await recordPaidDonation(db, {
  projectId: project,
  amountCents: 2_500,
  donorName: 'Élise Moreau',
  donorEmail: 'elise.moreau@example.org',
});
const discreet = await recordPaidDonation(db, {
  projectId: project,
  amountCents: 9_900,
  donorName: 'Hugo Discret',
  donorEmail: 'hugo@example.org',
});
await db`update donations set hide_name = true, hide_amount = true where id = ${discreet}`;
await recordPaidDonation(db, { projectId: otherProject, amountCents: 4_000, donorName: 'Ailleurs' });

const listAs = async (client: ReturnType<typeof browser>, query = '') => {
  const response = await client.request('GET', `/api/donations?sort=id${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as { data: Record<string, unknown>[]; total: number };
};

describe('the donations list', () => {
  it('shows the structure’s gestionnaire the donations of its projects, with the donors’ details', async () => {
    const gestionnaire = await signIn({ db, browser }, 'gestionnaire', { structureId });
    const page = await listAs(gestionnaire.client);
    expect(page.total).toBe(2);
    expect(page.data.map((row) => [row.donorName, row.donorEmail, row.amountCents])).toEqual([
      ['Élise Moreau', 'elise.moreau@example.org', 2_500],
      ['Hugo Discret', 'hugo@example.org', 9_900],
    ]);
  });

  it('shows a porteur the donors of their own projects, without contact details and as donors asked', async () => {
    const page = await listAs(porteur.client);
    expect(page.data.map((row) => [row.id, row.donorName, row.donorEmail, row.amountCents])).toEqual([
      [visible, 'Élise Moreau', null, 2_500],
      [discreet, null, null, null],
    ]);
    const other = await signIn({ db, browser }, 'porteur');
    expect((await listAs(other.client)).total).toBe(0);
  });

  it('shows an admin every donation, filtered by status or donor, and paid by Checkout too', async () => {
    const admin = await signIn({ db, browser }, 'admin');
    expect((await listAs(admin.client)).total).toBe(3);
    expect((await listAs(admin.client, '&q=moreau')).data.map((row) => row.id)).toEqual([visible]);
    const gift = await startGift(browser(), db, { projectId: project, amountCents: 1_000, donorName: 'Karim Haddad' });
    expect((await listAs(admin.client, '&status=pending')).data.map((row) => row.id)).toEqual([gift.id]);
    await deliver(app, sessionCompleted(gift));
    expect((await listAs(admin.client, '&status=paid')).total).toBe(4);
  });

  it('exports the gestionnaire’s donations as a CSV that French Excel opens', async () => {
    const gestionnaire = await signIn({ db, browser }, 'gestionnaire', { structureId });
    const response = await gestionnaire.client.request('GET', '/api/donations.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="dons.csv"');
    const text = await response.text();
    const lines = text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toMatch(/^N° du don;Projet;Fonds;Montant \(€\);/);
    expect(lines).toHaveLength(1 + (await listAs(gestionnaire.client)).total);
    expect(lines[1]).toContain(';25,00;0,00;Payé;Élise Moreau;;;elise.moreau@example.org;');
  });

  it('refuses bad filters with what is wrong', async () => {
    const admin = await signIn({ db, browser }, 'admin');
    const response = await admin.client.request('GET', '/api/donations?status=lost');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain('status');
  });
});

describe('payment anomalies', () => {
  it('lists what a person must look at, and lets an admin mark it handled', async () => {
    const admin = await signIn({ db, browser }, 'admin');
    const gift = await startGift(browser(), db, { projectId: project, amountCents: 3_000, donorName: 'Inès Roux' });
    const donationId = gift.id;
    await deliver(app, sessionCompleted({ ...gift, amountCents: 300 }));

    const open = await admin.client.getJson('/api/payment-anomalies');
    expect(open.status).toBe(200);
    const anomaly = open.body.data.find((item: { donationId: number }) => item.donationId === donationId);
    expect(anomaly).toMatchObject({ kind: 'amount_mismatch', resolvedAt: null });
    expect(anomaly.message).toMatch(/attendait 30,00\s€ ; Stripe a encaissé 3,00\s€/);

    expect((await admin.client.request('POST', `/api/payment-anomalies/${anomaly.id}/resolve`)).status).toBe(204);
    const after = await admin.client.getJson('/api/payment-anomalies');
    expect(after.body.data.map((item: { id: number }) => item.id)).not.toContain(anomaly.id);
    expect((await admin.client.request('POST', `/api/payment-anomalies/${anomaly.id}/resolve`)).status).toBe(404);
  });
});
