import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { signInToAdmin, useBrowser } from '../../test/browser.ts';
import { FIXTURE_PASSWORD, insertProject, insertSchool, insertUser } from '../../test/fixtures.ts';

// The final report is read in full on the project's page before a validator judges it.
const { app, db, browser } = await createTestApp();
const session = useBrowser(app);

const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);
const schoolUai = await insertSchool(db, { name: 'École Louise Michel' });
const porteur = await insertUser(db, 'porteur');
const validateur = await insertUser(db, 'validateur');
const projectId = await insertProject(db, { schoolUai, porteurId: porteur.id });
await db`update projects set status = 'report_submitted' where id = ${projectId}`;
await db`
  insert into project_budget_lines (project_id, position, label, amount_cents)
  values (${projectId}, 1, 'Hébergement et repas', 90000), (${projectId}, 2, 'Transport en car', 30000)`;

describe('the final report on the project page', () => {
  it('is not there before the porteur submits it', async () => {
    const client = browser();
    await client.login(validateur.email);
    const { status, body } = await client.getJson(`/api/projects/${projectId}/report`);
    expect(status).toBe(404);
    expect(body.message).toBe('Aucun bilan n’a encore été déposé pour ce projet.');
  });

  it('shows a validator what was done, the pupils reached, the spend against the budget and the photos', async () => {
    await db`
      insert into project_reports (project_id, version, what_was_done, pupils_reached, actual_spend_cents, submitted_by)
      values (${projectId}, 1, 'Trois jours à Wimereux : pêche à pied, visite de Nausicaá, carnet de bord illustré.',
              23, 115000, ${porteur.id})`;
    await db`
      insert into project_documents (project_id, kind, filename, content_type, content, image_rights, uploaded_by)
      values (${projectId}, 'photo', 'peche-a-pied.png', 'image/png', ${PIXEL_PNG}, true, ${porteur.id})`;

    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1100 } });
    page.setDefaultTimeout(20_000);
    await signInToAdmin(page, session.baseUrl, validateur.email, FIXTURE_PASSWORD);
    await page.getByRole('menuitem', { name: 'Projets' }).waitFor();
    await page.goto(`${session.baseUrl}/admin/#/projects/${projectId}/show`);
    const report = page.getByRole('region', { name: /^Bilan final, déposé le (1er|\d{1,2}) [a-zéû]+ \d{4}$/ });
    await report.waitFor();
    await report
      .getByText('Trois jours à Wimereux : pêche à pied, visite de Nausicaá, carnet de bord illustré.')
      .waitFor();
    const text = (await report.innerText()).replace(/\s/g, ' ');
    expect(text).toContain('Élèves concernés : 23 élèves (prévus : 24)');
    expect(text).toContain('Dépenses réelles : 1 150,00 € pour un budget prévu de 1 200,00 €');
    const rows = await report.getByRole('table', { name: 'Budget prévu par ligne' }).getByRole('row').allInnerTexts();
    expect(rows.map((row) => row.replace(/\s+/g, ' ').trim())).toEqual([
      'Hébergement et repas 900,00 €',
      'Transport en car 300,00 €',
    ]);
    const photo = report.getByRole('img', { name: 'peche-a-pied.png' });
    await photo.waitFor();
    await expect.poll(() => photo.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(1);
    await page.screenshot({ path: '.data/e2e-final-report.png', fullPage: true });
    await page.close();
  }, 90_000);
});
