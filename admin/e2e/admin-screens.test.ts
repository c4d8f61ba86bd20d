import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { signInToAdmin, useBrowser } from '../../test/browser.ts';
import { FIXTURE_PASSWORD, insertProject, insertSchool, insertUser } from '../../test/fixtures.ts';
import { insertReceivingStructure } from '../../test/money.ts';

// Screens an admin was missing: the exception to the 5 000 € cap, the bank details to validate, anomalies in bulk,
// the académies of the pilot, stuck projects.
const { app, db } = await createTestApp();
const session = useBrowser(app);

const schoolUai = await insertSchool(db);
const porteur = await insertUser(db, 'porteur');
const admin = await insertUser(db, 'admin');

async function openAsAdmin(): Promise<Page> {
  const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.setDefaultTimeout(20_000);
  await signInToAdmin(page, session.baseUrl, admin.email, FIXTURE_PASSWORD);
  await page.getByRole('menuitem', { name: 'Utilisateurs' }).waitFor();
  return page;
}

describe('the admin’s screens', () => {
  it('grants a draft the exception to the 5 000 € cap after a confirmation', async () => {
    const projectId = await insertProject(db, { schoolUai, porteurId: porteur.id });
    const page = await openAsAdmin();
    await page.goto(`${session.baseUrl}/admin/#/projects/${projectId}/show`);
    await page.getByRole('button', { name: 'Accorder la dérogation (plus de 5 000 €)' }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByText('Le porteur pourra fixer un objectif minimum supérieur à 5 000 €.', { exact: false })
      .waitFor();
    await dialog.getByRole('button', { name: 'Accorder la dérogation (plus de 5 000 €)' }).click();
    await page.getByText('Dérogation accordée.').waitFor();
    const [project] = await db<{ granted: boolean }[]>`
      select minimum_goal_exception as granted from projects where id = ${projectId}`;
    expect(project?.granted).toBe(true);
    await expect
      .poll(() => page.getByRole('button', { name: 'Accorder la dérogation (plus de 5 000 €)' }).count())
      .toBe(0);
    await page.close();
  }, 90_000);

  it('lists only the structures whose bank details await validation', async () => {
    await insertReceivingStructure(db, {
      projectId: await insertProject(db, { schoolUai, porteurId: porteur.id }),
      bankDetailsValidated: false,
      legalName: 'Coopérative Jaurès',
    });
    await insertReceivingStructure(db, {
      projectId: await insertProject(db, { schoolUai, porteurId: porteur.id }),
      legalName: 'Coopérative Pasteur',
    });
    const page = await openAsAdmin();
    await page.getByRole('menuitem', { name: 'Structures réceptrices' }).click();
    await page.getByText('Coopérative Pasteur').waitFor();
    await page.getByRole('combobox', { name: 'Coordonnées bancaires' }).click();
    await page.getByRole('option', { name: 'À valider' }).click();
    await expect.poll(() => page.getByText('Coopérative Pasteur').count()).toBe(0);
    expect(await page.getByText('Coopérative Jaurès').count()).toBe(1);
    await page.close();
  }, 90_000);

  it('marks several anomalies handled at once, after a confirmation', async () => {
    const messages = ['Paiement inconnu A', 'Paiement inconnu B', 'Paiement inconnu C'];
    for (const message of messages) {
      await db`insert into payment_anomalies (kind, message, details) values ('unknown_payment', ${message}, '{}')`;
    }
    const page = await openAsAdmin();
    await page.getByRole('menuitem', { name: 'Anomalies de paiement' }).click();
    for (const message of messages.slice(0, 2)) {
      await page
        .getByRole('row', { name: new RegExp(message) })
        .getByRole('checkbox')
        .check();
    }
    await page.getByRole('button', { name: 'Marquer traitées' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Marquer 2 anomalies comme traitées ?').waitFor();
    await dialog.getByRole('button', { name: 'Marquer traitées' }).click();
    await page.getByText('2 anomalies marquées comme traitées.').waitFor();
    const open = await db<{ message: string }[]>`select message from payment_anomalies where resolved_at is null`;
    expect(open.map((row) => row.message)).toEqual(['Paiement inconnu C']);
    await expect.poll(() => page.getByText('Paiement inconnu A').count()).toBe(0);
    await page.close();
  }, 90_000);

  it('adds an académie to the pilot with its switch', async () => {
    await db`insert into academies (code, name, pilot_enabled) values ('reims', 'Reims', false)`;
    const page = await openAsAdmin();
    await page.getByRole('menuitem', { name: 'Académies' }).click();
    const pilot = page.getByRole('switch', { name: 'Pilote : Reims' });
    await pilot.click();
    await page.getByText('Reims ajoutée au pilote.').waitFor();
    await expect.poll(() => pilot.isChecked()).toBe(true);
    const [reims] = await db<{ pilotEnabled: boolean }[]>`select pilot_enabled from academies where code = 'reims'`;
    expect(reims?.pilotEnabled).toBe(true);
    await page.close();
  }, 90_000);

  it('resumes a stuck project, which then leaves the list', async () => {
    const projectId = await insertProject(db, { schoolUai, porteurId: porteur.id });
    await db`
      insert into lifecycle_incidents (project_id, incident_key, step, message)
      values (${projectId}, ${`e2e-${projectId}`}, 'publishProject', 'Étape de test en échec')`;
    const page = await openAsAdmin();
    await page.getByRole('menuitem', { name: 'Projets bloqués' }).click();
    await page
      .getByRole('row', { name: /Étape de test en échec/ })
      .getByRole('button', { name: 'Relancer' })
      .click();
    await page.getByText('Processus relancé.').waitFor();
    await expect.poll(() => page.getByText('Étape de test en échec').count()).toBe(0);
    const [open] = await db<{ count: number }[]>`
      select count(*)::int from lifecycle_incidents where project_id = ${projectId} and resolved_at is null`;
    expect(open?.count).toBe(0);
    await page.close();
  }, 90_000);

  it('edits a guide with no « Supprimer », which the API does not offer, and says the guide is saved', async () => {
    await db`
      insert into guides (slug, title, body_markdown) values ('preparer-sa-collecte', 'Préparer sa collecte', 'Texte.')`;
    const page = await openAsAdmin();
    await page.getByRole('menuitem', { name: 'Ressources' }).click();
    await page.getByText('Préparer sa collecte').click();
    await page.getByRole('textbox', { name: 'Titre' }).fill('Bien préparer sa collecte');
    expect(await page.getByRole('button', { name: 'Supprimer' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Guide enregistré.', { exact: true }).waitFor();
    const [guide] = await db<{ title: string }[]>`select title from guides where slug = 'preparer-sa-collecte'`;
    expect(guide?.title).toBe('Bien préparer sa collecte');
    await page.close();
  }, 90_000);
});
