import { afterEach, describe, expect, it } from 'vitest';
import { createPaymentActivities } from '../../activities/payments.ts';
import { createTestApp } from '../../test/app.ts';
import { insertProject, insertSchool, insertUser } from '../../test/fixtures.ts';
import { signIn } from '../../test/lifecycle.ts';
import { expectLedgerConsistent, insertReceivingStructure, recordPaidDonation } from '../../test/money.ts';

const { db, browser, stripe } = await createTestApp();
const payments = createPaymentActivities({ db, stripe });
const admin = await signIn({ db, browser }, 'admin');

afterEach(async () => {
  await expectLedgerConsistent(db);
});

/** A succeeded project paid out to its structure (validated bank details), and the structure's gestionnaire. */
async function paidOutProject() {
  const schoolUai = await insertSchool(db);
  const porteur = await insertUser(db, 'porteur');
  const projectId = await insertProject(db, { schoolUai, porteurId: porteur.id, campaignEndsInDays: 1 });
  const structureId = await insertReceivingStructure(db, { projectId });
  await recordPaidDonation(db, { projectId, amountCents: 40_000 });
  const { payoutId } = await payments.recordPayout({ projectId });
  const gestionnaire = await signIn({ db, browser }, 'gestionnaire', { structureId });
  return { structureId, payoutId, gestionnaire: gestionnaire.client };
}

const IBAN = 'FR7630006000011234567890189';
const BIC = 'AGRIFRPP';
const rename = (client: Awaited<ReturnType<typeof paidOutProject>>['gestionnaire'], id: number, legalName: string) =>
  client.request('PUT', `/api/structures/${id}/bank-details`, { legalName, iban: IBAN, bic: BIC });
const validate = (id: number, reviewed: object) =>
  admin.client.request('POST', `/api/structures/${id}/validate-bank-details`, reviewed);
const exportNow = async () => {
  const response = await admin.client.request('POST', '/api/payout-batches');
  return (await response.json()) as {
    batchId?: number;
    leftOut?: { payoutId: number; reason: string }[];
    details?: { leftOut: { payoutId: number; reason: string }[] };
  };
};

describe('the validation of a structure’s bank details', () => {
  it('lapses when the structure is renamed, and its payout waits for a new one', async () => {
    const { structureId, payoutId, gestionnaire } = await paidOutProject();
    const response = await rename(gestionnaire, structureId, 'Association des parents (OCCE 59)');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      legalName: 'Association des parents (OCCE 59)',
      bankDetailsValidatedAt: null,
      validatedDetails: null,
    });
    const result = await exportNow();
    expect(result.details?.leftOut ?? result.leftOut).toContainEqual(
      expect.objectContaining({ payoutId, reason: expect.stringMatching(/ne sont pas validées/) }),
    );
  });

  it('names what the admin reviewed, and is refused when the details changed since', async () => {
    const { structureId, gestionnaire } = await paidOutProject();
    const before = (await (await admin.client.request('GET', `/api/structures/${structureId}`)).json()) as {
      legalName: string;
      validatedDetails: object;
    };
    expect(before.validatedDetails).toEqual({ legalName: before.legalName, iban: IBAN, bic: BIC });
    await rename(gestionnaire, structureId, 'Coopérative renommée (OCCE 59)');

    const stale = await validate(structureId, { legalName: before.legalName, iban: IBAN, bic: BIC });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { message: string }).message).toMatch(/ont changé depuis que vous les avez/);
    const missing = await validate(structureId, {});
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { message: string }).message).toMatch(/raison sociale relue est obligatoire/);
    const [still] = await db<{ validated: boolean }[]>`
      select bank_details_validated_at is not null as validated from receiving_structures where id = ${structureId}`;
    expect(still?.validated).toBe(false);

    const reviewed = {
      legalName: 'Coopérative renommée (OCCE 59)',
      iban: 'fr76 3000 6000 0112 3456 7890 189',
      bic: BIC,
    };
    const ok = await validate(structureId, reviewed);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      bankDetailsValidatedAt: expect.any(String),
      validatedDetails: { legalName: 'Coopérative renommée (OCCE 59)', iban: IBAN, bic: BIC },
    });
  });

  it('makes out the transfer with the validated name, IBAN and BIC', async () => {
    const { structureId, payoutId, gestionnaire } = await paidOutProject();
    await rename(gestionnaire, structureId, 'Coopérative Jean Jaurès (OCCE 59)');
    expect(
      (await validate(structureId, { legalName: 'Coopérative Jean Jaurès (OCCE 59)', iban: IBAN, bic: BIC })).status,
    ).toBe(200);
    const { batchId } = await exportNow();
    const xml = await (await admin.client.request('GET', `/api/payout-batches/${batchId}/pain.001.xml`)).text();
    const transfer = xml.slice(xml.indexOf(`TAP-PAYOUT-${payoutId}`));
    expect(transfer).toMatch(/<Cdtr>\s*<Nm>Cooperative Jean Jaures \(OCCE 59\)<\/Nm>/);
    expect(transfer).toContain(`<IBAN>${IBAN}</IBAN>`);
  });

  it('lapses too when a reviewed detail changes behind the API’s back, and cannot be set without what was reviewed', async () => {
    const { structureId } = await paidOutProject();
    const validation = () => db<{ validatedAt: Date | null; validatedName: string | null }[]>`
      select bank_details_validated_at as validated_at, bank_details_validated_legal_name as validated_name
      from receiving_structures where id = ${structureId}`;
    await db`update receiving_structures set legal_name = 'Autre nom' where id = ${structureId}`;
    expect(await validation()).toEqual([{ validatedAt: null, validatedName: null }]);
    await db`update receiving_structures set bank_details_validated_at = now() where id = ${structureId}`;
    expect(await validation()).toEqual([{ validatedAt: null, validatedName: null }]);
    await expect(db`
      insert into receiving_structures (school_uai, kind, legal_name, iban, bic, bank_details_validated_at)
      select school_uai, kind, legal_name, iban, bic, now() from receiving_structures where id = ${structureId}`).rejects.toThrow(
      /receiving_structures_validation_check/,
    );
  });
});
