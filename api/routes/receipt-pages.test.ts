import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signReceiptToken, signStatementToken } from '../../domain/email-links.ts';
import { createTestApp } from '../../test/app.ts';
import { linksIn, pathOf } from '../../test/emails.ts';
import { signIn } from '../../test/lifecycle.ts';
import { caughtEmailsTo } from '../../test/mailbox.ts';
import { paidOutProject, pdfText, receiptsOf, type ReceiptGift } from '../../test/tax-receipts.ts';

const { app, db, browser, stripe, config } = await createTestApp({ worker: true });
const admin = await signIn({ db, browser }, 'admin');
const paidOut = (gifts: ReceiptGift[]) => paidOutProject({ db, stripe, adminId: admin.id }, gifts);
const addressOf = (name: string) => `${name}.${randomBytes(4).toString('hex')}@example.org`;
const FORGERY_SECRET = 'another-secret-another-secret-another';

/** The first link of the one e-mail the address receives that leads to `path`. */
async function linkTo(email: string, path: string) {
  // the notice's workflow, the outbox and the delivery's shard each take their turn on a busy test machine
  await expect.poll(async () => (await caughtEmailsTo(email)).length, { timeout: 60_000 }).toBe(1);
  const [message] = await caughtEmailsTo(email);
  return { message: message!, link: linksIn(message!.text).find((url) => url.includes(path))! };
}

describe('a donor’s tax receipts, from the links of their e-mails', () => {
  it('reach the donor by e-mail with a link that downloads their receipt; a forged link does not', async () => {
    const email = addressOf('hugo');
    const { structureId } = await paidOut([{ amountCents: 8_000, email }]);
    const gestionnaire = await signIn({ db, browser }, 'gestionnaire', { structureId });
    const [draft] = await receiptsOf(gestionnaire.client, structureId);
    const send = () => gestionnaire.client.request('POST', '/api/tax-receipts/send', { ids: [draft!.id] });
    expect(await (await send()).json()).toEqual({ count: 0 });
    await gestionnaire.client.request('POST', '/api/tax-receipts/validate', { ids: [draft!.id] });
    expect(await (await send()).json()).toEqual({ count: 1 });
    expect(await (await send()).json()).toEqual({ count: 1 });

    const { message, link } = await linkTo(email, '/recus/');
    expect(message.subject).toBe('Votre reçu fiscal pour « Classe de mer à Wimereux »');
    const download = await app.request(pathOf(link));
    expect(download.status).toBe(200);
    const text = await pdfText(download);
    expect(text).toContain('Somme en toutes lettres : quatre-vingts euros');
    expect(text).toContain(`Nom ou dénomination : ${draft!.structureName}`);
    expect(text).toContain('réduction d’impôt prévue à l’article 200 du CGI (66 %');
    expect(await receiptsOf(gestionnaire.client, structureId)).toEqual([expect.objectContaining({ status: 'sent' })]);

    expect(config.EMAIL_LINK_SECRET).not.toBe(FORGERY_SECRET);
    const forged = await signReceiptToken(FORGERY_SECRET, draft!.id);
    expect((await app.request(`/recus/${forged}`)).status).toBe(404);
    const statementToken = await signStatementToken(config.EMAIL_LINK_SECRET, { email, year: 2026 });
    expect((await app.request(`/recus/${statementToken}`)).status).toBe(404);
    expect((await app.request('/recus/not-a-token')).status).toBe(404);
  });

  it('add up in a yearly statement per donor, sent by an admin, across structures', async () => {
    const email = addressOf('camille');
    const first = await paidOut([{ amountCents: 2_000, email }]);
    const second = await paidOut([{ amountCents: 3_500, email: email.toUpperCase() }]);
    const structureNames: string[] = [];
    for (const { structureId } of [first, second]) {
      const [draft] = await receiptsOf(admin.client, structureId);
      await admin.client.request('POST', '/api/tax-receipts/validate', { ids: [draft!.id] });
      structureNames.push(draft!.structureName);
    }
    const year = new Date().getFullYear();
    const response = await admin.client.request('POST', '/api/tax-receipts/yearly-statements', { year });
    expect(((await response.json()) as { count: number }).count).toBeGreaterThanOrEqual(1);
    const { link } = await linkTo(email, '/recus/annuel/');
    const text = await pdfText(await app.request(pathOf(link)));
    expect(text).toContain(`Récapitulatif de vos dons de ${year}`);
    expect(text).toContain('Donateur : Louise Garnier');
    for (const structureName of structureNames) expect(text).toContain(`${year}-000001 — ${structureName}`);
    expect(text).toContain(`55,00 € versés en ${year} ouvrant droit à réduction d’impôt`);

    const forged = await signStatementToken(FORGERY_SECRET, { email, year });
    expect((await app.request(`/recus/annuel/${forged}`)).status).toBe(404);
    const noGifts = await signStatementToken(config.EMAIL_LINK_SECRET, { email, year: year - 1 });
    expect((await app.request(`/recus/annuel/${noGifts}`)).status).toBe(404);
  });
});
