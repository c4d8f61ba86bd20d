import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../test/app.ts';
import { useBrowser } from '../test/browser.ts';
import { signInEmailsTo, signInLinkTo } from '../test/donor-space.ts';
import { pathOf } from '../test/emails.ts';
import { insertProject, insertSchool, insertUser } from '../test/fixtures.ts';
import { recordPaidDonation } from '../test/money.ts';
import { closeCampaign } from '../test/public-site.ts';

// A donor's journeys in Chromium: from the home page through a search of the catalogue to a gift, to the donor space
// by the link e-mailed to them, and to the report of a project they funded; and the same reading and giving with
// JavaScript turned off.
const { app, db } = await createTestApp({ worker: true });
const session = useBrowser(app);

const DONOR = `nadia.benali.${randomBytes(3).toString('hex')}@example.org`;
const schoolUai = await insertSchool(db, { name: 'École Jean Jaurès' });
const porteur = await insertUser(db, 'porteur');
const collecting = await insertProject(db, { schoolUai, porteurId: porteur.id, campaignEndsInDays: 12 });
await recordPaidDonation(db, { projectId: collecting, amountCents: 30_000, donorName: 'Lucie Bernard' });
const other = await insertProject(db, { schoolUai, porteurId: porteur.id, campaignEndsInDays: 5 });
await db`update projects set title = 'Chorale des CP', theme = 'arts_culture' where id = ${other}`;
const funded = await insertProject(db, { schoolUai, porteurId: porteur.id, campaignEndsInDays: 1 });
await db`update projects set title = 'Atelier de théâtre' where id = ${funded}`;
await recordPaidDonation(db, { projectId: funded, amountCents: 4_000, donorEmail: DONOR, donorName: 'Nadia Benali' });
await recordPaidDonation(db, { projectId: funded, amountCents: 176_000 });
await closeCampaign(db, funded, { to: 'succeeded', at: '2026-11-30T10:00:00Z', then: 'completed' });
await db`insert into project_reports (project_id, version, what_was_done, pupils_reached, actual_spend_cents, submitted_by)
         values (${funded}, 1, 'Une pièce jouée devant les familles.', 24, 175000, ${porteur.id})`;

const main = async (page: Page) => ((await page.textContent('main')) ?? '').replace(/[\u202f\u00a0]/g, ' ');

describe('a donor’s walk through the public site', () => {
  it('searches the catalogue, gives, signs in to the space from the e-mailed link and reads a funded project’s report', async () => {
    const page = await session.browser.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${session.baseUrl}/`);
    await page.getByRole('link', { name: 'Découvrir les projets' }).click();
    await page.getByLabel('Rechercher', { exact: true }).fill('jaures');
    await page.getByLabel('Thème').selectOption('classe_decouverte');
    await page.getByLabel('État', { exact: true }).selectOption('en_cours');
    await page.getByRole('button', { name: 'Afficher les projets' }).click();
    const search = new URL(page.url()).searchParams;
    expect([search.get('q'), search.get('theme'), search.get('statut')]).toEqual([
      'jaures',
      'classe_decouverte',
      'en_cours',
    ]);
    expect(await page.getByRole('link', { name: 'Chorale des CP' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Classe de mer à Wimereux' }).click();
    expect(await main(page)).toMatch(/300,00 € collectés/);

    await page.getByRole('button', { name: 'Continuer vers le paiement sécurisé' }).click();
    await page.locator('#erreurs').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('erreurs');
    await page.getByLabel(/^50 €/).check();
    await page.getByLabel('Nom et prénom').fill('Nadia Benali');
    await page.getByLabel('Adresse e-mail').fill(DONOR);
    await page.getByRole('button', { name: 'Continuer vers le paiement sécurisé' }).click();
    await page.getByRole('button', { name: 'Payer 50,00 €' }).click();
    await page.getByRole('heading', { name: 'Merci pour votre don !' }).waitFor();
    await page.getByRole('link', { name: 'Revenir au projet' }).click();
    await page.getByText('Nadia Benali — 50,00 €').waitFor();
    expect(await main(page)).toMatch(/350,00 € collectés/);

    await page.goBack();
    await page.getByRole('link', { name: 'Retrouver vos dons dans votre espace donateur' }).click();
    await page.getByLabel('Adresse e-mail').fill(DONOR);
    await page.getByRole('button', { name: 'Recevoir mon lien de connexion' }).click();
    await page.getByRole('heading', { name: 'Consultez votre messagerie' }).waitFor();
    await page.goto(`${session.baseUrl}${pathOf(await signInLinkTo(DONOR, 1))}`);
    await page.getByRole('button', { name: 'Ouvrir mon espace donateur' }).click();
    await page.getByRole('heading', { name: 'Vos dons' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Classe de mer à Wimereux' });
    expect((await row.innerText()).replace(/\s+/g, ' ')).toMatch(/50,00 € payé — collecte en cours$/);

    await page.getByRole('link', { name: 'Atelier de théâtre' }).click();
    await page.getByRole('heading', { name: 'Le bilan du projet' }).waitFor();
    expect(await main(page)).toContain('Une pièce jouée devant les familles.');
    expect(await main(page)).toMatch(/1 800,00 € collectés/);
    expect(await signInEmailsTo(DONOR)).toHaveLength(1);
    await page.close();
  }, 180_000);
});

describe('the public site without JavaScript', () => {
  it('lets a donor browse, be told what to correct, and give with a tax receipt through Checkout', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${session.baseUrl}/`);
    await page.getByRole('link', { name: 'Découvrir les projets' }).click();
    await page.getByLabel('Rechercher', { exact: true }).fill('chorale');
    await page.getByRole('button', { name: 'Afficher les projets' }).click();
    await page.getByRole('link', { name: 'Chorale des CP' }).click();
    expect(await main(page)).toContain('Soutenir ce projet');

    await page.getByRole('button', { name: 'Continuer vers le paiement sécurisé' }).click();
    expect(await page.locator('#erreurs').innerText()).toContain('Votre don n’a pas pu être enregistré');
    await page.getByLabel(/^20 €/).check();
    await page.getByLabel('Nom et prénom').fill('Paul Martin');
    await page.getByLabel('Adresse e-mail').fill('paul.martin@example.org');
    await page.getByText('Reçu fiscal : je le souhaite').click();
    await page.getByLabel(/^Je souhaite un reçu fiscal/).check();
    await page.getByLabel('Adresse', { exact: true }).fill('3 rue des Lilas');
    await page.getByLabel('Code postal').fill('59100');
    await page.getByLabel('Ville').fill('Roubaix');
    await page.getByRole('button', { name: 'Continuer vers le paiement sécurisé' }).click();
    await page.getByRole('button', { name: 'Payer 20,00 €' }).click();
    await page.getByRole('heading', { name: 'Merci pour votre don !' }).waitFor();
    await page.getByRole('link', { name: 'Revenir au projet' }).click();
    await page.getByText('Paul Martin — 20,00 €').waitFor();
    expect(await main(page)).toMatch(/(^|\s)20,00 € collectés/);
    const [gift] = await db<{ wantsTaxReceipt: boolean; city: string }[]>`
      select wants_tax_receipt, city from donations where project_id = ${other} and donor_email = 'paul.martin@example.org'`;
    expect(gift).toEqual({ wantsTaxReceipt: true, city: 'Roubaix' });
    await context.close();
  }, 180_000);
});
