import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, seedDemoData } from '../../dev/demo-data.ts';
import { PROJECT_STATUS_LABELS, type ProjectStatus } from '../../domain/project-status.ts';
import { createTestApp } from '../../test/app.ts';
import { signInToAdmin, useBrowser } from '../../test/browser.ts';

// The admin SPA in a real browser (Debian's Chromium), served by the real API over HTTP with the demo data.
const { app, db } = await createTestApp();

const session = useBrowser(app, async () => {
  await seedDemoData(db);
});

const account = (role: string) => DEMO_ACCOUNTS.find((demo) => demo.role === role)!;

async function signIn(role: string): Promise<Page> {
  const page = await session.browser.newPage();
  await signInToAdmin(page, session.baseUrl, account(role).email, account(role).password);
  return page;
}

describe('the back office in a browser', () => {
  it('greets a validateur by name and lists the projects to review, in French', async () => {
    const page = await signIn('validateur');
    await expect(page.getByRole('heading', { name: 'Bonjour, Thomas Bernard' }).waitFor()).resolves.toBeUndefined();
    // the platform team's dashboard: money by month, projects by status, and by académie
    await page.getByRole('heading', { name: 'Dons collectés par mois' }).waitFor();
    await page.getByRole('heading', { name: 'Projets par statut' }).waitFor();
    await page.getByRole('heading', { name: 'Réussite et solidarité par académie (%)' }).waitFor();
    const lille = page
      .getByRole('table', { name: 'Réussite et solidarité par académie' })
      .getByRole('row', { name: /Lille/ });
    await lille.waitFor();
    expect(await page.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    await page.screenshot({ path: '.data/e2e-dashboard.png', fullPage: true });
    await page.getByRole('menuitem', { name: 'Projets' }).click();
    await page.getByText('Des livres et des coussins pour notre BCD').waitFor();
    const rows = await page.locator('tbody tr').count();
    const [count] = await db`select count(*)::int as n from projects`;
    expect(rows).toBe(count?.n);
    await page.screenshot({ path: '.data/e2e-projects.png' });
    await page.close();
  });

  it('shows a porteur only their own projects, and no schools or users menu', async () => {
    const page = await signIn('porteur');
    await page.getByRole('menuitem', { name: 'Projets' }).click();
    await page.getByText('Des livres et des coussins pour notre BCD').waitFor();
    const [own] = await db`
      select count(*)::int as n from projects p join users u on u.id = p.porteur_id where u.email = ${account('porteur').email}`;
    expect(await page.locator('tbody tr').count()).toBe(own?.n);
    expect(await page.getByRole('menuitem', { name: 'Établissements' }).count()).toBe(0);
    expect(await page.getByRole('menuitem', { name: 'Utilisateurs' }).count()).toBe(0);
    await page.close();
  });

  it('tells a person who mistyped their password, in French', async () => {
    const page = await session.browser.newPage();
    await signInToAdmin(page, session.baseUrl, account('admin').email, 'pas le bon mot de passe');
    await page.getByText('E-mail ou mot de passe incorrect.').waitFor();
    await page.close();
  });

  it('lets an admin grant a role to an account and take it back', async () => {
    const page = await signIn('admin');
    await page.getByRole('menuitem', { name: 'Utilisateurs' }).click();
    await page.getByText(account('donateur').email).click();
    await page.getByRole('combobox', { name: 'Rôle' }).click();
    await page.getByRole('option', { name: 'Validateur' }).click();
    await page.getByRole('button', { name: 'Attribuer' }).click();
    await page.getByText('Rôle attribué.').waitFor();
    const chip = page.locator('.MuiChip-root', { hasText: /^Validateur$/ });
    await chip.waitFor();
    await chip.locator('.MuiChip-deleteIcon').click();
    await page.getByText('Rôle retiré.').waitFor();
    const [held] = await db<{ n: number }[]>`
      select count(*)::int as n from user_roles r join users u on u.id = r.user_id
      where u.email = ${account('donateur').email} and r.role = 'validateur'`;
    expect(held?.n).toBe(0);
    await page.close();
  });

  it('lets an admin invite a validator, who gets an account with that role', async () => {
    const page = await signIn('admin');
    await page.getByRole('menuitem', { name: 'Utilisateurs' }).click();
    await page.getByRole('button', { name: 'Inviter' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Adresse e-mail').fill('nouvelle.validatrice@trousse-a-projets.fr');
    await dialog.getByLabel('Prénom et nom').fill('Agnès Nouvelle');
    await dialog.getByRole('combobox', { name: 'Rôle' }).click();
    await page.getByRole('option', { name: 'Validateur' }).click();
    await dialog.getByRole('button', { name: 'Inviter' }).click();
    await page.getByText('Invitation envoyée.').waitFor();
    const [invited] = await db<{ role: string; hasPassword: boolean }[]>`
      select r.role, u.password_hash is not null as has_password from users u join user_roles r on r.user_id = u.id
      where u.email = 'nouvelle.validatrice@trousse-a-projets.fr'`;
    expect(invited).toEqual({ role: 'validateur', hasPassword: false });
    await page.close();
  });
});

describe('granting a role with its scope, in the browser', () => {
  it('lets an admin choose a directeur’s school by its name rather than type a number', async () => {
    const [school] = await db<{ uai: string; name: string }[]>`select uai, name from schools order by uai limit 1`;
    const page = await signIn('admin');
    await page.getByRole('menuitem', { name: 'Utilisateurs' }).click();
    await page.getByText(account('donateur').email).click();
    await page.getByRole('combobox', { name: 'Rôle' }).click();
    await page.getByRole('option', { name: 'Directeur' }).click();
    expect(await page.getByText(/N° de la structure|N° du fonds/).count()).toBe(0);
    await page.getByRole('combobox', { name: 'Établissement (nom, commune ou UAI)' }).fill(school!.name);
    await page.getByRole('option', { name: new RegExp(`${school!.name}.*\\(${school!.uai}\\)`) }).click();
    await page.getByRole('button', { name: 'Attribuer' }).click();
    await page.getByText('Rôle attribué.').waitFor();
    const [held] = await db<{ schoolUai: string }[]>`
      select r.school_uai from user_roles r join users u on u.id = r.user_id
      where u.email = ${account('donateur').email} and r.role = 'directeur'`;
    expect(held?.schoolUai).toBe(school!.uai);
    await page.close();
  });
});

describe('granting a gestionnaire’s structure and a mécène’s fund, in the browser', () => {
  // what a person types: no accents, no capitals, the start of the name
  const typed = (name: string) =>
    name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(' ').slice(0, 3).join(' ');

  it('lets an admin find each by its name, typed without accents or capitals, instead of typing a number', async () => {
    const [structure] = await db<{ id: number; legalName: string }[]>`
      select id, legal_name from receiving_structures where legal_name ~ '[À-ÿ]' order by id limit 1`;
    const [fund] = await db<{ id: number; name: string }[]>`select id, name from funds order by id desc limit 1`;
    const page = await signIn('admin');
    page.setDefaultTimeout(20_000);
    await page.getByRole('menuitem', { name: 'Utilisateurs' }).click();
    await page.getByText(account('donateur').email).click();
    for (const [role, input, name] of [
      ['Gestionnaire de la structure réceptrice', 'Structure réceptrice', structure!.legalName],
      ['Mécène', 'Fonds', fund!.name],
    ] as const) {
      await page.getByRole('combobox', { name: 'Rôle' }).click();
      await page.getByRole('option', { name: role, exact: true }).click();
      expect(await page.getByText(/N° de la structure|N° du fonds/).count()).toBe(0);
      // the second scope is chosen right after the first, in the same form; a search finding nothing says so in French
      await page.getByRole('combobox', { name: input, exact: true }).fill('introuvable');
      await page.getByText('Aucun résultat', { exact: true }).waitFor();
      await page.getByRole('combobox', { name: input, exact: true }).fill(typed(name));
      await page.getByRole('option', { name, exact: true }).click();
      await page.getByRole('button', { name: 'Attribuer' }).click();
      // the user's roles, each named with its scope
      await page.getByText(`${role} — ${name}`, { exact: true }).waitFor();
    }
    const held = await db<{ role: string; structureId: number | null; fundId: number | null }[]>`
      select r.role, r.structure_id, r.fund_id from user_roles r join users u on u.id = r.user_id
      where u.email = ${account('donateur').email} and r.role in ('gestionnaire', 'mecene') order by r.role`;
    expect(held).toEqual([
      { role: 'gestionnaire', structureId: structure!.id, fundId: null },
      { role: 'mecene', structureId: null, fundId: fund!.id },
    ]);
    await page.close();
  }, 90_000);
});

describe('the home page of a porteur', () => {
  it('lists each of their projects with what it waits for now', async () => {
    const page = await signIn('porteur');
    const table = page.getByRole('table', { name: 'Vos projets et leur prochaine étape' });
    await table.waitFor();
    const own = await db<{ title: string; status: string }[]>`
      select p.title, p.status from projects p join users u on u.id = p.porteur_id
      where u.email = ${account('porteur').email}`;
    await expect.poll(() => table.locator('tbody tr').count()).toBe(own.length);
    for (const project of own) {
      const row = table.locator('tbody tr', { hasText: project.title });
      const cells = await row.locator('td').allInnerTexts();
      expect(cells[1]).toBe(PROJECT_STATUS_LABELS[project.status as ProjectStatus]);
      expect(cells[2]).toMatch(/\S.*\./);
    }
    expect(await page.getByRole('link', { name: 'Nouveau projet' }).count()).toBe(1);
    await page.close();
  });
});
