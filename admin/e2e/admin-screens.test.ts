import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { signInToAdmin, useBrowser } from '../../test/browser.ts';
import { FIXTURE_PASSWORD, insertProject, insertSchool, insertUser } from '../../test/fixtures.ts';
import { insertReceivingStructure } from '../../test/money.ts';

// Screens an admin was missing: the exception to the 5 000 € cap, the bank details to validate, anomalies in bulk.
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
});
