import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { signInToAdmin, useBrowser } from '../../test/browser.ts';
import { FIXTURE_PASSWORD } from '../../test/fixtures.ts';
import { TEST_TIME_SCALE, waitForStatus } from '../../test/lifecycle.ts';
import { paidOutProjectWithBudget } from '../../test/reports.ts';

// A porteur files the final report with what was spent on each budget line and the consent to share it; the
// project page then shows both, before it is judged.
const { app, db } = await createTestApp({ worker: true, config: { LIFECYCLE_TIME_SCALE: TEST_TIME_SCALE } });
const session = useBrowser(app);
const { id, porteur } = await paidOutProjectWithBudget(db);

describe('the final report form', () => {
  it('takes the spend of each budget line in euros and the consent, then shows them on the project page', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    page.setDefaultTimeout(20_000);
    await signInToAdmin(page, session.baseUrl, porteur.email, FIXTURE_PASSWORD);
    await page.getByRole('menuitem', { name: 'Projets' }).waitFor();
    await page.goto(`${session.baseUrl}/admin/#/projects/${id}/show`);
    await page.getByRole('link', { name: 'Affiche à imprimer avec QR code (PDF)' }).waitFor();
    await page.getByRole('button', { name: 'Déposer le bilan' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Ce qui a été réalisé').fill('Trois jours à Wimereux : pêche à pied et visite du phare.');
    await dialog.getByLabel('Élèves concernés').fill('23');
    await dialog.getByLabel(/Dépensé pour « Transport en car »/).fill('570.99');
    await dialog.getByLabel(/Dépensé pour « Hébergement »/).fill('-5');
    await dialog.getByLabel(/J’accepte que ce bilan soit partagé/).check();
    await dialog.getByRole('button', { name: 'Déposer le bilan' }).click();
    await dialog.getByText('Une dépense ne peut pas être négative.').waitFor();
    await dialog.getByLabel(/Dépensé pour « Hébergement »/).fill('412.50');
    await dialog.getByRole('button', { name: 'Déposer le bilan' }).click();
    await waitForStatus(db, id, 'report_submitted');

    await page.reload();
    const report = page.getByRole('region', { name: /^Bilan final, déposé le/ });
    await report.waitFor();
    const rows = await report
      .getByRole('table', { name: 'Dépenses réelles par ligne du budget' })
      .getByRole('row')
      .allInnerTexts();
    expect(rows.map((row) => row.replace(/\s+/g, ' ').trim())).toEqual([
      'Transport en car 600,00 € dépensé 570,99 €',
      'Hébergement 400,00 € dépensé 412,50 €',
    ]);
    const text = (await report.innerText()).replace(/\s/g, ' ');
    expect(text).toContain('Dépenses réelles : 983,49 € pour un budget prévu de 1 000,00 €');
    expect(text).toContain('le porteur accepte de partager ce bilan dans le centre de ressources');
    await page.close();
  }, 120_000);
});
