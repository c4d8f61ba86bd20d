import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { signIn } from '../../test/lifecycle.ts';
import { caughtEmailsTo } from '../../test/mailbox.ts';
import { paidOutProject, pdfText, receiptsOf } from '../../test/tax-receipts.ts';

// Dates and sums written the French way, by domain/format.ts, in an e-mail, a PDF and a CSV file alike.
const { db, browser, stripe } = await createTestApp({ worker: true });
const admin = await signIn({ db, browser }, 'admin');
const email = `lea.${randomBytes(4).toString('hex')}@example.org`;
const { structureId } = await paidOutProject({ db, stripe, adminId: admin.id }, [{ amountCents: 1_234_550, email }]);
const gestionnaire = await signIn({ db, browser }, 'gestionnaire', { structureId });
const [draft] = await receiptsOf(gestionnaire.client, structureId);
await db`update tax_receipts set paid_on = '2026-03-01' where id = ${draft!.id}`;
await db`update donations set paid_at = '2026-03-01T10:30:00Z' where donor_email = ${email}`;
await gestionnaire.client.request('POST', '/api/tax-receipts/validate', { ids: [draft!.id] });
const year = new Date().getFullYear();

describe('French formats in documents', () => {
  it('writes the tax receipt PDF’s sum and dates in French, the first of the month as « 1er »', async () => {
    const response = await gestionnaire.client.request('GET', `/api/tax-receipts/${draft!.id}/pdf`);
    const text = (await pdfText(response)).replace(/\s+/g, ' ');
    expect(text).toMatch(/la somme de : 12 345,50 €/);
    expect(text).toContain('Date du versement ou du don : 1er mars 2026');
  });

  it('tells the donor by e-mail the receipt’s number, sum and date in French', async () => {
    await gestionnaire.client.request('POST', '/api/tax-receipts/send', { ids: [draft!.id] });
    await expect.poll(async () => (await caughtEmailsTo(email)).length, { timeout: 60_000 }).toBe(1);
    const [message] = await caughtEmailsTo(email);
    expect(message!.text.replace(/\s+/g, ' ')).toContain(
      `Reçu n° ${year}-000001 : 12 345,50 € donnés le 1er mars 2026.`,
    );
  }, 90_000);

  it('writes the donations CSV’s dates as French Excel reads them, and sums with a decimal comma', async () => {
    const response = await gestionnaire.client.request('GET', '/api/donations.csv');
    const line = (await response.text()).split('\r\n').find((row) => row.includes(email));
    expect(line).toContain(';12345,50;0,00;');
    expect(line).toMatch(/;01\/03\/2026$/);
  });
});
