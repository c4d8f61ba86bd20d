import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../test/app.ts';
import { insertUser } from '../test/fixtures.ts';
import { handleError } from './errors.ts';

// Every error a person can see is in French; the site's pages answer theirs as HTML pages, the API as JSON;
// a method a path does not take is a 405 naming those it takes.
const { app, db, browser } = await createTestApp();
const admin = await insertUser(db, 'admin');
const signedIn = browser();
await signedIn.login(admin.email);

const post = (path: string, body: string, headers: Record<string, string>) =>
  app.request(`http://localhost${path}`, { method: 'POST', headers: { origin: 'http://localhost', ...headers }, body });

describe('errors in French', () => {
  it('malformed JSON is explained in French, not « Malformed JSON in request body »', async () => {
    const response = await post('/api/auth/login', '{"email": ', { 'content-type': 'application/json' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      code: 'http_400',
      message: 'La requête est illisible : le corps JSON ou le formulaire est mal formé.',
    });
  });

  it('zod’s own messages are French', async () => {
    const response = await signedIn.request('GET', '/api/users?perPage=beaucoup&order=up');
    expect(response.status).toBe(400);
    const { message } = (await response.json()) as { message: string };
    expect(message).toMatch(/^Données invalides — /);
    expect(message).toContain('perPage : Entrée invalide : nombre attendu, NaN reçu');
    expect(message).toContain('order : Option invalide : une valeur parmi "ASC"|"DESC" attendue');
    expect(message).not.toMatch(/Invalid input|expected/);
  });

  it('a request from another site is refused in French', async () => {
    const response = await post('/api/auth/logout', '', {
      origin: 'https://evil.example',
      'content-type': 'text/plain',
    });
    expect(response.status).toBe(403);
    expect((await response.json()).message).toBe('Requête refusée : elle doit venir du site lui-même.');
  });
});

describe('the site’s pages answer errors as French HTML pages', () => {
  it('an unknown page is a 404 page, an unknown API path a JSON 404', async () => {
    const page = await app.request('http://localhost/projets/12/inconnu');
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<h1>Page introuvable</h1>');
    const api = await app.request('http://localhost/api/inconnu');
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ code: 'not_found', message: 'Ressource introuvable.' });
    expect((await app.request('http://localhost/health/inconnu')).headers.get('content-type')).toContain('json');
  });

  it('a malformed page parameter is a 400 page naming it', async () => {
    const response = await app.request('http://localhost/projets/abc');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('<h1>Demande invalide</h1>');
    expect(html).toContain('Données invalides — id : ');
  });

  it('an unexpected failure on a page is a 500 page without internals', async () => {
    const failing = new Hono()
      .get('/projets/1', () => {
        throw new Error('connexion perdue à la base');
      })
      .onError(handleError);
    const response = await failing.request('http://localhost/projets/1');
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('Une erreur interne est survenue.');
    expect(html).not.toContain('connexion perdue');
  });
});

describe('a method a path does not take', () => {
  it('is a 405 with the methods it takes, in JSON under /api', async () => {
    const response = await signedIn.request('DELETE', '/api/schools');
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect(await response.json()).toEqual({
      code: 'method_not_allowed',
      message: 'Méthode non autorisée pour cette adresse.',
    });
  });

  it('is a 405 page on the site', async () => {
    const response = await app.request('http://localhost/projets/1', {
      method: 'PUT',
      headers: { origin: 'http://localhost' },
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect(await response.text()).toContain('<h1>Méthode non autorisée</h1>');
  });

  it('is a readable 405 when the client takes compressed answers, as HTTP clients do', async () => {
    const response = await app.request('http://localhost/api/health', {
      method: 'PUT',
      headers: { origin: 'http://localhost', 'accept-encoding': 'gzip, deflate' },
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    const body = new Response(response.body!.pipeThrough(new DecompressionStream('gzip')));
    expect(await body.json()).toEqual({
      code: 'method_not_allowed',
      message: 'Méthode non autorisée pour cette adresse.',
    });
  });

  it('leaves a path no method takes a 404', async () => {
    expect((await signedIn.request('DELETE', '/api/nulle-part')).status).toBe(404);
  });
});
