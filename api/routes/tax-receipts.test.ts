import { extractText } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { createPaymentActivities } from '../../activities/payments.ts';
import { signReceiptToken } from '../../domain/email-links.ts';
import { createTestApp } from '../../test/app.ts';
import { linksIn, pathOf } from '../../test/emails.ts';
import { insertProject, insertSchool, insertUser } from '../../test/fixtures.ts';
import { signIn } from '../../test/lifecycle.ts';
import { caughtEmailsTo } from '../../test/mailbox.ts';
import { insertReceivingStructure, recordPaidDonation } from '../../test/money.ts';

const { app, db, browser, stripe, config } = await createTestApp({ worker: true });
const payments = createPaymentActivities({ db, stripe });
const admin = await signIn({ db, browser }, 'admin');

/** Text of a PDF response's pages, joined. */
async function pdfText(response: Response): Promise<string> {
  expect(response.headers.get('content-type')).toBe('application/pdf');
  const { text } = await extractText(new Uint8Array(await response.arrayBuffer()), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

/** Gifts wanting a receipt to a project paid out to its structure; `confirmed` says whether the bank executed it. */
async function paidOutProject(gifts: { amountCents: number; email: string; company?: boolean }[], confirmed = true) {
  const schoolUai = await insertSchool(db, { name: 'École Jean Macé' });
  const porteur = await insertUser(db, 'porteur');
  const projectId = await insertProject(db, { schoolUai, porteurId: porteur.id, campaignEndsInDays: 1 });
  const structureId = await insertReceivingStructure(db, { projectId });
  const donationIds: number[] = [];
  for (const gift of gifts) {
    const id = await recordPaidDonation(db, {
      projectId,
      amountCents: gift.amountCents,
      donorEmail: gift.email,
      donorName: 'Louise Garnier',
    });
    await db`
      update donations set wants_tax_receipt = true, address_line = '12 rue des Lilas', postal_code = '59100',
             city = 'Roubaix', donor_kind = ${gift.company ? 'company' : 'person'},
             company_name = ${gift.company ? 'Boulangerie Garnier SARL' : null}, siren = ${gift.company ? '732829320' : null}
      where id = ${id}`;
    donationIds.push(id);
  }
  await payments.recordPayout({ projectId });
  if (confirmed) {
    // the treasurer exported it and the bank executed it (as POST /api/payout-batches and …/confirm record)
    const [batch] = await db<{ id: number }[]>`
      insert into payout_batches (message_id, payout_count, total_cents, requested_execution_date, file, created_by)
      select ${`TEST-${projectId}`}, 1, amount_cents, current_date, '<Document/>', ${admin.id}
      from payouts where project_id = ${projectId} returning id`;
    await db`update payouts set status = 'confirmed', batch_id = ${batch!.id} where project_id = ${projectId}`;
  }
  return { projectId, structureId, donationIds };
}

const receiptsOf = async (client: ReturnType<typeof browser>, structureId: number) => {
  const response = await client.request('GET', '/api/tax-receipts?perPage=200');
  expect(response.status).toBe(200);
  const page = (await response.json()) as {
    data: { id: number; structureId: number; status: string; number: number | null; donationId: number }[];
  };
  return page.data.filter((receipt) => receipt.structureId === structureId);
};

describe('tax receipts', () => {
  it('appear as drafts only once the bank has paid the structure, and only for gifts still paid', async () => {
    const waiting = await paidOutProject([{ amountCents: 5_000, email: 'a@example.org' }], false);
    const ready = await paidOutProject([
      { amountCents: 12_050, email: 'b@example.org' },
      { amountCents: 3_000, email: 'c@example.org' },
    ]);
    await db`update donations set status = 'refunded', refunded_cents = amount_cents where id = ${ready.donationIds[1]!}`;
    expect(await receiptsOf(admin.client, waiting.structureId)).toEqual([]);
    const drafts = await receiptsOf(admin.client, ready.structureId);
    expect(drafts).toEqual([
      expect.objectContaining({ donationId: ready.donationIds[0], status: 'draft', number: null }),
    ]);
  });

  it('are numbered per structure without gaps or duplicates, even when validated concurrently', async () => {
    const gifts = Array.from({ length: 20 }, (_, index) => ({
      amountCents: 1_000 + index,
      email: `d${index}@example.org`,
    }));
    const { structureId } = await paidOutProject(gifts);
    const gestionnaire = await signIn({ db, browser }, 'gestionnaire', { structureId });
    const drafts = await receiptsOf(gestionnaire.client, structureId);
    expect(drafts).toHaveLength(20);
    const responses = await Promise.all(
      drafts.map((draft) => gestionnaire.client.request('POST', '/api/tax-receipts/validate', { ids: [draft.id] })),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200));
    const numbers = (await receiptsOf(gestionnaire.client, structureId))
      .map((receipt) => receipt.number)
      .sort((a, b) => a! - b!);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
  });

  it('are a PDF with the legal mentions, the structure’s name and the sum in words', async () => {
    const { structureId } = await paidOutProject([{ amountCents: 12_050, email: 'e@example.org', company: true }]);
    const gestionnaire = await signIn({ db, browser }, 'gestionnaire', { structureId });
    const [draft] = await receiptsOf(gestionnaire.client, structureId);
    expect((await gestionnaire.client.request('GET', `/api/tax-receipts/${draft!.id}/pdf`)).status).toBe(404);
    await gestionnaire.client.request('POST', '/api/tax-receipts/validate', { ids: [draft!.id] });
    const response = await gestionnaire.client.request('GET', `/api/tax-receipts/${draft!.id}/pdf`);
    expect(response.status).toBe(200);
    const text = await pdfText(response);
    const [structure] = await db<
      { legalName: string }[]
    >`select legal_name from receiving_structures where id = ${structureId}`;
    const year = new Date().getFullYear();
    expect(text).toContain('Reçu au titre des dons à certains organismes d’intérêt général');
    expect(text).toContain('Articles 200, 238 bis et 978 du code général des impôts');
    expect(text).toContain(`Numéro d’ordre du reçu : ${year}-000001`);
    expect(text).toContain(structure!.legalName);
    expect(text).toContain('Dénomination : Boulangerie Garnier SARL');
    expect(text).toContain('SIREN : 732829320');
    expect(text).toContain('Somme en toutes lettres : cent-vingt euros et cinquante centimes');
    expect(text).toContain('réduction d’impôt prévue à l’article 238 bis du CGI (60 %');
    expect(text).toContain('Forme du don : déclaration de don manuel');

    const other = await signIn({ db, browser }, 'gestionnaire', {
      structureId: (await paidOutProject([{ amountCents: 1_000, email: 'z@example.org' }])).structureId,
    });
    expect((await other.client.request('GET', `/api/tax-receipts/${draft!.id}/pdf`)).status).toBe(404);
    expect((await other.client.request('POST', '/api/tax-receipts/validate', { ids: [] })).status).toBe(400);
  });

  it('reach the donor by e-mail with a link that downloads their receipt; a forged link does not', async () => {
    const email = 'hugo.receipt@example.org';
    const { structureId } = await paidOutProject([{ amountCents: 8_000, email }]);
    const gestionnaire = await signIn({ db, browser }, 'gestionnaire', { structureId });
    const [draft] = await receiptsOf(gestionnaire.client, structureId);
    await gestionnaire.client.request('POST', '/api/tax-receipts/validate', { ids: [draft!.id] });
    const sent = await gestionnaire.client.request('POST', '/api/tax-receipts/send', { ids: [draft!.id] });
    expect(await sent.json()).toEqual({ count: 1 });

    await expect.poll(async () => (await caughtEmailsTo(email)).length, { timeout: 20_000 }).toBe(1);
    const [message] = await caughtEmailsTo(email);
    expect(message!.subject).toBe('Votre reçu fiscal pour « Classe de mer à Wimereux »');
    const link = linksIn(message!.text).find((url) => url.includes('/recus/'))!;
    const download = await app.request(pathOf(link));
    expect(download.status).toBe(200);
    expect(await pdfText(download)).toContain('Somme en toutes lettres : quatre-vingts euros');

    const forged = await signReceiptToken('another-secret-another-secret-another', draft!.id);
    expect((await app.request(`/recus/${forged}`)).status).toBe(404);
    expect(config.EMAIL_LINK_SECRET).not.toBe('another-secret-another-secret-another');
  });

  it('add up in a yearly statement per donor, sent by an admin', async () => {
    const email = 'camille.yearly@example.org';
    const first = await paidOutProject([{ amountCents: 2_000, email }]);
    const second = await paidOutProject([{ amountCents: 3_500, email }]);
    for (const { structureId } of [first, second]) {
      const [draft] = await receiptsOf(admin.client, structureId);
      await admin.client.request('POST', '/api/tax-receipts/validate', { ids: [draft!.id] });
    }
    const year = new Date().getFullYear();
    const response = await admin.client.request('POST', '/api/tax-receipts/yearly-statements', { year });
    expect(((await response.json()) as { count: number }).count).toBeGreaterThanOrEqual(1);
    await expect.poll(async () => (await caughtEmailsTo(email)).length, { timeout: 20_000 }).toBe(1);
    const [message] = await caughtEmailsTo(email);
    const link = linksIn(message!.text).find((url) => url.includes('/recus/annuel'))!;
    const text = await pdfText(await app.request(pathOf(link)));
    expect(text).toContain(`Récapitulatif de vos dons de ${year}`);
    expect(text).toMatch(/55,00 € versés en \d{4} ouvrant droit à réduction d’impôt/);
  });
});
