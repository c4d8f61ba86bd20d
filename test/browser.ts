import { AxeBuilder } from '@axe-core/playwright';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';

/**
 * For a test file (the global setup has built the admin SPA): serves the app over HTTP on a free port and opens Debian's
 * Chromium headless before the tests (after `prepare`), and closes both after them.
 */
export function useBrowser(
  app: { fetch: (request: Request) => Response | Promise<Response> },
  prepare?: () => Promise<void>,
) {
  const session = { baseUrl: '', browser: undefined as unknown as Browser };
  let server: ReturnType<typeof serve> | undefined;
  beforeAll(async () => {
    await prepare?.();
    server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((resolve) => server!.once('listening', resolve));
    session.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    session.browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  }, 180_000);
  afterAll(async () => {
    await session.browser?.close();
    server?.close();
  });
  return session;
}

/** Opens the admin UI and signs in with the login form. */
export async function signInToAdmin(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/admin/`);
  await page.locator('input[name="username"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Connexion' }).click();
}

/** The error text shown under an input (its helper text, which the input is described by), once the API answered. */
export async function errorUnder(input: Locator): Promise<string> {
  const id = await input.getAttribute('aria-describedby');
  const helper = input.page().locator(`[id="${id}"]`);
  // before the refusal arrives, the helper may be there holding only a zero-width space
  await helper.filter({ hasText: /[^\s\u200b]/ }).waitFor();
  return (await helper.textContent()) ?? '';
}

// Rules axe-core leaves out of the WCAG tags that a screen reader or voice user still trips on: a control whose name
// does not contain the words it shows (experimental in axe-core, so off unless asked), no h1, no main landmark.
const ALSO_CHECKED = ['label-content-name-mismatch', 'page-has-heading-one', 'landmark-one-main'];

/**
 * The page's serious or critical WCAG 2.1 A/AA violations found by axe-core, and any of ALSO_CHECKED, one line each
 * with where and why.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  const wcag = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const also = await new AxeBuilder({ page })
    .withRules(ALSO_CHECKED)
    .options({ rules: Object.fromEntries(ALSO_CHECKED.map((rule) => [rule, { enabled: true }])) })
    .analyze();
  return [...wcag.violations, ...also.violations]
    .filter(
      (violation) =>
        violation.impact === 'serious' || violation.impact === 'critical' || ALSO_CHECKED.includes(violation.id),
    )
    .map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((node) => `${node.target.join(' ')} (${node.failureSummary ?? ''})`).join(', ')}`,
    );
}
