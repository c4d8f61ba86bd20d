import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAdminIfStale } from '../../dev/admin-build.ts';
import { DEMO_ACCOUNTS, seedDemoData } from '../../dev/demo-data.ts';
import { createTestApp } from '../../test/app.ts';

// The admin SPA in a real browser (Debian's Chromium), served by the real API over HTTP with the demo data.
const CHROMIUM = '/usr/bin/chromium';
const { app, db } = await createTestApp();
let baseUrl: string;
let browser: Browser;
let server: ReturnType<typeof serve>;

beforeAll(async () => {
  buildAdminIfStale();
  await seedDemoData(db);
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

const account = (role: string) => DEMO_ACCOUNTS.find((demo) => demo.role === role)!;

async function signIn(role: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${baseUrl}/admin/`);
  await page.locator('input[name="username"]').fill(account(role).email);
  await page.locator('input[name="password"]').fill(account(role).password);
  await page.getByRole('button', { name: 'Connexion' }).click();
  return page;
}

describe('the back office in a browser', () => {
  it('greets a validateur by name and lists the projects to review, in French', async () => {
    const page = await signIn('validateur');
    await expect(page.getByRole('heading', { name: 'Bonjour, Thomas Bernard' }).waitFor()).resolves.toBeUndefined();
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
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/admin/`);
    await page.locator('input[name="username"]').fill(account('admin').email);
    await page.locator('input[name="password"]').fill('pas le bon mot de passe');
    await page.getByRole('button', { name: 'Connexion' }).click();
    await page.getByText('E-mail ou mot de passe incorrect.').waitFor();
    await page.close();
  });
});
