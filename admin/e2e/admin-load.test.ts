import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { IMMUTABLE } from '../../api/routes/admin-spa.ts';
import { createTestApp } from '../../test/app.ts';
import { useBrowser } from '../../test/browser.ts';

// What a browser downloads to show the sign-in page: a few compressed scripts, cached for good, and no page's code.
const { app } = await createTestApp();
const session = useBrowser(app);

describe('the admin’s first load', () => {
  it('fetches only the sign-in page’s scripts, compressed and cached as immutable, and index.html revalidated', async () => {
    const page = await session.browser.newPage();
    const scripts = new Map<string, Record<string, string>>();
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (path.endsWith('.js')) scripts.set(path, response.headers());
    });
    const index = await page.goto(`${session.baseUrl}/admin/`);
    expect(index?.headers()['cache-control']).toBe('no-cache');
    await page.locator('input[name="username"]').waitFor();

    const paths = [...scripts.keys()];
    expect(paths.length).toBeGreaterThan(1);
    for (const headers of scripts.values()) {
      expect(headers['cache-control']).toBe(IMMUTABLE);
      expect(headers['content-encoding']).toBe('br');
    }
    // pages come with their own chunk when they are opened
    expect(paths.filter((path) => /\/(Dashboard|Project\w+|SignUpPage)-/.test(path))).toEqual([]);
    const gzipped = paths.reduce(
      (sum, path) => sum + gzipSync(readFileSync(`admin/dist${path.replace(/^\/admin/, '')}`)).length,
      0,
    );
    expect(gzipped).toBeLessThan(500 * 1024);
    await page.close();
  });

  it('compresses the API’s answers for clients that accept it', async () => {
    const response = await app.request('/api/openapi.json', { headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    const body = new Response(response.body!.pipeThrough(new DecompressionStream('gzip')));
    expect((await body.json()).openapi).toBe('3.1.0');
  });

  it('answers 404 for a script the build does not have, rather than the page', async () => {
    const response = await app.request('/admin/assets/absent-0000.js');
    expect(response.status).toBe(404);
  });
});
