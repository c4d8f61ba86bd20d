import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { buildAdminIfStale } from '../../dev/admin-build.ts';
import { createTestApp } from '../../test/app.ts';
import { emailActivitiesAt, projectWithDonors } from '../../test/emails.ts';
import { FIXTURE_PASSWORD, insertUser } from '../../test/fixtures.ts';

// The outbox in a real browser (Debian's Chromium), served by the real API over HTTP.
const CHROMIUM = '/usr/bin/chromium';
const { app, db, mail } = await createTestApp();
let adminEmail: string;
let baseUrl: string;
let browser: Browser;
let server: ReturnType<typeof serve>;

beforeAll(async () => {
  buildAdminIfStale();
  adminEmail = (await insertUser(db, 'admin')).email;
  const refusing = {
    sendMail: () => Promise.reject(Object.assign(new Error('550 No such user'), { responseCode: 550 })),
  };
  const email = emailActivitiesAt(db, { ...mail, transport: refusing });
  const { projectId } = await projectWithDonors(db, ['Léa Martin']);
  await email.queueProjectEmail({ projectId, template: 'project_published', audience: 'porteur', eventKey: 'p' });
  await email.deliverDue();
  await email.queueProjectEmail({ projectId, template: 'minimum_reached', audience: 'donors', eventKey: 'm' });
  server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise((resolve) => server.once('listening', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('the outbox in the back office', () => {
  it('shows an administrator each e-mail’s status in French, and why one failed', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(20_000);
    await page.goto(`${baseUrl}/admin/`);
    await page.locator('input[name="username"]').fill(adminEmail);
    await page.locator('input[name="password"]').fill(FIXTURE_PASSWORD);
    await page.getByRole('button', { name: 'Connexion' }).click();
    await page.getByRole('menuitem', { name: 'E-mails' }).click();
    await page.getByText('Objectif minimum atteint').waitFor();
    await page.getByText('Échec').waitFor();
    await page.getByText('En attente').waitFor();
    await page.getByText('Projet en ligne').click();
    await page.getByText('Dernière erreur : 550 No such user').waitFor();
    await page.getByText(/^À envoyer à partir du \d{2}\/\d{2}\/\d{4}/).waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: '.data/e2e-emails.png', fullPage: true });
    await page.close();
  }, 90_000);
});
