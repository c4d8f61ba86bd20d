import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { afterEach, describe, expect, it } from 'vitest';
import { createPaymentActivities } from '../../activities/payments.ts';
import { balanceOf } from '../../db/queries/ledger.ts';
import { createTestApp } from '../../test/app.ts';
import { insertProject, insertSchool, insertUser } from '../../test/fixtures.ts';
import { signIn } from '../../test/lifecycle.ts';
import { expectLedgerConsistent, insertReceivingStructure, recordPaidDonation } from '../../test/money.ts';

// The official ISO 20022 schema of pain.001.001.03 (vendored from the PyPI package sepaxml 2.7.0, see test/schemas).
const PAIN_001_XSD = readFileSync(new URL('../../test/schemas/pain.001.001.03.xsd', import.meta.url), 'utf8');

const { db, browser, stripe } = await createTestApp();
const payments = createPaymentActivities({ db, stripe });
const admin = await signIn({ db, browser }, 'admin');

afterEach(async () => {
  await expectLedgerConsistent(db);
});

/** A succeeded project paid out to its structure (validated bank details): the payout and its structure. */
async function paidOutProject(amountCents: number) {
  const schoolUai = await insertSchool(db);
  const porteur = await insertUser(db, 'porteur');
  const projectId = await insertProject(db, { schoolUai, porteurId: porteur.id, campaignEndsInDays: 1 });
  const structureId = await insertReceivingStructure(db, { projectId });
  await recordPaidDonation(db, { projectId, amountCents });
  const { payoutId } = await payments.recordPayout({ projectId });
  return { projectId, structureId, payoutId };
}

const exportNow = () => admin.client.request('POST', '/api/payout-batches');

describe('payouts exported as a SEPA credit transfer file', () => {
  it('puts every ready payout in one pain.001.001.03 file that the official schema accepts', async () => {
    const first = await paidOutProject(180_050);
    const second = await paidOutProject(99_950);
    const response = await exportNow();
    expect(response.status).toBe(201);
    const result = (await response.json()) as { batchId: number; exported: number; totalCents: number };
    expect(result).toMatchObject({ exported: 2, totalCents: 280_000, leftOut: [] });

    const download = await admin.client.request('GET', `/api/payout-batches/${result.batchId}/pain.001.xml`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toContain('application/xml');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="TAP-\d{8}-[0-9A-F]{8}\.xml"$/);
    const xml = await download.text();
    const validation = await validateXML({
      xml: [{ fileName: 'virements.xml', contents: xml }],
      schema: [{ fileName: 'pain.001.001.03.xsd', contents: PAIN_001_XSD }],
    });
    expect(validation.errors).toEqual([]);
    expect(validation.valid).toBe(true);
    // the same check refuses a file without its debtor's account
    const broken = await validateXML({
      xml: [{ fileName: 'casse.xml', contents: xml.replace(/<DbtrAcct>[\s\S]*?<\/DbtrAcct>/, '') }],
      schema: [{ fileName: 'pain.001.001.03.xsd', contents: PAIN_001_XSD }],
    });
    expect(broken.valid).toBe(false);
    expect(xml).toContain('<CtrlSum>2800.00</CtrlSum>');
    expect(xml).toContain(`<EndToEndId>TAP-PAYOUT-${first.payoutId}</EndToEndId>`);
    expect(xml).toContain(`<EndToEndId>TAP-PAYOUT-${second.payoutId}</EndToEndId>`);
    expect(xml).toContain('<InstdAmt Ccy="EUR">1800.50</InstdAmt>');
    expect(xml).toContain('<IBAN>FR7630006000011234567890189</IBAN>');

    const exported = await admin.client.getJson(`/api/payouts?status=exported&batchId=${result.batchId}`);
    expect(exported.body.total).toBe(2);
    expect((await exportNow()).status).toBe(409);
  });

  it('leaves out a structure whose new IBAN is not validated yet, and says why', async () => {
    const ready = await paidOutProject(50_000);
    const changed = await paidOutProject(70_000);
    const gestionnaire = await signIn({ db, browser }, 'gestionnaire', { structureId: changed.structureId });
    const update = await gestionnaire.client.request('PUT', `/api/structures/${changed.structureId}/bank-details`, {
      legalName: 'Coopérative scolaire de l’école (OCCE 59)',
      siret: '123 456 782 00017',
      legalRepresentative: 'Claire Dubois',
      iban: 'FR14 2004 1010 0505 0001 3M02 606',
      bic: 'PSSTFRPPLIL',
    });
    expect(update.status).toBe(200);
    expect(await update.json()).toMatchObject({ iban: 'FR1420041010050500013M02606', bankDetailsValidatedAt: null });

    const response = await exportNow();
    const result = (await response.json()) as { exported: number; leftOut: { payoutId: number; reason: string }[] };
    expect(result.exported).toBe(1);
    expect(result.leftOut).toEqual([
      expect.objectContaining({ payoutId: changed.payoutId, reason: expect.stringMatching(/ne sont pas validées/) }),
    ]);
    const [row] = await db<{ status: string }[]>`select status from payouts where id = ${ready.payoutId}`;
    expect(row?.status).toBe('exported');

    const reviewed = {
      legalName: 'Coopérative scolaire de l’école (OCCE 59)',
      iban: 'FR1420041010050500013M02606',
      bic: 'PSSTFRPPLIL',
    };
    const validation = `/api/structures/${changed.structureId}/validate-bank-details`;
    expect((await admin.client.request('POST', validation, reviewed)).status).toBe(200);
    const next = (await (await exportNow()).json()) as { exported: number; batchId: number };
    expect(next.exported).toBe(1);
    const file = await admin.client.request('GET', `/api/payout-batches/${next.batchId}/pain.001.xml`);
    expect(await file.text()).toContain('<IBAN>FR1420041010050500013M02606</IBAN>');
  });

  it('never puts a payout in two files when two exports run at once', async () => {
    const ids = [
      (await paidOutProject(10_000)).payoutId,
      (await paidOutProject(20_000)).payoutId,
      (await paidOutProject(30_000)).payoutId,
    ];
    const responses = await Promise.all([exportNow(), exportNow(), exportNow()]);
    expect(responses.map((response) => response.status).sort()).toEqual([201, 409, 409]);
    const [counts] = await db<{ recorded: number }[]>`
      select count(*)::int as recorded from payouts where status = 'recorded'`;
    expect(counts?.recorded).toBe(0);
    // every file ever written names each of these payouts once, all together
    const files = await db<{ file: string }[]>`select file from payout_batches`;
    for (const id of ids) {
      const mentions = files.flatMap(({ file }) => file.match(new RegExp(`>TAP-PAYOUT-${id}<`, 'g')) ?? []);
      expect(mentions, `payout ${id}`).toHaveLength(1);
    }
    const [batch] = await db<{ batches: number }[]>`
      select count(distinct batch_id)::int as batches from payouts where id = any(${ids}::bigint[])`;
    expect(batch?.batches).toBe(1);
  });

  it('settles a confirmed batch in the ledger once, from payable to paid', async () => {
    const { structureId } = await paidOutProject(42_000);
    const { batchId } = (await (await exportNow()).json()) as { batchId: number };
    expect(await balanceOf(db, `structure:${structureId}:payable`)).toBe(42_000);
    const confirm = await admin.client.request('POST', `/api/payout-batches/${batchId}/confirm`);
    expect(await confirm.json()).toEqual({ batchId, confirmed: 1, newlySettled: 1 });
    const again = await admin.client.request('POST', `/api/payout-batches/${batchId}/confirm`);
    expect(await again.json()).toEqual({ batchId, confirmed: 1, newlySettled: 0 });
    expect(await balanceOf(db, `structure:${structureId}:payable`)).toBe(0);
    expect(await balanceOf(db, `structure:${structureId}:paid`)).toBe(42_000);
    const [payout] = await db<{ status: string }[]>`select status from payouts where batch_id = ${batchId}`;
    expect(payout?.status).toBe('confirmed');
    expect((await admin.client.request('POST', '/api/payout-batches/999999/confirm')).status).toBe(404);
  });
});

describe('a receiving structure’s bank details', () => {
  it('are refused with the reason when the IBAN or BIC is wrong, and nothing changes', async () => {
    const { structureId } = await paidOutProject(5_000);
    const gestionnaire = await signIn({ db, browser }, 'gestionnaire', { structureId });
    const details = { legalName: 'OCCE 59', siret: null, legalRepresentative: 'Claire Dubois', bic: 'AGRIFRPP' };
    const wrongIban = await gestionnaire.client.request('PUT', `/api/structures/${structureId}/bank-details`, {
      ...details,
      iban: 'FR76 3000 6000 0112 3456 7890 188',
    });
    expect(wrongIban.status).toBe(400);
    expect(((await wrongIban.json()) as { message: string }).message).toMatch(/Cet IBAN n’est pas valide/);
    const wrongBic = await gestionnaire.client.request('PUT', `/api/structures/${structureId}/bank-details`, {
      ...details,
      iban: 'FR7630006000011234567890189',
      bic: 'AGRI',
    });
    expect(((await wrongBic.json()) as { message: string }).message).toMatch(/Ce BIC n’est pas valide/);
    const [row] = await db<{ legalName: string; validated: boolean }[]>`
      select legal_name, bank_details_validated_at is not null as validated from receiving_structures
      where id = ${structureId}`;
    expect(row?.validated).toBe(true);
    expect(row?.legalName).not.toBe('OCCE 59');
  });

  it('keep the legal fields left out, and their validation while the IBAN and BIC stay the same', async () => {
    const { structureId } = await paidOutProject(5_000);
    const gestionnaire = await signIn({ db, browser }, 'gestionnaire', { structureId });
    const before = (await (await gestionnaire.client.request('GET', `/api/structures/${structureId}`)).json()) as {
      legalName: string;
      iban: string;
      bic: string;
    };
    const same = await gestionnaire.client.request('PUT', `/api/structures/${structureId}/bank-details`, {
      legalRepresentative: 'Marc Lefèvre',
      iban: before.iban.toLowerCase().replace(/(.{4})/g, '$1 '),
      bic: before.bic,
    });
    expect(same.status).toBe(200);
    expect(await same.json()).toMatchObject({
      legalName: before.legalName,
      legalRepresentative: 'Marc Lefèvre',
      bankDetailsValidatedAt: expect.any(String),
    });
    const [audit] = await db<{ details: { iban: string } }[]>`
      select details from audit_log where entity_type = 'receiving_structure' and entity_id = ${String(structureId)}
      order by id desc limit 1`;
    expect(audit?.details.iban).toMatch(/^FR76 •••• •••• \d{4}$/);
  });

  it('are missing: the export says the structure has not entered them yet', async () => {
    const { payoutId, structureId } = await paidOutProject(5_000);
    await db`update receiving_structures set iban = null, bic = null, bank_details_validated_at = null
             where id = ${structureId}`;
    await exportNow(); // whatever earlier tests left ready
    const response = await exportNow();
    expect(response.status).toBe(409);
    const body = (await response.json()) as { details: { leftOut: { payoutId: number; reason: string }[] } };
    expect(body.details.leftOut).toContainEqual(
      expect.objectContaining({ payoutId, reason: expect.stringMatching(/n’a pas encore saisi ses coordonnées/) }),
    );
    const [row] = await db<{ status: string }[]>`select status from payouts where id = ${payoutId}`;
    expect(row?.status).toBe('recorded');
  });

  it('are another structure’s business: its gestionnaire alone (and admins) may see or change them', async () => {
    const { structureId } = await paidOutProject(5_000);
    const other = await paidOutProject(5_000);
    const gestionnaire = await signIn({ db, browser }, 'gestionnaire', { structureId });
    expect((await gestionnaire.client.request('GET', `/api/structures/${other.structureId}`)).status).toBe(404);
    const mine = await gestionnaire.client.getJson('/api/structures');
    expect(mine.body.data.map((structure: { id: number }) => structure.id)).toEqual([structureId]);
    const porteur = await signIn({ db, browser }, 'porteur');
    expect((await porteur.client.request('GET', `/api/structures/${structureId}`)).status).toBe(403);
    expect(
      (await gestionnaire.client.request('POST', `/api/structures/${structureId}/validate-bank-details`)).status,
    ).toBe(403);
  });
});
