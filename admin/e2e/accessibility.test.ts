import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, seedDemoData } from '../../dev/demo-data.ts';
import { createTestApp } from '../../test/app.ts';
import { seriousViolations, signInToAdmin, useBrowser } from '../../test/browser.ts';

// Every kind of admin screen (sign-in, sign-up, lists, a record's page, creation and edit forms, a dialog) with the
// demo data, on a desktop and on a 390 px phone: no serious or critical axe-core violation. Homes: homes.test.ts.
const { app, db } = await createTestApp();
const session = useBrowser(app, async () => {
  await seedDemoData(db);
});

const VIEWPORTS = [
  ['desktop', 1280, 900],
  ['390 px phone', 390, 844],
] as const;
const ADMIN = 'admin@trousse-a-projets.fr';
const PORTEUR = 'claire.martin@ac-lille.fr';

async function ids() {
  const [row] = await db<{ projectId: number; draftId: number; userId: number; fundId: number; structureId: number }[]>`
    select (select id from projects where status = 'published' order by id limit 1) as project_id,
           (select p.id from projects p join users u on u.id = p.porteur_id
             where u.email = ${PORTEUR} and p.status in ('draft', 'changes_requested') order by p.id limit 1) as draft_id,
           (select id from users where email = ${PORTEUR}) as user_id,
           (select min(id) from funds) as fund_id,
           (select min(id) from receiving_structures) as structure_id`;
  return row!;
}

type Screen = [name: string, path: string, loaded: string];

/** The screens each account opens: their name, their address in the admin, and a text shown once loaded. */
async function screens(): Promise<[email: string, Screen[]][]> {
  const id = await ids();
  return [
    [
      ADMIN,
      [
        ['project list', '#/projects', 'Projets'],
        ['project page', `#/projects/${id.projectId}/show`, 'Collecte'],
        ['validation queue', '#/validation-queue', 'File de validation'],
        ['user list', '#/users', PORTEUR],
        ['user page', `#/users/${id.userId}/show`, PORTEUR],
        ['fund list', '#/funds', 'Fonds'],
        ['fund creation', '#/funds/create', 'Budget'],
        ['fund page', `#/funds/${id.fundId}/show`, 'Budget'],
        ['fund edit', `#/funds/${id.fundId}`, 'Budget'],
        ['structure list', '#/structures', 'Structures'],
        ['structure page', `#/structures/${id.structureId}/show`, 'IBAN'],
        ['donation list', '#/donations', 'Dons'],
        ['payout batches', '#/payout-batches', 'Lots'],
        ['tax receipts', '#/tax-receipts', 'Reçus'],
        ['anomalies', '#/payment-anomalies', 'Anomalies'],
        ['school list', '#/schools', 'Établissements'],
        ['e-mails', '#/emails', 'E-mails'],
      ],
    ],
    [
      PORTEUR,
      [
        ['project creation', '#/projects/create', 'Titre'],
        ['draft edit', `#/projects/${id.draftId}`, 'Titre'],
      ],
    ],
  ];
}

/** Once the screen shows its text, its requests are over and no spinner is left. */
async function settled(page: Page, text: string): Promise<void> {
  await page.getByText(text).first().waitFor();
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('[role="progressbar"]:not([aria-valuenow])').count()).toBe(0);
}

describe('accessibility of the back office', () => {
  for (const [label, width, height] of VIEWPORTS) {
    it(`has no serious or critical violation on any screen type (${label})`, async () => {
      const context = await session.browser.newContext({ viewport: { width, height } });
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      const found: Record<string, string[]> = {};
      await page.goto(`${session.baseUrl}/admin/`);
      await page.locator('input[name="username"]').waitFor();
      found['sign-in'] = await seriousViolations(page);
      await page.goto(`${session.baseUrl}/admin/#/inscription`);
      await settled(page, 'Créer un compte porteur de projet');
      found['sign-up'] = await seriousViolations(page);

      for (const [email, list] of await screens()) {
        const password = DEMO_ACCOUNTS.find((account) => account.email === email)!.password;
        await signInToAdmin(page, session.baseUrl, email, password);
        await page.locator('.RaLayout-appFrame').waitFor();
        for (const [name, path, text] of list) {
          await page.goto(`${session.baseUrl}/admin/${path}`);
          await settled(page, text);
          found[name] = await seriousViolations(page);
        }
        if (email === ADMIN) {
          await page.goto(`${session.baseUrl}/admin/#/users`);
          await page.getByRole('button', { name: 'Inviter' }).click();
          await page.getByRole('dialog').getByLabel('Adresse e-mail').waitFor();
          // axe reads colours as they are: mid fade-in, the dialog's text is paler than it will be
          await expect
            .poll(() =>
              page
                .locator('.MuiDialog-container, .MuiBackdrop-root')
                .evaluateAll((faded) => faded.every((element) => getComputedStyle(element).opacity === '1')),
            )
            .toBe(true);
          found['invitation dialog'] = await seriousViolations(page);
        }
        await context.clearCookies();
      }
      await context.close();
      expect(Object.entries(found).filter(([, violations]) => violations.length > 0)).toEqual([]);
      expect(Object.keys(found).length).toBeGreaterThan(20);
    }, 300_000);
  }
});
