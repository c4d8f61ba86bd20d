import { describe, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { signInToAdmin, useBrowser } from '../../test/browser.ts';
import { FIXTURE_PASSWORD, insertUser } from '../../test/fixtures.ts';
import { paidOutProject } from '../../test/tax-receipts.ts';

// Tax receipts in the back office: the gestionnaire validates and sends, an admin sends the yearly statements.
const { app, db, stripe } = await createTestApp();
const session = useBrowser(app);
const admin = await insertUser(db, 'admin');
const { structureId } = await paidOutProject({ db, stripe, adminId: admin.id }, [
  { amountCents: 4_000, email: 'ines.receipts@example.org', name: 'Inès Lambert' },
]);

const openPage = async () => {
  const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.setDefaultTimeout(20_000);
  return page;
};

describe('tax receipts in the back office', () => {
  it('lets the gestionnaire validate a receipt, then send it, and filter by status', async () => {
    const gestionnaire = await insertUser(db, 'gestionnaire', { structureId });
    const page = await openPage();
    await signInToAdmin(page, session.baseUrl, gestionnaire.email, FIXTURE_PASSWORD);
    await page.getByRole('menuitem', { name: 'Reçus fiscaux' }).click();
    await page.getByText('Inès Lambert').waitFor();
    await page.getByText('Brouillon').waitFor();
    await page.getByRole('checkbox', { name: 'Tout sélectionner' }).check();
    await page.getByRole('button', { name: 'Valider' }).click();
    await page.getByText('1 reçu validé et numéroté.').waitFor();
    await page.getByText(`${new Date().getFullYear()}-000001`).waitFor();
    await page.getByRole('checkbox', { name: 'Tout sélectionner' }).check();
    await page.getByRole('button', { name: 'Envoyer' }).click();
    await page.getByText('1 reçu envoyé aux donateurs.').waitFor();
    await page.getByText('Envoyé', { exact: true }).waitFor();
    await page.getByLabel('Statut').click();
    await page.getByRole('option', { name: 'Brouillon' }).click();
    await page.getByText('Inès Lambert').waitFor({ state: 'detached' });
    await page.close();
  }, 90_000);

  it('lets an admin send every donor their yearly statement', async () => {
    const page = await openPage();
    await signInToAdmin(page, session.baseUrl, admin.email, FIXTURE_PASSWORD);
    await page.getByRole('menuitem', { name: 'Reçus fiscaux' }).click();
    const year = String(new Date().getFullYear());
    await page.getByLabel('Année').fill(year);
    await page.getByRole('button', { name: 'Envoyer les récapitulatifs annuels' }).click();
    await page.getByText(`Récapitulatif ${year} envoyé à 1 donateur.`).waitFor();
    await page.screenshot({ path: '.data/e2e-tax-receipts-admin.png', fullPage: true });
    await page.close();
  }, 90_000);
});
