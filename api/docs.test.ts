import { describe, expect, it } from 'vitest';
import { createTestApp } from '../test/app.ts';
import { insertUser } from '../test/fixtures.ts';
import { parseApiConfig } from './config.ts';
import { docsAccess } from './docs.ts';

// Who reads the OpenAPI document and its viewer is a configuration choice (API_DOCS), admins only unless in development.
const ENV = { DATABASE_URL: 'postgres://u:p@db/t', STRIPE_SECRET_KEY: 'sk_test' };
const DEV = { ...ENV, APP_ENV: 'development' };
const PRODUCTION = {
  ...ENV,
  EMAIL_LINK_SECRET: 'f'.repeat(32),
  STRIPE_WEBHOOK_SECRET: 'whsec_x',
  PLATFORM_DEBTOR_NAME: 'Asso',
  PLATFORM_DEBTOR_IBAN: 'FR1420041010050500013M02606',
  PLATFORM_DEBTOR_BIC: 'PSSTFRPPLIL',
};

describe('API_DOCS', () => {
  it('is public in development, admin-only elsewhere unless set, and refuses other values', () => {
    expect(docsAccess(parseApiConfig(DEV))).toBe('public');
    expect(docsAccess(parseApiConfig(PRODUCTION))).toBe('admin');
    expect(docsAccess(parseApiConfig({ ...PRODUCTION, NODE_ENV: 'development' }))).toBe('admin');
    expect(docsAccess(parseApiConfig({ ...DEV, API_DOCS: 'off' }))).toBe('off');
    expect(docsAccess(parseApiConfig({ ...DEV, API_DOCS: 'admin' }))).toBe('admin');
    expect(() => parseApiConfig({ ...DEV, API_DOCS: 'everyone' })).toThrow(/API_DOCS/);
  });

  it('admin: anonymous callers and other roles are refused, admins read them', async () => {
    const { db, browser } = await createTestApp({ config: { API_DOCS: 'admin' } });
    const paths = ['/api/openapi.json', '/api/docs', '/api/docs/start.js'];
    const anonymous = browser();
    for (const path of paths) expect((await anonymous.request('GET', path)).status).toBe(401);
    const validateur = browser();
    await validateur.login((await insertUser(db, 'validateur')).email);
    for (const path of paths) expect((await validateur.request('GET', path)).status).toBe(403);
    const admin = browser();
    await admin.login((await insertUser(db, 'admin')).email);
    const document = await admin.getJson('/api/openapi.json');
    expect(document.status).toBe(200);
    expect(document.body.info.title).toBe('Trousse à Projets — API du back office');
    expect((await admin.request('GET', '/api/docs')).status).toBe(200);
  });

  it('off: neither is served', async () => {
    const { app } = await createTestApp({ config: { API_DOCS: 'off' } });
    expect((await app.request('http://localhost/api/openapi.json')).status).toBe(404);
    expect((await app.request('http://localhost/api/docs')).status).toBe(404);
  });
});
