import { describe, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { signInToAdmin, useBrowser } from '../../test/browser.ts';
import { emailActivitiesAt, projectWithDonors } from '../../test/emails.ts';
import { FIXTURE_PASSWORD, insertUser } from '../../test/fixtures.ts';

// The outbox in a real browser (Debian's Chromium), served by the real API over HTTP.
const { app, db, mail } = await createTestApp();
let adminEmail: string;

const session = useBrowser(app, async () => {
  adminEmail = (await insertUser(db, 'admin')).email;
  const refusing = {
    sendMail: () => Promise.reject(Object.assign(new Error('550 No such user'), { responseCode: 550 })),
  };
  const email = emailActivitiesAt(db, { ...mail, transport: refusing });
  const { projectId } = await projectWithDonors(db, ['Léa Martin']);
  await email.queueProjectEmail({ projectId, template: 'project_published', audience: 'porteur', eventKey: 'p' });
  await email.deliverDue();
  await email.queueProjectEmail({ projectId, template: 'minimum_reached', audience: 'donors', eventKey: 'm' });
});

describe('the outbox in the back office', () => {
  it('shows an administrator each e-mail’s status in French, and why one failed', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(20_000);
    await signInToAdmin(page, session.baseUrl, adminEmail, FIXTURE_PASSWORD);
    await page.getByRole('menuitem', { name: 'E-mails' }).click();
    await page.getByText('Objectif minimum atteint').waitFor();
    await page.getByText('Échec').waitFor();
    await page.getByText('En attente').waitFor();
    await page.getByText('Projet en ligne').click();
    await page.getByText('Dernière erreur : 550 No such user').waitFor();
    await page.getByText(/^À envoyer à partir du \d{1,2}(er)? [a-zéû]+ \d{4} à \d{2}:\d{2}/).waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: '.data/e2e-emails.png', fullPage: true });
    await page.close();
  }, 90_000);
});
