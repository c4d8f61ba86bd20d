import { beforeAll, describe, expect, it } from 'vitest';
import { LIFECYCLE_ACTIONS, rolesFor } from '../domain/lifecycle.ts';
import { ROLE_GROUPS } from '../domain/role-groups.ts';
import { PROJECT_ROLES } from '../domain/roles.ts';
import { createTestApp } from '../test/app.ts';
import { insertSchool, insertUser } from '../test/fixtures.ts';
import { UNDOCUMENTED_PUBLIC_PATHS } from './app.ts';

const { app, db, browser } = await createTestApp({ config: { API_DOCS: 'public' } });

interface Operation {
  'x-access'?: 'public' | 'authenticated' | string[];
}
const document = (await (await app.request('/api/openapi.json')).json()) as {
  paths: Record<string, Record<string, Operation>>;
};
const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })),
);
// a concrete URL for a documented path: any well-formed parameter will do, access is checked first
const concrete = (path: string) => path.replace('{id}', '1');

describe('every route declares who may call it', () => {
  it('the OpenAPI document lists every route the app serves, each with its access', () => {
    const documented = new Set(operations.map(({ method, path }) => `${method} ${path.replace(/\{(\w+)\}/g, ':$1')}`));
    const served = app.routes
      .filter((route) => route.method !== 'ALL')
      .map((route) => `${route.method} ${route.path}`)
      .filter((route) => !UNDOCUMENTED_PUBLIC_PATHS.some((path) => route.endsWith(` ${path}`)));
    expect(served.length).toBeGreaterThan(10);
    expect(served.filter((route) => !documented.has(route))).toEqual([]);
    for (const { method, path, operation } of operations) {
      expect(operation['x-access'], `${method} ${path}`).toBeDefined();
    }
  });

  it('keeps each route of some roles for a named group of domain/ (role groups the admin’s permissions use too, the project roles, a lifecycle action’s roles, which the API tells the admin), never a list of its own', () => {
    const named = [...Object.values(ROLE_GROUPS), PROJECT_ROLES, ...LIFECYCLE_ACTIONS.map(rolesFor)].map((roles) =>
      JSON.stringify(roles),
    );
    const unnamed = operations.filter(
      ({ path, operation }) =>
        Array.isArray(operation['x-access']) &&
        // a role's own home page is kept for that role alone
        !path.startsWith('/api/home/') &&
        !named.includes(JSON.stringify(operation['x-access'])),
    );
    expect(unnamed.map(({ method, path, operation }) => `${method} ${path} ${operation['x-access']}`)).toEqual([]);
  });

  it.each(operations.filter(({ operation }) => operation['x-access'] !== 'public'))(
    'refuses an anonymous $method $path with 401',
    async ({ method, path }) => {
      const response = await browser().request(method, concrete(path), method === 'GET' ? undefined : {});
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ code: 'unauthenticated' });
    },
  );

  it.each(operations.filter(({ operation }) => operation['x-access'] === 'public'))(
    'lets an anonymous $method $path through',
    async ({ method, path }) => {
      const response = await browser().request(method, concrete(path), method === 'GET' ? undefined : {});
      expect(response.status).not.toBe(401);
      expect(response.status).not.toBe(403);
    },
  );
});

describe('roles', () => {
  let donateur: string;
  let admin: string;
  beforeAll(async () => {
    await insertSchool(db);
    donateur = (await insertUser(db, 'donateur')).email;
    admin = (await insertUser(db, 'admin')).email;
  });

  it.each(
    operations.filter(
      ({ operation }) => Array.isArray(operation['x-access']) && !operation['x-access'].includes('donateur'),
    ),
  )('refuses a donateur $method $path with 403', async ({ method, path }) => {
    const client = browser();
    await client.login(donateur);
    const response = await client.request(method, concrete(path), method === 'GET' ? undefined : {});
    expect(response.status).toBe(403);
    expect((await response.json()).message).toBe('Votre rôle ne permet pas cette action.');
  });

  it('lets an admin list users, with their roles and without password hashes', async () => {
    const client = browser();
    await client.login(admin);
    const response = await client.request('GET', '/api/users?sort=email&order=DESC&perPage=10');
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.total).toBe(2);
    expect(body.data.map((user: { email: string }) => user.email)).toEqual([donateur, admin].sort().reverse());
    expect(JSON.stringify(body)).not.toContain('argon2');
  });

  it('refuses a sort field outside the allow-list with a 400 naming the field', async () => {
    const client = browser();
    await client.login(admin);
    const response = await client.request('GET', '/api/users?sort=password_hash');
    expect(response.status).toBe(400);
    expect((await response.json()).message).toContain('sort');
  });
});

describe('the OpenAPI document', () => {
  it('is served with a viewer whose assets come from this server, not a CDN', async () => {
    const page = await (await app.request('/api/docs')).text();
    expect(page).toContain('/api/docs/assets/swagger-ui-dist/swagger-ui-bundle.js');
    const bundle = await app.request('/api/docs/assets/swagger-ui-dist/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect((await bundle.text()).length).toBeGreaterThan(100_000);
  });
});
