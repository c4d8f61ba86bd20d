import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { signInToAdmin, useBrowser } from '../../test/browser.ts';
import { FIXTURE_PASSWORD, insertProject, insertSchool, insertUser } from '../../test/fixtures.ts';

// A porteur attaches a quote and photos to the dossier; a file is taken for what its content is, not its name.
const { app, db } = await createTestApp();
const session = useBrowser(app);

const schoolUai = await insertSchool(db, { name: 'École Jules Ferry' });
const porteur = await insertUser(db, 'porteur');
const projectId = await insertProject(db, { schoolUai, porteurId: porteur.id });
const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

const documents = () =>
  db<{ kind: string; filename: string; contentType: string; imageRights: boolean }[]>`
    select kind, filename, content_type, image_rights from project_documents where project_id = ${projectId} order by id`;

describe('attachments of a dossier, in the browser', () => {
  it('takes a quote and a photo from the porteur, shows them in the dossier, and refuses a file that is neither', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1100 } });
    page.setDefaultTimeout(20_000);
    await signInToAdmin(page, session.baseUrl, porteur.email, FIXTURE_PASSWORD);
    await page.getByRole('menuitem', { name: 'Projets' }).waitFor();
    await page.goto(`${session.baseUrl}/admin/#/projects/${projectId}/show`);
    await page.getByText('Pièces jointes').waitFor();
    // the dossier in French formats: dates in words, counts agreed, no ISO dates
    const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    expect(text).toMatch(/Activité : du (1er|\d{1,2}) [a-zéû]+ \d{4} au (1er|\d{1,2}) [a-zéû]+ \d{4}/);
    expect(text).toContain('Élèves : 24 élèves (CM1, CM2)');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);

    await page.getByRole('button', { name: 'Joindre une pièce' }).click();
    const dialog = page.getByRole('dialog', { name: 'Joindre une pièce au dossier' });
    await dialog.getByRole('combobox', { name: 'Type de pièce' }).click();
    await page.getByRole('option', { name: 'Photo' }).click();
    const file = dialog.getByLabel('Fichier (PDF, JPEG ou PNG)');
    // named and declared as a PNG, it is a web page
    await file.setInputFiles({ name: 'sortie.png', mimeType: 'image/png', buffer: Buffer.from('<html></html>') });
    await dialog.getByRole('button', { name: 'Joindre une pièce' }).click();
    // the refusal comes from the API: wait for it, then check it is the file field's own help text
    await dialog.getByText('Ce fichier n’est ni un PDF, ni une image JPEG ou PNG.').waitFor();
    const helper = page.locator(`[id="${await file.getAttribute('aria-describedby')}"]`);
    expect(await helper.textContent()).toBe('Ce fichier n’est ni un PDF, ni une image JPEG ou PNG.');
    expect(await documents()).toEqual([]);

    await file.setInputFiles({ name: 'sortie.png', mimeType: 'image/png', buffer: PIXEL_PNG });
    await dialog.getByLabel(/^Photo : les personnes reconnaissables/).check();
    await dialog.getByRole('button', { name: 'Joindre une pièce' }).click();
    await page.getByText('Pièce jointe ajoutée au dossier.').waitFor();
    await page.getByRole('link', { name: 'sortie.png' }).waitFor();

    await page.getByRole('button', { name: 'Joindre une pièce' }).click();
    await dialog.getByLabel('Fichier (PDF, JPEG ou PNG)').setInputFiles({
      name: 'devis-autocars.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 devis'),
    });
    await dialog.getByRole('button', { name: 'Joindre une pièce' }).click();
    await page.getByRole('link', { name: 'devis-autocars.pdf' }).waitFor();
    const dossier = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    expect(dossier).toContain('Photo : sortie.png');
    expect(dossier).toContain('Devis : devis-autocars.pdf');
    expect(await documents()).toEqual([
      { kind: 'photo', filename: 'sortie.png', contentType: 'image/png', imageRights: true },
      { kind: 'quote', filename: 'devis-autocars.pdf', contentType: 'application/pdf', imageRights: false },
    ]);
    await page.close();
  }, 90_000);
});
