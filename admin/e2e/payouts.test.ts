import { describe, expect, it } from 'vitest';
import { createPaymentActivities } from '../../activities/payments.ts';
import { createTestApp } from '../../test/app.ts';
import { signInToAdmin, useBrowser } from '../../test/browser.ts';
import { FIXTURE_PASSWORD, insertProject, insertSchool, insertUser } from '../../test/fixtures.ts';
import { insertReceivingStructure, recordPaidDonation } from '../../test/money.ts';

// The treasurer's payouts and a gestionnaire's bank details, in a real browser served by the real API.
const { app, db, stripe } = await createTestApp();
const session = useBrowser(app);

const schoolUai = await insertSchool(db);
const porteur = await insertUser(db, 'porteur');
const projectId = await insertProject(db, { schoolUai, porteurId: porteur.id, campaignEndsInDays: 1 });
const structureId = await insertReceivingStructure(db, { projectId });
const donationId = await recordPaidDonation(db, { projectId, amountCents: 150_000, donorName: 'Lina Rossi' });
await db`
  update donations set wants_tax_receipt = true, address_line = '3 place du Marché', postal_code = '59000',
         city = 'Lille' where id = ${donationId}`;
await createPaymentActivities({ db, stripe }).recordPayout({ projectId });

const openPage = async () => {
  const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.setDefaultTimeout(20_000);
  return page;
};

describe('payouts and bank details in the back office', () => {
  it('shows a gestionnaire the API’s reason for a wrong IBAN, then saves a right one', async () => {
    const gestionnaire = await insertUser(db, 'gestionnaire', { structureId });
    const page = await openPage();
    await signInToAdmin(page, session.baseUrl, gestionnaire.email, FIXTURE_PASSWORD);
    await page.getByRole('menuitem', { name: 'Structures réceptrices' }).click();
    await page.locator('tbody tr').first().click();
    const iban = page.getByLabel('IBAN', { exact: true });
    await iban.fill('FR76 3000 6000 0112 3456 7890 188');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText(/Cet IBAN n’est pas valide/).waitFor();
    await iban.fill('FR14 2004 1010 0505 0001 3M02 606');
    await page.getByLabel('BIC', { exact: true }).fill('PSSTFRPPLIL');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Coordonnées enregistrées. Un administrateur va les valider.').waitFor();
    const [row] = await db<{ iban: string; validated: boolean }[]>`
      select iban, bank_details_validated_at is not null as validated from receiving_structures where id = ${structureId}`;
    expect(row).toEqual({ iban: 'FR1420041010050500013M02606', validated: false });
    await page.close();
  }, 90_000);

  it('lets the treasurer validate the new details, export the transfer and confirm it', async () => {
    const admin = await insertUser(db, 'admin');
    const page = await openPage();
    await signInToAdmin(page, session.baseUrl, admin.email, FIXTURE_PASSWORD);
    await page.getByRole('menuitem', { name: 'Structures réceptrices' }).click();
    await page.locator('tbody tr').first().click();
    await page.getByRole('button', { name: 'Valider les coordonnées bancaires' }).click();
    await page.getByText('Coordonnées bancaires validées.').waitFor();

    await page.getByRole('menuitem', { name: 'Versements' }).click();
    await page.getByRole('button', { name: 'Exporter les virements' }).click();
    await page.getByText(/1 virement exporté, 1\s500,00\s€\./).waitFor();
    expect(await page.getByRole('link', { name: 'Télécharger le fichier SEPA' }).getAttribute('href')).toMatch(
      /^\/api\/payout-batches\/\d+\/pain\.001\.xml$/,
    );
    await page.getByRole('menuitem', { name: 'Lots de virements' }).click();
    const download = await page.getByRole('link', { name: 'Fichier SEPA' }).getAttribute('href');
    expect(download).toMatch(/^\/api\/payout-batches\/\d+\/pain\.001\.xml$/);
    await page.getByRole('button', { name: 'Confirmer l’exécution' }).click();
    // irreversible: the treasurer is asked first, and told what follows
    const dialog = page.getByRole('dialog', { name: 'La banque a-t-elle exécuté ces virements ?' });
    await dialog.getByText(/chaque versement sera marqué réglé/).waitFor();
    const [before] = await db<{ status: string }[]>`select status from payouts where project_id = ${projectId}`;
    expect(before?.status).not.toBe('confirmed');
    await dialog.getByRole('button', { name: 'Confirmer l’exécution' }).click();
    await page.getByText('Virements confirmés : les versements sont réglés.').waitFor();
    await page.screenshot({ path: '.data/e2e-payout-batches.png', fullPage: true });
    const [payout] = await db<{ status: string }[]>`select status from payouts where project_id = ${projectId}`;
    expect(payout?.status).toBe('confirmed');
    await page.close();
  }, 90_000);

  it('lets the gestionnaire validate the receipt of a gift once the bank has paid the structure', async () => {
    const gestionnaire = await insertUser(db, 'gestionnaire', { structureId });
    const page = await openPage();
    await signInToAdmin(page, session.baseUrl, gestionnaire.email, FIXTURE_PASSWORD);
    await page.getByRole('menuitem', { name: 'Reçus fiscaux' }).click();
    await page.getByText('Lina Rossi').waitFor();
    await page.getByRole('checkbox', { name: 'Tout sélectionner' }).check();
    await page.getByRole('button', { name: 'Valider' }).click();
    await page.getByText('1 reçu validé et numéroté.').waitFor();
    await page.getByText(`${new Date().getFullYear()}-000001`).waitFor();
    expect(await page.getByRole('link', { name: 'PDF' }).getAttribute('href')).toMatch(
      /^\/api\/tax-receipts\/\d+\/pdf$/,
    );
    await page.screenshot({ path: '.data/e2e-tax-receipts.png', fullPage: true });
    await page.close();
  }, 90_000);
});
