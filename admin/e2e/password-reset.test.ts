import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { signInToAdmin, useBrowser } from '../../test/browser.ts';
import { linksIn, pathOf } from '../../test/emails.ts';
import { insertUser } from '../../test/fixtures.ts';
import { caughtEmailsTo } from '../../test/mailbox.ts';

// « Mot de passe oublié » in a real browser (Debian's Chromium): the request, the e-mail caught by MailDev, the new password.
const { app, db } = await createTestApp({ worker: true });
let email: string;
const session = useBrowser(app, async () => {
  email = (await insertUser(db, 'validateur')).email;
});

describe('a forgotten password', () => {
  it('is replaced from the e-mailed link, and the new one signs in to the back office', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1200, height: 800 } });
    page.setDefaultTimeout(20_000);
    await page.goto(`${session.baseUrl}/compte/mot-de-passe-oublie`);
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByRole('button', { name: 'Recevoir le lien' }).click();
    await page.getByRole('heading', { name: 'Consultez votre messagerie' }).waitFor();

    await expect.poll(async () => (await caughtEmailsTo(email)).length, { timeout: 20_000 }).toBe(1);
    const [message] = await caughtEmailsTo(email);
    const link = linksIn(message!.text).find((url) => url.includes('/compte/reinitialiser'))!;
    await page.goto(`${session.baseUrl}${pathOf(link)}`);
    await page.getByText(email).waitFor();
    await page.getByLabel('Mot de passe (12 caractères au moins)').fill('ma nouvelle phrase secrète');
    await page.getByLabel('Le même, une seconde fois').fill('ma nouvelle phrase secrète');
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await page.getByRole('heading', { name: 'Votre mot de passe est changé' }).waitFor();
    await page.screenshot({ path: '.data/e2e-password-reset.png', fullPage: true });

    await page.getByRole('link', { name: 'Se connecter au back office' }).click();
    await signInToAdmin(page, session.baseUrl, email, 'ma nouvelle phrase secrète');
    await page.getByRole('menuitem', { name: 'File de validation' }).waitFor();
    await page.close();
  }, 90_000);
});
