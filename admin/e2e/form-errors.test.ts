import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { errorUnder, signInToAdmin, useBrowser } from '../../test/browser.ts';
import { FIXTURE_PASSWORD, insertSchool, insertUser } from '../../test/fixtures.ts';

// API refusals in the browser: each in French, under the field as the form labels it, until the field is changed.
const { app, db } = await createTestApp();
const session = useBrowser(app);

const schoolUai = await insertSchool(db, { name: 'École Marie Curie' });
const elsewhere = await insertSchool(db, { name: 'École Marie Curie' });
await db`insert into academies (code, name, pilot_enabled) values ('reims', 'Reims', true) on conflict do nothing`;
await db`update schools set academy_code = 'reims' where uai = ${elsewhere}`;
const porteur = await insertUser(db, 'porteur');
const admin = await insertUser(db, 'admin');
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function open(email: string): Promise<Page> {
  const page = await session.browser.newPage({ viewport: { width: 1400, height: 1100 } });
  page.setDefaultTimeout(20_000);
  await signInToAdmin(page, session.baseUrl, email, FIXTURE_PASSWORD);
  await page
    .getByRole('menuitem', { name: 'Projets' })
    .or(page.getByRole('menuitem', { name: 'Utilisateurs' }))
    .first()
    .waitFor();
  return page;
}

describe('refusals of the API, in the browser', () => {
  it('shows a porteur each refusal of their draft under its field, in French, and keeps the form as typed', async () => {
    const page = await open(porteur.email);
    await page.getByRole('menuitem', { name: 'Projets' }).click();
    await page.getByRole('link', { name: 'Nouveau projet' }).click();
    await page.getByLabel('Titre').fill('Une classe de mer à Berck');
    await page.getByLabel('Résumé').fill('Cinq jours au bord de la mer pour deux classes de CM1.');
    // accents and case ignored; only the schools of the porteur's académie offered
    await page.getByRole('combobox', { name: 'UAI' }).fill('ecole marie');
    await page.getByRole('option', { name: new RegExp(`École Marie Curie.*${schoolUai}`) }).waitFor();
    expect(await page.getByRole('option', { name: /École Marie Curie/ }).count()).toBe(1);
    await page.getByRole('option', { name: new RegExp(`École Marie Curie.*${schoolUai}`) }).click();
    await page.getByRole('combobox', { name: 'Thème' }).click();
    await page.getByRole('option', { name: 'Classe de découverte' }).click();
    await page.getByRole('combobox', { name: 'Niveaux' }).click();
    await page.getByRole('option', { name: 'CM1', exact: true }).click();
    await page.keyboard.press('Escape');
    await page.getByLabel('Nombre d’élèves').fill('50');
    await page.getByLabel('Début de l’activité').fill(inDays(10));
    await page.getByLabel('Fin de l’activité').fill(inDays(15));
    await page.getByLabel('Objectif minimum (€)').fill('6000');
    await page.getByLabel('Objectif optimal (€)').fill('7000');
    await page.getByRole('button', { name: 'Enregistrer' }).click();

    expect(await errorUnder(page.getByLabel('Objectif minimum (€)'))).toBe(
      'L’objectif minimum est de 5 000 € au plus (au-delà, une dérogation de l’administrateur est nécessaire).',
    );
    expect(await errorUnder(page.getByLabel('Début de l’activité'))).toMatch(
      /^L’activité doit commencer au moins 51 jours après aujourd’hui/,
    );
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/minimumGoalCents|activityStartsOn|Invalid|expected/);
    expect(await page.getByLabel('Titre').inputValue()).toBe('Une classe de mer à Berck');
    const [drafts] = await db<{ n: number }[]>`select count(*)::int as n from projects`;
    expect(drafts?.n).toBe(0);

    // corrected, the field's error goes; the other stays until it is corrected too
    await page.getByLabel('Objectif minimum (€)').fill('4000');
    await expect
      .poll(() => page.getByText('L’objectif minimum est de 5 000 € au plus', { exact: false }).count())
      .toBe(0);
    expect(await errorUnder(page.getByLabel('Début de l’activité'))).toMatch(/^L’activité doit commencer/);
    await page.close();
  }, 90_000);

  it('keeps a refused dialog open, with each refusal under its field inside the dialog', async () => {
    const page = await open(admin.email);
    await page.getByRole('menuitem', { name: 'Utilisateurs' }).click();
    await page.getByRole('button', { name: 'Inviter' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Adresse e-mail').fill('pas-une-adresse');
    await dialog.getByLabel('Prénom et nom').fill('Hélène Garnier');
    await dialog.getByRole('combobox', { name: 'Rôle' }).click();
    await page.getByRole('option', { name: 'Directeur' }).click();
    await dialog.getByRole('button', { name: 'Inviter' }).click();

    expect(await errorUnder(dialog.getByLabel('Adresse e-mail'))).toBe('Adresse e-mail invalide.');
    const schoolInput = dialog.getByRole('combobox', { name: 'Établissement (nom, commune ou UAI)' });
    expect(await errorUnder(schoolInput)).toBe('Ce rôle s’attribue avec son établissement.');
    expect(await dialog.getByLabel('Prénom et nom').inputValue()).toBe('Hélène Garnier');
    expect(await page.locator('.MuiSnackbarContent-message').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toMatch(/schoolUai|email :/);

    await dialog.getByLabel('Adresse e-mail').fill('helene.garnier@example.org');
    await schoolInput.fill('marie');
    await page.getByRole('option', { name: new RegExp(`École Marie Curie.*${schoolUai}`) }).click();
    await dialog.getByRole('button', { name: 'Inviter' }).click();
    await page.getByText('Invitation envoyée.').waitFor();
    const [invited] = await db<{ role: string; schoolUai: string }[]>`
      select r.role, r.school_uai from users u join user_roles r on r.user_id = u.id
      where u.email = 'helene.garnier@example.org'`;
    expect(invited).toEqual({ role: 'directeur', schoolUai });
    await page.close();
  }, 90_000);

  it('refuses a porteur invited with a non-academic address under the address, in French, not as a server error', async () => {
    const page = await open(admin.email);
    const answers: number[] = [];
    page.on('response', (response) => {
      if (response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/users') {
        answers.push(response.status());
      }
    });
    await page.getByRole('menuitem', { name: 'Utilisateurs' }).click();
    await page.getByRole('button', { name: 'Inviter' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Adresse e-mail').fill('paul.martin@gmail.com');
    await dialog.getByLabel('Prénom et nom').fill('Paul Martin');
    await dialog.getByRole('combobox', { name: 'Rôle' }).click();
    await page.getByRole('option', { name: 'Porteur de projet' }).click();
    await dialog.getByRole('button', { name: 'Inviter' }).click();

    expect(await errorUnder(dialog.getByLabel('Adresse e-mail'))).toMatch(
      /^Le rôle « Porteur de projet » demande une adresse e-mail académique/,
    );
    expect(answers).toEqual([400]);
    const [invited] = await db<
      { n: number }[]
    >`select count(*)::int as n from users where email = 'paul.martin@gmail.com'`;
    expect(invited?.n).toBe(0);
    await page.close();
  }, 90_000);
});
