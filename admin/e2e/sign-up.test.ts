import { describe, expect, it } from 'vitest';
import { seedDemoData } from '../../dev/demo-data.ts';
import { createTestApp } from '../../test/app.ts';
import { useBrowser } from '../../test/browser.ts';

// Getting in without an account: a porteur signs up from the sign-in page; a forgotten password has its link.
const { app, db } = await createTestApp();

const session = useBrowser(app, async () => {
  await seedDemoData(db);
});

describe('getting into the back office', () => {
  it('shows the sign-in form to a signed-out visitor without asking the API again, with a forgotten-password link', async () => {
    const page = await session.browser.newPage();
    const asked: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/me') asked.push(request.url());
    });
    await page.goto(`${session.baseUrl}/admin/`);
    const link = page.getByRole('link', { name: 'Mot de passe oublié ?' });
    await link.waitFor();
    await page.getByRole('button', { name: 'Connexion' }).waitFor();
    // a 401 means « signed out »: no retries (they were 4 more requests, at 0.9, 1.9, 3.9 and 7.9 s)
    expect(asked.length).toBeLessThanOrEqual(2);
    expect(await link.getAttribute('href')).toBe('/compte/mot-de-passe-oublie');
    await page.close();
  });

  it('lets a teacher with an academic address create a porteur account, choosing their school by a name typed without accents', async () => {
    const [school] = await db<{ uai: string }[]>`
      select uai from schools where academy_code = 'lille' and name = 'École élémentaire Jean Jaurès'`;
    const page = await session.browser.newPage();
    await page.goto(`${session.baseUrl}/admin/`);
    await page.getByRole('link', { name: 'Créer un compte porteur' }).click();
    await page.getByRole('heading', { name: 'Créer un compte porteur de projet' }).waitFor();
    const schoolInput = page.getByRole('combobox', { name: 'Votre établissement' });
    const schoolHint = page.locator('#schoolUai-helper-text');
    await schoolHint.getByText(/Indiquez d’abord votre adresse e-mail académique/).waitFor();
    expect(await schoolInput.isDisabled()).toBe(true);

    // a personal address: the schools wait, and the page says why
    await page.getByLabel('Adresse e-mail académique').fill('lucie.moreau@gmail.com');
    await schoolHint.getByText(/n’est pas une adresse académique/).waitFor();
    expect(await schoolInput.isDisabled()).toBe(true);
    // the academic address is asked for by example once on the page
    expect(await page.getByText('prenom.nom@ac-lille.fr').count()).toBe(1);

    await page.getByLabel('Adresse e-mail académique').fill('lucie.moreau@ac-lille.fr');
    await page.getByLabel('Prénom et nom').fill('Lucie Moreau');
    await schoolInput.click();
    await schoolInput.pressSequentially('jean jaures');
    // only the académie de Lille's Jean Jaurès: not the one of Les Mureaux (Versailles)
    const option = page.getByRole('option', { name: `École élémentaire Jean Jaurès, Roubaix (${school!.uai})` });
    await option.waitFor();
    expect(await page.getByRole('option', { name: /Les Mureaux/ }).count()).toBe(0);
    await option.click();
    expect(await schoolInput.inputValue()).toBe(`École élémentaire Jean Jaurès, Roubaix (${school!.uai})`);
    await page.getByLabel('Mot de passe (12 caractères au moins)').fill('un mot de passe solide');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByRole('heading', { name: 'Bonjour, Lucie Moreau' }).waitFor();
    const [created] = await db<{ role: string; schoolUai: string }[]>`
      select r.role, r.school_uai from users u join user_roles r on r.user_id = u.id
      where u.email = 'lucie.moreau@ac-lille.fr'`;
    expect(created).toEqual({ role: 'porteur', schoolUai: school!.uai });
    await page.close();
  });
});
