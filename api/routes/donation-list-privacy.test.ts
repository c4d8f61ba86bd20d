import { describe, expect, it } from 'vitest';
import { createTestApp, type Browser } from '../../test/app.ts';
import { insertProject, insertSchool } from '../../test/fixtures.ts';
import { signIn } from '../../test/lifecycle.ts';
import { insertReceivingStructure, recordPaidDonation } from '../../test/money.ts';

const { db, browser } = await createTestApp();

// one project, four donors: all shown, name hidden, amount hidden, both hidden (amounts chosen so that the
// order of the real amounts and names differs from the order a porteur is shown)
const schoolUai = await insertSchool(db);
const porteur = await signIn({ db, browser }, 'porteur');
const projectId = await insertProject(db, { schoolUai, porteurId: porteur.id, campaignEndsInDays: 10 });
const structureId = await insertReceivingStructure(db, { projectId });
const give = async (donorName: string, amountCents: number, hide: { name?: boolean; amount?: boolean } = {}) => {
  const id = await recordPaidDonation(db, {
    projectId,
    amountCents,
    donorName,
    donorEmail: `${donorName.split(' ')[0]!.toLowerCase()}.secret@example.org`,
  });
  await db`update donations set hide_name = ${hide.name ?? false}, hide_amount = ${hide.amount ?? false} where id = ${id}`;
  return id;
};
const alice = await give('Alice Visible', 3_000);
const bruno = await give('Bruno Cache', 1_000, { name: true });
const chloe = await give('Chloé Montant', 5_000, { amount: true });
const denis = await give('Denis Double', 2_000, { name: true, amount: true });

const idsFor = async (client: Browser, query: string) => {
  const response = await client.request('GET', `/api/donations?projectId=${projectId}&${query}`);
  expect(response.status).toBe(200);
  const page = (await response.json()) as { data: { id: number }[]; total: number };
  expect(page.total).toBe(page.data.length);
  return page.data.map((row) => row.id);
};

describe('what a porteur may search and sort the donations by', () => {
  it('finds no donor by a hidden name, and a donor whose amount only is hidden by their name', async () => {
    expect(await idsFor(porteur.client, 'q=bruno')).toEqual([]);
    expect(await idsFor(porteur.client, 'q=Double')).toEqual([]);
    expect(await idsFor(porteur.client, 'q=chlo')).toEqual([chloe]);
    expect(await idsFor(porteur.client, 'q=alice')).toEqual([alice]);
  });

  it('finds no donor by any part of an e-mail address', async () => {
    for (const q of ['alice.secret', 'secret', '%40example.org', '.org', '%40']) {
      expect(await idsFor(porteur.client, `q=${q}`)).toEqual([]);
    }
  });

  it('sorts hidden amounts and names as if they were absent: last when ascending, first when descending, by id', async () => {
    expect(await idsFor(porteur.client, 'sort=amountCents&order=ASC')).toEqual([bruno, alice, chloe, denis]);
    expect(await idsFor(porteur.client, 'sort=amountCents&order=DESC')).toEqual([chloe, denis, alice, bruno]);
    expect(await idsFor(porteur.client, 'sort=donorName&order=ASC')).toEqual([alice, chloe, bruno, denis]);
    expect(await idsFor(porteur.client, 'sort=donorName&order=DESC')).toEqual([bruno, denis, chloe, alice]);
  });

  it('exports no donor found by a hidden name or an e-mail', async () => {
    for (const q of ['bruno', 'secret']) {
      const response = await porteur.client.request('GET', `/api/donations.csv?projectId=${projectId}&q=${q}`);
      expect(response.status).toBe(200);
      expect((await response.text()).trimEnd().split('\r\n')).toHaveLength(1);
    }
  });
});

describe('what the gestionnaire and admins, who see every detail, may search and sort by', () => {
  it.each(['gestionnaire', 'admin'] as const)(
    'a %s finds donors by hidden names and e-mails and sorts by real amounts',
    async (role) => {
      const { client } = await signIn({ db, browser }, role, role === 'gestionnaire' ? { structureId } : {});
      expect(await idsFor(client, 'q=bruno')).toEqual([bruno]);
      expect(await idsFor(client, 'q=denis.secret%40example')).toEqual([denis]);
      expect(await idsFor(client, 'sort=amountCents&order=ASC')).toEqual([bruno, denis, alice, chloe]);
      expect(await idsFor(client, 'sort=donorName&order=DESC')).toEqual([denis, chloe, bruno, alice]);
    },
  );
});
