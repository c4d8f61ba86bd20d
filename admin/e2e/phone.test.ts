import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { signInToAdmin, useBrowser } from '../../test/browser.ts';
import { FIXTURE_PASSWORD, insertProject, insertSchool, insertUser } from '../../test/fixtures.ts';
import { insertReceivingStructure, recordPaidDonation } from '../../test/money.ts';

// The back office on a phone 390 px wide: nothing cut off on the right, lists in a compact layout.
const { app, db } = await createTestApp();
const session = useBrowser(app);

const schoolUai = await insertSchool(db, { name: 'École élémentaire Jean Jaurès de Roubaix-Centre' });
const porteur = await insertUser(db, 'porteur');
const admin = await insertUser(db, 'admin');
const projectId = await insertProject(db, { schoolUai, porteurId: porteur.id, campaignEndsInDays: 12 });
await db`update projects set title = 'Une classe de découverte à la mer pour deux classes de CM1 et CM2 de Roubaix'
         where id = ${projectId}`;
await insertReceivingStructure(db, { projectId });
await recordPaidDonation(db, {
  projectId,
  amountCents: 12_500,
  donorName: 'Sophie Lambert',
  donorEmail: 's@example.org',
});

async function onPhone(email: string): Promise<Page> {
  const page = await session.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  page.setDefaultTimeout(20_000);
  await signInToAdmin(page, session.baseUrl, email, FIXTURE_PASSWORD);
  await page.locator('.RaLayout-appFrame').waitFor();
  await page.waitForLoadState('networkidle');
  return page;
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('the back office on a phone', () => {
  it('shows a project page without anything cut off on the right', async () => {
    for (const email of [porteur.email, admin.email]) {
      const page = await onPhone(email);
      await page.goto(`${session.baseUrl}/admin/#/projects/${projectId}/show`);
      await page.getByText('Une classe de découverte à la mer', { exact: false }).first().waitFor();
      await page.getByText('Collecte', { exact: false }).first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await overflow(page)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: '.data/e2e-phone-project.png', fullPage: true });
      await page.close();
    }
  }, 120_000);

  it('lists projects, donations and users in a compact layout that fits the screen', async () => {
    const page = await onPhone(admin.email);
    for (const [resource, text] of [
      ['projects', 'Une classe de découverte à la mer'],
      ['donations', 'Sophie Lambert'],
      ['users', admin.email],
      ['structures', 'Coopérative scolaire'],
    ] as const) {
      await page.goto(`${session.baseUrl}/admin/#/${resource}`);
      await page.getByText(text, { exact: false }).first().waitFor();
      expect(await page.locator('table').count()).toBe(0);
      expect(await overflow(page)).toBeLessThanOrEqual(390);
    }
    await page.screenshot({ path: '.data/e2e-phone-list.png', fullPage: true });
    await page.close();
  }, 120_000);
});
