import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { signIn } from '../../test/lifecycle.ts';
import { paidOutProject, pdfText, receiptsOf, type ReceiptGift } from '../../test/tax-receipts.ts';

const { db, browser, stripe } = await createTestApp();
const admin = await signIn({ db, browser }, 'admin');
const paidOut = (gifts: ReceiptGift[], options: { confirmed?: boolean; structureId?: number } = {}) =>
  paidOutProject({ db, stripe, adminId: admin.id }, gifts, options);
const validate = (client: typeof admin.client, ids: number[]) =>
  client.request('POST', '/api/tax-receipts/validate', { ids });

describe('tax receipts for the receiving structure', () => {
  it('appear as drafts only once the bank has paid the structure, and only for gifts still paid', async () => {
    const waiting = await paidOut([{ amountCents: 5_000, email: 'a@example.org' }], { confirmed: false });
    const ready = await paidOut([
      { amountCents: 12_050, email: 'b@example.org' },
      { amountCents: 3_000, email: 'c@example.org' },
    ]);
    await db`update donations set status = 'refunded', refunded_cents = amount_cents where id = ${ready.donationIds[1]!}`;
    expect(await receiptsOf(admin.client, waiting.structureId)).toEqual([]);
    expect(await receiptsOf(admin.client, ready.structureId)).toEqual([
      expect.objectContaining({ donationId: ready.donationIds[0], status: 'draft', number: null, year: null }),
    ]);
  });

  it('drop a draft whose gift is taken back before validation, and follow a partial refund', async () => {
    const { structureId, donationIds } = await paidOut([
      { amountCents: 4_000, email: 'f@example.org' },
      { amountCents: 6_000, email: 'g@example.org' },
    ]);
    const drafts = await receiptsOf(admin.client, structureId);
    expect(drafts).toHaveLength(2);
    await db`update donations set status = 'disputed' where id = ${donationIds[0]!}`;
    await db`update donations set refunded_cents = 1_000 where id = ${donationIds[1]!}`;
    expect(await (await validate(admin.client, [drafts[0]!.id])).json()).toEqual({ count: 0 });
    expect(await receiptsOf(admin.client, structureId)).toEqual([
      expect.objectContaining({ donationId: donationIds[1], status: 'draft', amountCents: 5_000 }),
    ]);
  });

  it('are numbered per structure without gaps or duplicates, even when validated concurrently', async () => {
    const gifts = Array.from({ length: 20 }, (_, index) => ({ amountCents: 1_000 + index, email: `d${index}@ex.org` }));
    const { structureId } = await paidOut(gifts);
    const gestionnaire = await signIn({ db, browser }, 'gestionnaire', { structureId });
    const drafts = await receiptsOf(gestionnaire.client, structureId);
    expect(drafts).toHaveLength(20);
    const responses = await Promise.all(drafts.map((draft) => validate(gestionnaire.client, [draft.id])));
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200));
    const numbers = (await receiptsOf(gestionnaire.client, structureId)).map((receipt) => receipt.number);
    expect(numbers.sort((a, b) => a! - b!)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
  });

  it('never deadlock when two validations take two structures in opposite orders', async () => {
    // drafts opened one project at a time, alternating structures: ids S1, S2, S1, S2, S1, S2
    const gift = [{ amountCents: 2_000, email: 'm@example.org' }];
    const opened = async <T extends { structureId: number }>(project: T) => {
      await receiptsOf(admin.client, project.structureId); // listing opens the drafts
      return project;
    };
    const [s1, s2] = [await opened(await paidOut(gift)), await opened(await paidOut(gift))];
    for (let round = 0; round < 2; round += 1) {
      for (const { structureId } of [s1, s2]) await opened(await paidOut(gift, { structureId }));
    }
    const receipts = (await receiptsOf(admin.client, s1.structureId))
      .concat(await receiptsOf(admin.client, s2.structureId))
      .sort((a, b) => a.id - b.id);
    expect(receipts.map((receipt) => receipt.structureId)).toEqual([s1, s2, s1, s2, s1, s2].map((s) => s.structureId));
    const [r0, r1, r2, r3, r4, r5] = receipts.map((receipt) => receipt.id) as number[];
    await validate(admin.client, [r0!, r1!]); // both counters exist now

    // a third transaction holds S1's counter; A (S1, then S2) queues first, then B (S2 first by id, then S1)
    const waiting = async () =>
      (await db`select from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`).length;
    const holder = await db.reserve();
    await holder`begin`;
    await holder`select from tax_receipt_counters where structure_id = ${s1.structureId} for update`;
    const a = validate(admin.client, [r2!, r5!]);
    await expect.poll(waiting).toBe(1);
    const b = validate(admin.client, [r3!, r4!]);
    await expect.poll(waiting).toBe(2);
    await holder`rollback`;
    holder.release();
    expect((await Promise.all([a, b])).map((response) => response.status)).toEqual([200, 200]);
    for (const { structureId } of [s1, s2]) {
      const numbers = (await receiptsOf(admin.client, structureId)).map((receipt) => receipt.number);
      expect(numbers.sort()).toEqual([1, 2, 3]);
    }
  });

  it('are a PDF with the legal mentions, the structure’s name and the sum in words', async () => {
    const { structureId } = await paidOut([{ amountCents: 12_050, email: 'e@example.org', company: true }]);
    const gestionnaire = await signIn({ db, browser }, 'gestionnaire', { structureId });
    const [draft] = await receiptsOf(gestionnaire.client, structureId);
    expect((await gestionnaire.client.request('GET', `/api/tax-receipts/${draft!.id}/pdf`)).status).toBe(404);
    await validate(gestionnaire.client, [draft!.id]);
    const response = await gestionnaire.client.request('GET', `/api/tax-receipts/${draft!.id}/pdf`);
    expect(response.status).toBe(200);
    const text = await pdfText(response);
    const year = new Date().getFullYear();
    expect(text).toContain('Reçu au titre des dons à certains organismes d’intérêt général');
    expect(text).toContain('Articles 200, 238 bis et 978 du code général des impôts');
    expect(text).toContain(`Numéro d’ordre du reçu : ${year}-000001`);
    expect(text).toContain(`Nom ou dénomination : ${draft!.structureName}`);
    expect(text).toContain('Dénomination : Boulangerie Garnier SARL');
    expect(text).toContain('SIREN : 732829320');
    expect(text).toContain('Somme en toutes lettres : cent-vingt euros et cinquante centimes');
    expect(text).toContain('réduction d’impôt prévue à l’article 238 bis du CGI (60 %');
    expect(text).toContain('Forme du don : déclaration de don manuel');
    expect(text).toMatch(/Fait à .+, le \d{1,2} \S+ \d{4}/);
  });

  it('state what they stated when issued, even after the gift or the structure changes', async () => {
    const { structureId, donationIds } = await paidOut([{ amountCents: 7_000, email: 'h@example.org' }]);
    const [draft] = await receiptsOf(admin.client, structureId);
    await validate(admin.client, [draft!.id]);
    await db`update receiving_structures set legal_name = 'Nouveau nom' where id = ${structureId}`;
    await db`update donations set donor_name = 'Autre Personne', city = 'Lille' where id = ${donationIds[0]!}`;
    const text = await pdfText(await admin.client.request('GET', `/api/tax-receipts/${draft!.id}/pdf`));
    expect(text).toContain(`Nom ou dénomination : ${draft!.structureName}`);
    expect(text).toContain('Nom et prénom : Louise Garnier');
    expect(text).toContain('Adresse : 12 rue des Lilas, 59100 Roubaix');
    expect(text).not.toContain('Nouveau nom');
    expect(await receiptsOf(admin.client, structureId)).toEqual([
      expect.objectContaining({ structureName: draft!.structureName, donorName: 'Louise Garnier' }),
    ]);
  });

  it('write any donor’s name as it is spelt, beyond the letters of French', async () => {
    const name = 'Łukasz Wójcik-Nguyễn Şahin';
    const { structureId } = await paidOut([{ amountCents: 5_000, email: 'n@example.org', name }]);
    const [draft] = await receiptsOf(admin.client, structureId);
    await validate(admin.client, [draft!.id]);
    const text = await pdfText(await admin.client.request('GET', `/api/tax-receipts/${draft!.id}/pdf`));
    expect(text).toContain(`Nom et prénom : ${name}`);
    expect(text).toContain('Somme en toutes lettres : cinquante euros');
  });

  it('are another structure’s business: its gestionnaire neither sees, validates nor downloads them', async () => {
    const mine = await paidOut([{ amountCents: 1_500, email: 'i@example.org' }]);
    const theirs = await paidOut([{ amountCents: 2_500, email: 'j@example.org' }]);
    const other = await signIn({ db, browser }, 'gestionnaire', { structureId: theirs.structureId });
    const [receipt] = await receiptsOf(admin.client, mine.structureId);
    expect(await receiptsOf(other.client, mine.structureId)).toEqual([]);
    expect(await (await validate(other.client, [receipt!.id])).json()).toEqual({ count: 0 });
    expect(await receiptsOf(admin.client, mine.structureId)).toEqual([expect.objectContaining({ status: 'draft' })]);
    await validate(admin.client, [receipt!.id]);
    expect((await other.client.request('GET', `/api/tax-receipts/${receipt!.id}/pdf`)).status).toBe(404);
    expect((await validate(other.client, [])).status).toBe(400);
  });

  it('are listed by status', async () => {
    const { structureId } = await paidOut([
      { amountCents: 1_000, email: 'k@example.org' },
      { amountCents: 1_100, email: 'l@example.org' },
    ]);
    const gestionnaire = await signIn({ db, browser }, 'gestionnaire', { structureId });
    const [first] = await receiptsOf(gestionnaire.client, structureId);
    await validate(gestionnaire.client, [first!.id]);
    const page = async (status: string) =>
      (await (await gestionnaire.client.request('GET', `/api/tax-receipts?status=${status}`)).json()) as {
        data: { id: number }[];
        total: number;
      };
    expect((await page('validated')).data.map((receipt) => receipt.id)).toEqual([first!.id]);
    expect((await page('draft')).total).toBe(1);
    expect((await gestionnaire.client.request('GET', '/api/tax-receipts?status=lost')).status).toBe(400);
  });
});
