import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { signInToAdmin, useBrowser } from '../../test/browser.ts';
import { FIXTURE_PASSWORD, insertProject, insertSchool, insertUser } from '../../test/fixtures.ts';
import { insertReceivingStructure, recordPaidDonation } from '../../test/money.ts';
import { deliver, sessionCompleted, startGift } from '../../test/stripe-events.ts';

// Donations and payment anomalies in the back office, in a real browser, served by the real API.
const { app, db, browser } = await createTestApp({ worker: true });
const session = useBrowser(app);

const schoolUai = await insertSchool(db);
const porteur = await insertUser(db, 'porteur');
const projectId = await insertProject(db, { schoolUai, porteurId: porteur.id, campaignEndsInDays: 15 });
const structureId = await insertReceivingStructure(db, { projectId });
await recordPaidDonation(db, {
  projectId,
  amountCents: 7_500,
  donorName: 'Sophie Lambert',
  donorEmail: 'sophie@example.org',
});

describe('donations in the back office', () => {
  it('shows the structure’s gestionnaire its donations with the donor’s details and a CSV export', async () => {
    const gestionnaire = await insertUser(db, 'gestionnaire', { structureId });
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.setDefaultTimeout(20_000);
    await signInToAdmin(page, session.baseUrl, gestionnaire.email, FIXTURE_PASSWORD);
    await page.getByRole('menuitem', { name: 'Dons' }).click();
    await page.getByText('Sophie Lambert').click();
    await page.getByText('E-mail : sophie@example.org').waitFor();
    expect(await page.locator('tbody').textContent()).toMatch(/75,00\s€/);
    const csv = await page.getByRole('link', { name: 'Exporter (CSV)' }).getAttribute('href');
    expect(csv).toMatch(/^\/api\/donations\.csv/);
    await page.screenshot({ path: '.data/e2e-donations.png', fullPage: true });
    await page.close();
  }, 90_000);

  it('lets an admin see a payment whose amount did not match and mark it handled', async () => {
    const gift = await startGift(browser(), db, { projectId, amountCents: 4_000, donorName: 'Marc Petit' });
    const donationId = gift.id;
    await deliver(app, sessionCompleted({ ...gift, amountCents: 400 }));

    const admin = await insertUser(db, 'admin');
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.setDefaultTimeout(20_000);
    await signInToAdmin(page, session.baseUrl, admin.email, FIXTURE_PASSWORD);
    await page.getByRole('menuitem', { name: 'Anomalies de paiement' }).click();
    await page.getByText('Montant différent du don').waitFor();
    await page.getByRole('button', { name: 'Marquer traitée', exact: true }).click();
    await page.getByText('Anomalie marquée comme traitée.').waitFor();
    await expect
      .poll(
        async () =>
          (await db`select resolved_at from payment_anomalies where donation_id = ${donationId}`)[0]?.resolvedAt,
      )
      .toBeInstanceOf(Date);
    await page.close();
  }, 90_000);

  it('lets an admin reconcile the ledger with Stripe and read the differences', async () => {
    const admin = await insertUser(db, 'admin');
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.setDefaultTimeout(30_000);
    await signInToAdmin(page, session.baseUrl, admin.email, FIXTURE_PASSWORD);
    await page.getByRole('menuitem', { name: 'Rapprochements Stripe' }).click();
    await page.getByText(/simulé par stripe-mock, qui ne garde aucun paiement/).waitFor();
    await page.getByRole('button', { name: 'Rapprocher maintenant' }).click();
    await page.getByText(/Rapprochement fait : \d+ écarts?\./).waitFor();
    await page.locator('tbody tr').first().click();
    await page
      .getByText(/sans don correspondant au grand livre/)
      .first()
      .waitFor();
    await page.close();
  }, 90_000);
});
