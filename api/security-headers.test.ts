import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../test/app.ts';
import { useBrowser } from '../test/browser.ts';
import { insertProject, insertSchool, insertUser } from '../test/fixtures.ts';

// Strict security headers everywhere, and Content-Security-Policies the pages, the admin SPA and the OpenAPI
// viewer actually run under (checked in Chromium: nothing refused, styles applied).
const { app, db } = await createTestApp({ config: { API_DOCS: 'public' } });
const session = useBrowser(app);
const schoolUai = await insertSchool(db);
const porteur = await insertUser(db, 'porteur');
const projectId = await insertProject(db, { schoolUai, porteurId: porteur.id, campaignEndsInDays: 10 });

const directives = (response: Response) =>
  Object.fromEntries(
    (response.headers.get('content-security-policy') ?? '').split('; ').map((d) => {
      const [name, ...values] = d.split(' ');
      return [name, values.join(' ')];
    }),
  );

/** Opens the path in Chromium and returns what the browser refused under the policy. */
async function refusals(path: string, ready: (page: Page) => Promise<unknown>): Promise<string[]> {
  const page = await session.browser.newPage();
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) refused.push(message.text());
  });
  await page.goto(`${session.baseUrl}${path}`);
  await ready(page);
  await page.close();
  return refused;
}

describe('security headers', () => {
  it('a page of the site allows no script, its own style sheet only, and no framing', async () => {
    const response = await app.request(`http://localhost/projets/${projectId}`);
    expect(response.status).toBe(200);
    const csp = directives(response);
    expect(csp['default-src']).toBe("'none'");
    expect(csp['script-src']).toBeUndefined();
    expect(csp['style-src']).toMatch(/^'sha256-[\w+/]+=*'$/);
    expect(csp['form-action']).toBe("'self' https://checkout.stripe.com");
    expect(csp['frame-ancestors']).toBe("'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  });

  it('the API’s answers and errors carry them too', async () => {
    const response = await app.request('http://localhost/api/inconnu');
    expect(directives(response)['default-src']).toBe("'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('the admin SPA runs scripts from its files only', async () => {
    const response = await app.request('http://localhost/admin/');
    expect(response.status).toBe(200);
    const csp = directives(response);
    expect(csp['script-src']).toBe("'self'");
    expect(csp['connect-src']).toBe("'self'");
    expect(csp['frame-ancestors']).toBe("'none'");
  });
});

describe('in the browser, under these policies', () => {
  it('a project page is styled and nothing is refused', async () => {
    let background = '';
    const refused = await refusals(`/projets/${projectId}`, async (page) => {
      background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    });
    expect(background).toBe('rgb(243, 244, 246)');
    expect(refused).toEqual([]);
  });

  it('the admin SPA shows its sign-in form and nothing is refused', async () => {
    const refused = await refusals('/admin/', (page) => page.getByRole('button', { name: 'Connexion' }).waitFor());
    expect(refused).toEqual([]);
  });

  it('the OpenAPI viewer shows the operations and nothing is refused', async () => {
    const refused = await refusals('/api/docs', (page) => page.locator('.opblock').first().waitFor());
    expect(refused).toEqual([]);
  });
});
