import { describe, expect, it } from 'vitest';
import { createTestApp } from '../test/app.ts';
import { signIn } from '../test/lifecycle.ts';

const { db, browser } = await createTestApp();
const admin = await signIn({ db, browser }, 'admin');

type Operation = { responses: Record<string, { description: string }> };

describe('the OpenAPI document’s error responses', () => {
  it('describe each error status in French by what it means, never a 404 or 409 as « Données invalides »', async () => {
    const { body } = await admin.client.getJson('/api/openapi.json');
    const operations = Object.values((body as { paths: Record<string, Record<string, Operation>> }).paths).flatMap(
      (path) => Object.values(path),
    );
    const wrong = operations.flatMap((operation) =>
      Object.entries(operation.responses).filter(
        ([status, response]) => status !== '400' && response.description === 'Données invalides',
      ),
    );
    expect(wrong).toEqual([]);
    const grant = (body as { paths: Record<string, Record<string, Operation>> }).paths[
      '/api/projects/{id}/minimum-goal-exception'
    ]?.post;
    expect(grant?.responses['400']?.description).toBe('Données invalides');
    expect(grant?.responses['403']?.description).toBe('Rôle insuffisant');
    expect(grant?.responses['404']?.description).toBe('Introuvable (ou hors de votre périmètre)');
    expect(grant?.responses['409']?.description).toBe('Refusé : l’état actuel ne le permet pas');
  });
});
