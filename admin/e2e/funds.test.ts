import { describe, expect, it } from 'vitest';
import { createFundActivities } from '../../activities/funds.ts';
import { DEMO_ACCOUNTS, seedDemoData } from '../../dev/demo-data.ts';
import { createTestApp } from '../../test/app.ts';
import { errorUnder, signInToAdmin, useBrowser } from '../../test/browser.ts';

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
    // the grants' rows come after the fund's own figures: wait for them rather than count what is there yet
    await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThanOrEqual(Math.min(count, 25));

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

describe('opening a fund in the back office', () => {
  it('lets an admin create a fund with its budget in euros and its restrictions chosen by name', async () => {
    const admin = DEMO_ACCOUNTS.find((demo) => demo.role === 'admin')!;
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1400 } });
    page.setDefaultTimeout(20_000);
    await signInToAdmin(page, session.baseUrl, admin.email, admin.password);
    await page.getByRole('menuitem', { name: 'Fonds' }).click();
    await page.getByRole('link', { name: 'Nouveau fonds' }).click();
    await page.locator('input[name="name"]').fill('Fonds des Hauts-de-France pour la lecture');
    await page.locator('input[name="sponsorName"]').fill('Librairies du Nord');
    await page.getByLabel('Budget (€)').fill('25000');
    await page.getByLabel('Valable à partir du').fill('2027-01-01');
    await page.getByLabel('Valable jusqu’au').fill('2027-12-31');
    await page.getByRole('combobox', { name: 'Académies (toutes si aucune)' }).click();
    await page.getByRole('option', { name: 'Lille' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    // what was saved, named in French (react-admin says « Élément créé »)
    await page.getByText('Fonds ouvert.', { exact: true }).waitFor();
    await page.getByText('Librairies du Nord').first().waitFor();
    const [fund] = await db<{ budgetCents: number; academies: string[] }[]>`
      select budget_cents, academies from funds where name = 'Fonds des Hauts-de-France pour la lecture'`;
    expect(fund).toEqual({ budgetCents: 2_500_000, academies: ['lille'] });
    await page.close();
  }, 90_000);

  it('lets an admin change a fund’s name and validity, shown on its page; a refusal sits under its field, in French', async () => {
    const admin = DEMO_ACCOUNTS.find((demo) => demo.role === 'admin')!;
    const [fund] = await db<{ id: number; name: string; budgetCents: number }[]>`
      select id, name, budget_cents from funds order by id limit 1`;
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1400 } });
    page.setDefaultTimeout(20_000);
    await signInToAdmin(page, session.baseUrl, admin.email, admin.password);
    await page.getByRole('menuitem', { name: 'Fonds' }).click();
    await page.getByText(fund!.name, { exact: true }).click();
    await page.getByRole('link', { name: 'Modifier' }).click();
    await page.getByLabel('Nom').fill('Fonds renommé pour la lecture');
    await page.getByLabel('Valable à partir du').fill('2027-03-01');
    await page.getByLabel('Valable jusqu’au').fill('2028-06-30');
    await page.getByLabel('Départements (tous si aucun)').fill('59');
    await page.keyboard.press('Enter');
    await page.getByLabel('Amorçage : plafond par projet (€)').fill('800');
    await page.getByRole('button', { name: 'Enregistrer' }).click();

    await page.getByText('Fonds modifié.', { exact: true }).waitFor();
    await page.getByText('Subventions et leurs raisons').waitFor();
    const shown = page.locator('main');
    await shown.getByText('Fonds renommé pour la lecture').first().waitFor();
    const text = await shown.innerText();
    expect(text).toContain('1er mars 2027');
    expect(text).toContain('30 juin 2028');
    expect(text).toContain('Départements : 59');
    expect(text.replace(/[\u202f\u00a0]/g, ' ')).toMatch(/du minimum, au plus 800,00 €/);
    const [saved] = await db<
      {
        name: string;
        validFrom: string;
        validUntil: string;
        budgetCents: number;
        departements: string[];
        seedingCapCents: number;
      }[]
    >`
      select name, valid_from::text, valid_until::text, budget_cents, departements, seeding_cap_cents
      from funds where id = ${fund!.id}`;
    expect(saved).toEqual({
      name: 'Fonds renommé pour la lecture',
      validFrom: '2027-03-01',
      validUntil: '2028-06-30',
      budgetCents: fund!.budgetCents,
      departements: ['59'],
      seedingCapCents: 80_000,
    });

    // a validity ending before it starts: the API refuses it, its sentence stays under the field, nothing changes
    await page.getByRole('link', { name: 'Modifier' }).click();
    await page.getByLabel('Nom').fill('Un nom qui ne sera pas gardé');
    await page.getByLabel('Valable jusqu’au').fill('2027-01-31');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    expect(await errorUnder(page.getByLabel('Valable jusqu’au'))).toBe(
      'La fin de validité ne peut précéder son début.',
    );
    expect(await page.getByLabel('Nom').inputValue()).toBe('Un nom qui ne sera pas gardé');
    expect(await page.locator('body').innerText()).not.toMatch(/validUntil|Invalid/);
    const [kept] = await db<{ name: string }[]>`select name from funds where id = ${fund!.id}`;
    expect(kept?.name).toBe('Fonds renommé pour la lecture');
    await page.close();
  }, 90_000);
});
