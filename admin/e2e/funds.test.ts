import { describe, expect, it } from 'vitest';
import { createFundActivities } from '../../activities/funds.ts';
import { DEMO_ACCOUNTS, seedDemoData } from '../../dev/demo-data.ts';
import { createTestApp } from '../../test/app.ts';
import { signInToAdmin, useBrowser } from '../../test/browser.ts';

// A fund's page in a real browser (Debian's Chromium), served by the real API over HTTP with the demo data.
const { app, db } = await createTestApp();

const session = useBrowser(app, async () => {
  await seedDemoData(db);
  const activities = createFundActivities({ db });
  const collecting = await db<{ id: number }[]>`select id from projects where status = 'published' order by id`;
  for (const { id } of collecting) await activities.requestSeedingGrants({ projectId: id });
});

describe('a fund in the back office', () => {
  it('shows its mécène the fund’s grants, each unfolding into why it was made, in French', async () => {
    const mecene = DEMO_ACCOUNTS.find((demo) => demo.role === 'mecene')!;
    const [fund] = await db<{ id: number; name: string }[]>`
      select f.id, f.name from funds f join user_roles r on r.fund_id = f.id join users u on u.id = r.user_id
      where u.email = ${mecene.email}`;
    const [{ count } = { count: 0 }] = await db<{ count: number }[]>`
      select count(*)::int from grants where fund_id = ${fund!.id}`;
    expect(count).toBeGreaterThan(0);

    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1800 } });
    page.setDefaultTimeout(20_000);
    await signInToAdmin(page, session.baseUrl, mecene.email, mecene.password);
    await page.getByRole('menuitem', { name: 'Fonds' }).click();
    await page.getByText(fund!.name).click();
    await page.getByText('Subventions et leurs raisons').waitFor();
    await page.getByRole('link', { name: 'Rapport au mécène (CSV)' }).waitFor();
    expect(await page.locator('tbody tr').count()).toBeGreaterThanOrEqual(Math.min(count, 25));

    await page.locator('[aria-label="Étendre"]').first().click();
    await page.getByText('Calcul du montant').waitFor();
    await page.getByText(/^Projets en concurrence/).waitFor();
    await page.waitForTimeout(500);
    await expect(
      page
        .getByText(/^Amorçage par « /)
        .first()
        .textContent(),
    ).resolves.toContain('réservés');
    await page.screenshot({ path: '.data/e2e-fund-grants.png', fullPage: true });
    await page.close();
  }, 90_000);
});
