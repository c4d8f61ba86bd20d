import { describe, expect, it } from 'vitest';
import { ROLE_LABELS, type Role } from '../domain/roles.ts';
import { createTestApp } from '../test/app.ts';
import { signIn } from '../test/lifecycle.ts';

const { db, browser } = await createTestApp();
const admin = await signIn({ db, browser }, 'admin');

type Operation = {
  'x-access': 'public' | 'authenticated' | Role[];
  responses: Record<string, { description: string }>;
};
type Document = { paths: Record<string, Record<string, Operation>> };

const { body } = await admin.client.getJson('/api/openapi.json');
const document = body as Document;
const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, ...operation })),
);
const described = (path: string, method: string, status: number) =>
  document.paths[path]?.[method]?.responses[String(status)]?.description;

describe('the OpenAPI document’s error responses', () => {
  it('describe each error status in French by what it means, never a 404 or 409 as « Données invalides »', () => {
    const wrong = operations.flatMap((operation) =>
      Object.entries(operation.responses).filter(
        ([status, response]) => status !== '400' && response.description === 'Données invalides',
      ),
    );
    expect(wrong).toEqual([]);
    const route = '/api/projects/{id}/minimum-goal-exception';
    expect(described(route, 'post', 400)).toBe('Données invalides');
    expect(described(route, 'post', 403)).toBe('Rôle insuffisant : réservé au rôle « Administrateur »');
    expect(described(route, 'post', 404)).toBe('Introuvable (ou hors de votre périmètre)');
    expect(described(route, 'post', 409)).toBe('Refusé : l’état actuel ne le permet pas');
  });

  it('give a 401 « not signed in » to every route that needs a session, and none to public ones', () => {
    const signedIn = operations.filter((operation) => operation['x-access'] !== 'public');
    expect(signedIn.length).toBeGreaterThan(50);
    expect(signedIn.filter((operation) => !operation.responses['401']?.description.startsWith('Non connecté'))).toEqual(
      [],
    );
    expect(described('/api/donations', 'post', 401)).toBeUndefined();
    expect(described('/api/auth/login', 'post', 401)).toBe('Identifiants incorrects');
  });

  it('give a 403 naming the roles a route is kept for, and none to a route any signed-in user may call', () => {
    const withRoles = operations.filter((operation) => Array.isArray(operation['x-access']));
    const unnamed = withRoles.filter(({ 'x-access': roles, responses }) => {
      const description = responses['403']?.description ?? '';
      return !(roles as Role[]).every((role) => description.includes(`« ${ROLE_LABELS[role]} »`));
    });
    expect(unnamed.map((operation) => operation.route)).toEqual([]);
    expect(described('/api/stats', 'get', 403)).toBe(
      'Rôle insuffisant : réservé aux rôles « Administrateur », « Validateur »',
    );
    const open = operations.filter(
      (operation) => operation['x-access'] !== 'public' && !Array.isArray(operation['x-access']),
    );
    expect(open.filter((operation) => operation.responses['403'])).toEqual([]);
    expect(open.map((operation) => operation.route)).toContain('GET /api/schools');
    expect(described('/api/donations', 'post', 403)).toBeUndefined();
  });

  it('declare the status each reading of a record answers for one that does not exist (404 where it says so)', async () => {
    const readings = operations.filter(
      ({ route }) => route.startsWith('GET ') && route.includes('{') && !route.includes('/home/'),
    );
    expect(readings.length).toBeGreaterThan(10);
    const undeclared: string[] = [];
    for (const { route, responses } of readings) {
      const response = await admin.client.request('GET', route.slice(4).replace(/\{\w+\}/g, '2147483000'));
      if (!responses[String(response.status)]) undeclared.push(`${route}: ${response.status}`);
    }
    expect(undeclared).toEqual([]);
  });

  it('describe the Stripe webhook’s 400 as the signature it refuses', () => {
    expect(described('/api/stripe/webhook', 'post', 400)).toBe('Signature Stripe absente ou fausse');
  });
});
