import { describe, expect, it } from 'vitest';
import { createTestApp } from '../test/app.ts';
import { seriousViolations, useBrowser } from '../test/browser.ts';
import { insertProject, insertSchool, insertUser } from '../test/fixtures.ts';
import { insertFund } from '../test/funds.ts';
import { recordPaidDonation } from '../test/money.ts';
import { closeCampaign, reserveGrant } from '../test/public-site.ts';

// The public site in Chromium: no serious or critical accessibility violation on any page type, on a desktop
// and on a 390 px phone; a donor walks from the home page to a gift that the project page then shows.
const { app, db } = await createTestApp({ worker: true });
const session = useBrowser(app);

const schoolUai = await insertSchool(db, { name: 'École Jean Jaurès' });
const porteur = await insertUser(db, 'porteur');
const collecting = await insertProject(db, {
  schoolUai,
  porteurId: porteur.id,
  campaignEndsInDays: 12,
  minimumGoalCents: 100_000,
  optimumGoalCents: 150_000,
});
await recordPaidDonation(db, { projectId: collecting, amountCents: 30_000, donorName: 'Lucie Bernard' });
await reserveGrant(db, { fundId: await insertFund(db), projectId: collecting, kind: 'seeding', amountCents: 20_000 });
await db`insert into project_budget_lines (project_id, position, label, amount_cents) values (${collecting}, 1, 'Car', 100000)`;
await db`insert into project_news (project_id, author_id, title, body)
         values (${collecting}, ${porteur.id}, 'Le car est réservé', 'Départ le 12 mai au matin.')`;
const completed = await insertProject(db, { schoolUai, porteurId: porteur.id, campaignEndsInDays: 1 });
await db`update projects set title = 'Atelier de théâtre' where id = ${completed}`;
await recordPaidDonation(db, { projectId: completed, amountCents: 180_000 });
await closeCampaign(db, completed, { to: 'succeeded', at: '2026-11-30T10:00:00Z', then: 'completed' });
await db`insert into project_reports (project_id, version, what_was_done, pupils_reached, actual_spend_cents, submitted_by)
         values (${completed}, 1, 'Une pièce jouée devant les familles.', 24, 175000, ${porteur.id})`;

const PAGES = [
  ['home', '/'],
  ['catalogue', '/projets?q=jaures'],
  ['collecting project', `/projets/${collecting}`],
  ['completed project', `/projets/${completed}`],
  ['funds', '/fonds'],
  ['transparency', '/transparence'],
  ['legal page', '/donnees-personnelles'],
] as const;

describe('accessibility of the public site', () => {
  for (const [label, width, height] of [
    ['desktop', 1280, 800],
    ['390 px phone', 390, 844],
  ] as const) {
    it(`has no serious or critical violation on any page type (${label})`, async () => {
      const context = await session.browser.newContext({ viewport: { width, height } });
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      const found: Record<string, string[]> = {};
      for (const [name, path] of PAGES) {
        await page.goto(`${session.baseUrl}${path}`);
        found[name] = await seriousViolations(page);
      }
      await page.goto(`${session.baseUrl}/projets/${collecting}`);
      await page.getByRole('button', { name: 'Continuer vers le paiement sécurisé' }).click();
      await page.locator('#erreurs').waitFor();
      found['refused donate form'] = await seriousViolations(page);
      if (width === 390) await page.screenshot({ path: '.data/e2e-public-project-390.png', fullPage: false });
      await context.close();
      expect(found).toEqual(Object.fromEntries([...PAGES.map(([name]) => [name, []]), ['refused donate form', []]]));
    });
  }
});

describe('a donor’s walk', () => {
  it('goes from the home page through the catalogue to a gift that the project page then shows', async () => {
    const page = await session.browser.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${session.baseUrl}/`);
    await page.getByRole('link', { name: 'Découvrir les projets' }).click();
    await page.getByLabel('Rechercher', { exact: true }).fill('jaures');
    await page.getByRole('button', { name: 'Afficher les projets' }).click();
    await page.getByRole('link', { name: 'Classe de mer à Wimereux' }).click();
    expect(await page.textContent('main')).toMatch(/500,00\s€ collectés/);

    await page.getByRole('button', { name: 'Continuer vers le paiement sécurisé' }).click();
    await page.locator('#erreurs').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('erreurs');

    await page.getByLabel(/^50 €/).check();
    await page.getByLabel('Nom et prénom').fill('Nadia Benali');
    await page.getByLabel('Adresse e-mail').fill('nadia.benali@example.org');
    await page.getByRole('button', { name: 'Continuer vers le paiement sécurisé' }).click();
    await page.getByRole('button', { name: 'Payer 50,00 €' }).click();
    await page.getByRole('heading', { name: 'Merci pour votre don !' }).waitFor();
    await page.getByRole('link', { name: 'Revenir au projet' }).click();
    await page.getByText('Nadia Benali — 50,00 €').waitFor();
    expect(await page.textContent('main')).toMatch(/550,00\s€ collectés \(350,00\s€ de dons et 200,00\s€ de mécénat\)/);
    await page.close();
  });

  it('reads a funded project’s report', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.baseUrl}/projets?statut=termine`);
    await page.getByRole('link', { name: 'Atelier de théâtre' }).click();
    await page.getByRole('heading', { name: 'Le bilan du projet' }).waitFor();
    expect(await page.textContent('main')).toContain('Une pièce jouée devant les familles.');
    await page.close();
  });
});
