import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { insertProject, insertSchool, insertUser } from '../../test/fixtures.ts';
import { pdfText } from '../../test/tax-receipts.ts';

// A porteur prints a flyer of their project: title, school, goal, and the public page's address with its QR code.
const { db, browser } = await createTestApp();
const schoolUai = await insertSchool(db, { name: 'École Louise Michel' });
const porteur = await insertUser(db, 'porteur');
const stranger = await insertUser(db, 'porteur');
const admin = await insertUser(db, 'admin');
const id = await insertProject(db, {
  schoolUai,
  porteurId: porteur.id,
  campaignEndsInDays: 20,
  minimumGoalCents: 150_000,
});

async function signedIn(email: string) {
  const client = browser();
  expect((await client.login(email)).status).toBe(200);
  return client;
}

describe('the project’s flyer', () => {
  it('is a PDF with the title, school, goal, public address and the QR code picture', async () => {
    const response = await (await signedIn(porteur.email)).request('GET', `/api/projects/${id}/flyer.pdf`);
    expect(response.status).toBe(200);
    const raw = Buffer.from(await response.clone().arrayBuffer()).toString('latin1');
    const text = (await pdfText(response)).replace(/[\u202f\u00a0]/g, ' ');
    expect(text).toContain('Classe de mer à Wimereux');
    expect(text).toContain('École Louise Michel, Roubaix');
    expect(text).toContain('Objectif : 1 500,00 €');
    expect(text).toContain('Trois jours au bord de la mer');
    expect(text).toContain(`http://localhost:3000/projets/${id}`);
    expect(raw).toMatch(/\/Subtype \/Image[\s\S]*?\/Width 600/);
    expect(raw).toContain(`/URI (http://localhost:3000/projets/${id})`);
  });

  it('is for those whose role covers the project: staff yes, another porteur no (404), a visitor must sign in', async () => {
    expect((await (await signedIn(admin.email)).request('GET', `/api/projects/${id}/flyer.pdf`)).status).toBe(200);
    expect((await (await signedIn(stranger.email)).request('GET', `/api/projects/${id}/flyer.pdf`)).status).toBe(404);
    expect((await browser().request('GET', `/api/projects/${id}/flyer.pdf`)).status).toBe(401);
  });
});
