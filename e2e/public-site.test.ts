import { describe, expect, it } from 'vitest';
import { createTestApp } from '../test/app.ts';
import { seriousViolations, useBrowser } from '../test/browser.ts';
import { insertProject, insertSchool, insertUser } from '../test/fixtures.ts';
import { insertFund } from '../test/funds.ts';
import { recordPaidDonation } from '../test/money.ts';
import { closeCampaign, reserveGrant } from '../test/public-site.ts';

// The public site in Chromium: no serious or critical accessibility violation on any page type, on a desktop and
// on a 390 px phone, nothing wider than the phone's screen, the focus on a refused form's summary (the donor's
// walks are in donor-journeys.test.ts).
const { app, db } = await createTestApp();
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
  ['news journal', `/projets/${collecting}/nouvelles`],
  ['funds', '/fonds'],
  ['transparency', '/transparence'],
  ['donor space sign-in', '/donateur'],
  ['resource centre', '/ressources'],
  ['legal notice', '/mentions-legales'],
  ['personal data', '/donnees-personnelles'],
  ['charter', '/charte'],
  ['refused search', '/projets?theme=cuisine'],
] as const;
const REFUSED_FORMS = [
  ['refused donate form', `/projets/${collecting}`],
  ['refused fund gift', '/fonds'],
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
      const widths: Record<string, number> = {};
      for (const [name, path] of PAGES) {
        await page.goto(`${session.baseUrl}${path}`);
        found[name] = await seriousViolations(page);
        widths[name] = await page.evaluate(() => document.documentElement.scrollWidth);
      }
      for (const [name, path] of REFUSED_FORMS) {
        await page.goto(`${session.baseUrl}${path}`);
        await page.getByRole('button', { name: 'Continuer vers le paiement sécurisé' }).click();
        await page.locator('#erreurs').waitFor();
        expect(await page.evaluate(() => document.activeElement?.id), name).toBe('erreurs');
        found[name] = await seriousViolations(page);
      }
      if (width === 390) await page.screenshot({ path: '.data/e2e-public-project-390.png', fullPage: false });
      await context.close();
      expect(found).toEqual(Object.fromEntries([...PAGES, ...REFUSED_FORMS].map(([name]) => [name, []])));
      for (const name of Object.keys(widths)) expect(widths[name], name).toBeLessThanOrEqual(width);
    });
  }
});
