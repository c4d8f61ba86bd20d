import { describe, expect, it } from 'vitest';
import { createTestApp } from '../test/app.ts';
import { seriousViolations, useBrowser } from '../test/browser.ts';
import { insertProject, insertSchool, insertUser } from '../test/fixtures.ts';

// The resource centre in Chromium: no serious or critical accessibility violation on its list and on a guide, on a
// desktop and on a 390 px phone, and nothing wider than the phone's screen.
const { app, db } = await createTestApp();
const session = useBrowser(app);

const schoolUai = await insertSchool(db, { name: 'École Jean Jaurès' });
const porteur = await insertUser(db, 'porteur');
const shared = await insertProject(db, { schoolUai, porteurId: porteur.id });
await db`update projects set status = 'completed', title = 'Atelier de théâtre' where id = ${shared}`;
await db`insert into project_reports (project_id, version, what_was_done, pupils_reached, actual_spend_cents,
                                      share_consent, submitted_by)
         values (${shared}, 1, 'Une pièce jouée devant les familles, décors peints par les élèves.', 24, 175000,
                 true, ${porteur.id})`;
await db`insert into guides (slug, title, summary, body_markdown, status, published_at)
         values ('reussir-sa-collecte', 'Réussir sa collecte', 'Faire connaître son projet autour de soi.',
                 ${'## Avant\n\nPréparez une **affiche** avec le QR code.\n\n- Les familles\n- La mairie\n\n| Semaine | Action |\n|---|---|\n| 1 | Affiche |\n\n<script>alert(1)</script>'},
                 'published', now())`;

const PAGES = [
  ['resource centre', '/ressources'],
  ['filtered reports', '/ressources?theme=arts_culture&niveau=CM1&q=theatre'],
  ['guide', '/ressources/reussir-sa-collecte'],
] as const;

describe('accessibility of the resource centre', () => {
  for (const [label, width, height] of [
    ['desktop', 1280, 800],
    ['390 px phone', 390, 844],
  ] as const) {
    it(`has no serious or critical violation on its list and a guide, nothing cut off (${label})`, async () => {
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
      await page.goto(`${session.baseUrl}/ressources`);
      await page.getByRole('link', { name: 'Atelier de théâtre' }).waitFor();
      await page.getByRole('link', { name: 'Réussir sa collecte' }).click();
      await page.getByRole('heading', { level: 1, name: 'Réussir sa collecte' }).waitFor();
      expect(await page.getByText('<script>alert(1)</script>').count()).toBe(1);
      if (width === 390) await page.screenshot({ path: '.data/e2e-guide-390.png', fullPage: true });
      await context.close();
      expect(found).toEqual(Object.fromEntries(PAGES.map(([name]) => [name, []])));
      for (const name of Object.keys(widths)) expect(widths[name], name).toBeLessThanOrEqual(width);
    });
  }
});
