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

  it('lets a teacher create a porteur account, refusing a non-academic address next to its field', async () => {
    const [school] = await db<
      { uai: string }[]
    >`select uai from schools where academy_code = 'lille' order by uai limit 1`;
    const page = await session.browser.newPage();
    await page.goto(`${session.baseUrl}/admin/`);
    await page.getByRole('link', { name: 'Créer un compte porteur' }).click();
    await page.getByRole('heading', { name: 'Créer un compte porteur de projet' }).waitFor();
    await page.getByLabel('Adresse e-mail académique').fill('lucie.moreau@gmail.com');
    await page.getByLabel('Prénom et nom').fill('Lucie Moreau');
    await page.getByLabel('Code UAI de votre établissement').fill(school!.uai);
    await page.getByLabel('Mot de passe (12 caractères au moins)').fill('un mot de passe solide');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    const emailError = page.locator('#email-helper-text');
    await emailError.getByText(/adresse e-mail académique/).waitFor();
    expect(await emailError.textContent()).toBe(
      'Un porteur de projet doit utiliser son adresse e-mail académique (par exemple prenom.nom@ac-lille.fr).',
    );
    // the refusal takes the hint's place: the academic address is asked for once on the page
    expect(await page.getByText('prenom.nom@ac-lille.fr').count()).toBe(1);
    const [refused] = await db<
      { n: number }[]
    >`select count(*)::int as n from users where email = 'lucie.moreau@gmail.com'`;
    expect(refused?.n).toBe(0);

    await page.getByLabel('Adresse e-mail académique').fill('lucie.moreau@ac-lille.fr');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByRole('heading', { name: 'Bonjour, Lucie Moreau' }).waitFor();
    const [created] = await db<{ role: string; schoolUai: string }[]>`
      select r.role, r.school_uai from users u join user_roles r on r.user_id = u.id
      where u.email = 'lucie.moreau@ac-lille.fr'`;
    expect(created).toEqual({ role: 'porteur', schoolUai: school!.uai });
    await page.close();
  });
});
