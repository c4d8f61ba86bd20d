import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../test/app.ts';
import { seriousViolations, useBrowser } from '../test/browser.ts';
import { signInEmailsTo, signInLinkTo } from '../test/donor-space.ts';
import { pathOf } from '../test/emails.ts';
import { insertProject, insertSchool, insertUser } from '../test/fixtures.ts';
import { signIn } from '../test/lifecycle.ts';
import { recordPaidDonation } from '../test/money.ts';
import { paidOutProject, receiptsOf } from '../test/tax-receipts.ts';

// The donor space in Chromium: a donor gives, asks for a sign-in link, follows it from the e-mail and finds the gift;
// no serious or critical accessibility violation on the space's pages, on a desktop and on a 390 px phone, and the
// focus on the message of a refused form.
// (each test may take minutes on a machine shared by many test runs: the time limits are generous)
const { app, db, browser, stripe } = await createTestApp({ worker: true });
const session = useBrowser(app);

const schoolUai = await insertSchool(db, { name: 'École Jean Jaurès' });
const porteur = await insertUser(db, 'porteur');
const collecting = await insertProject(db, { schoolUai, porteurId: porteur.id, campaignEndsInDays: 12 });
const failed = await insertProject(db, { schoolUai, porteurId: porteur.id, campaignEndsInDays: 1 });
await db`update projects set title = 'Potager partagé', status = 'failed' where id = ${failed}`;
// a donor with every section filled: a gift collecting, a choice open, a receipt issued
const RICH = 'sacha.leroy@example.org';
await recordPaidDonation(db, { projectId: collecting, amountCents: 2_500, donorEmail: RICH, donorName: 'Sacha Leroy' });
await recordPaidDonation(db, { projectId: failed, amountCents: 4_000, donorEmail: RICH, donorName: 'Sacha Leroy' });
const admin = await signIn({ db, browser }, 'admin');
const paidOut = await paidOutProject({ db, stripe, adminId: admin.id }, [{ amountCents: 8_000, email: RICH }]);
const [draft] = await receiptsOf(admin.client, paidOut.structureId);
await admin.client.request('POST', '/api/tax-receipts/validate', { ids: [draft!.id] });

/** Asks for the address's sign-in link on /donateur and opens the page of the link it receives. */
async function followSignInLink(page: Page, email: string) {
  const before = (await signInEmailsTo(email)).length;
  await page.goto(`${session.baseUrl}/donateur`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByRole('button', { name: 'Recevoir mon lien de connexion' }).click();
  await page.getByRole('heading', { name: 'Consultez votre messagerie' }).waitFor();
  await page.goto(`${session.baseUrl}${pathOf(await signInLinkTo(email, before + 1))}`);
}

describe('a donor’s walk to their space', () => {
  it('gives, asks for a sign-in link, opens it from the e-mail and finds the gift in the space', async () => {
    const page = await session.browser.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${session.baseUrl}/projets/${collecting}`);
    await page.getByLabel(/^50 €/).check();
    await page.getByLabel('Nom et prénom').fill('Nadia Benali');
    await page.getByLabel('Adresse e-mail').fill('nadia.benali@example.org');
    await page.getByRole('button', { name: 'Continuer vers le paiement sécurisé' }).click();
    await page.getByRole('button', { name: 'Payer 50,00 €' }).click();
    await page.getByRole('heading', { name: 'Merci pour votre don !' }).waitFor();

    await page.getByRole('link', { name: 'Espace donateur', exact: true }).click();
    await followSignInLink(page, 'nadia.benali@example.org');
    await page.getByRole('button', { name: 'Ouvrir mon espace donateur' }).click();
    await page.getByRole('heading', { name: 'Vos dons' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Classe de mer à Wimereux' });
    expect((await row.innerText()).replace(/\s+/g, ' ')).toMatch(
      /Classe de mer à Wimereux 50,00 € payé — collecte en cours$/,
    );
    await page.close();
  }, 180_000);
});

describe('accessibility of the donor space', () => {
  for (const [label, width, height] of [
    ['desktop', 1280, 800],
    ['390 px phone', 390, 844],
  ] as const) {
    it(`has no serious or critical violation on its pages (${label})`, async () => {
      const context: BrowserContext = await session.browser.newContext({ viewport: { width, height } });
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      const found: Record<string, string[]> = {};
      await page.goto(`${session.baseUrl}/donateur`);
      found['sign-in form'] = await seriousViolations(page);
      await page.getByLabel('Adresse e-mail').fill('pas-une-adresse@');
      await page.locator('form').evaluate((form: HTMLFormElement) => (form.noValidate = true));
      await page.getByRole('button', { name: 'Recevoir mon lien de connexion' }).click();
      await page.getByRole('alert').waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('erreurs');
      found['refused address'] = await seriousViolations(page);
      await followSignInLink(page, RICH);
      found['link page'] = await seriousViolations(page);
      await page.getByRole('button', { name: 'Ouvrir mon espace donateur' }).click();
      await page.getByRole('heading', { name: 'Vos choix en attente' }).waitFor();
      found.space = await seriousViolations(page);
      await page
        .getByRole('button', { name: 'Envoyer le message' })
        .evaluate((b) => b.closest('form')!.setAttribute('novalidate', ''));
      await page.getByRole('button', { name: 'Envoyer le message' }).click();
      await page.getByRole('alert').waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('erreur-message');
      found['refused message'] = await seriousViolations(page);
      if (width === 390) await page.screenshot({ path: '.data/e2e-donor-space-390.png', fullPage: true });
      await context.close();
      expect(found).toEqual({
        'sign-in form': [],
        'refused address': [],
        'link page': [],
        space: [],
        'refused message': [],
      });
    }, 180_000);
  }
});
