import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { signInToAdmin, useBrowser } from '../../test/browser.ts';
import { FIXTURE_PASSWORD, insertSchool, insertUser } from '../../test/fixtures.ts';
import { act, signIn as signInApi } from '../../test/lifecycle.ts';

// A project carried from its draft to its publication by clicking through the back office, in Chromium, with the
// real API, Temporal and Postgres behind it. Screenshots land in .data/ as test artifacts.
const { app, db, browser } = await createTestApp({ worker: true });
const session = useBrowser(app);

const schoolUai = await insertSchool(db, { name: 'École Jean Zay' });
const [structure] = await db<{ id: number }[]>`
  insert into receiving_structures (school_uai, kind, legal_name)
  values (${schoolUai}, 'cooperative_scolaire', 'Coopérative scolaire de l’école Jean Zay (OCCE 59)') returning id`;
const porteur = await insertUser(db, 'porteur');
const validateur = await insertUser(db, 'validateur');
const directeur = await insertUser(db, 'directeur', { schoolUai });
const TITLE = 'Potager pédagogique de l’école Jean Zay';
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function open(email: string): Promise<Page> {
  const page = await session.browser.newPage({ viewport: { width: 1400, height: 1100 } });
  page.setDefaultTimeout(20_000);
  await signInToAdmin(page, session.baseUrl, email, FIXTURE_PASSWORD);
  await page.getByRole('menuitem', { name: 'Projets' }).waitFor();
  return page;
}

const statusOf = async () =>
  (await db<{ status: string }[]>`select status from projects where title = ${TITLE}`)[0]?.status;

describe('a project from draft to publication, in the browser', () => {
  it('is written and submitted by its porteur', async () => {
    const page = await open(porteur.email);
    await page.getByRole('menuitem', { name: 'Projets' }).click();
    await page.getByRole('link', { name: 'Nouveau projet' }).click();
    await page.getByLabel('Titre').fill(TITLE);
    await page.getByLabel('Résumé').fill('Un potager dans la cour, cultivé par les classes de CE2.');
    await page.getByRole('combobox', { name: 'UAI' }).fill('Jean Zay');
    await page.getByRole('option', { name: new RegExp(`École Jean Zay.*${schoolUai}`) }).click();
    await page.getByRole('combobox', { name: 'Structure réceptrice' }).click();
    await page.getByRole('option', { name: 'Coopérative scolaire de l’école Jean Zay (OCCE 59)' }).click();
    await page.getByRole('combobox', { name: 'Thème' }).click();
    await page.getByRole('option', { name: 'Développement durable' }).click();
    await page.getByRole('combobox', { name: 'Niveaux' }).click();
    await page.getByRole('option', { name: 'CE2', exact: true }).click();
    await page.keyboard.press('Escape');
    await page.getByLabel('Nombre d’élèves').fill('48');
    await page.getByLabel('Début de l’activité').fill(inDays(120));
    await page.getByLabel('Fin de l’activité').fill(inDays(240));
    await page.getByLabel('Objectif minimum (€)').fill('1200');
    await page.getByLabel('Objectif optimal (€)').fill('1500');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Projet enregistré comme brouillon.', { exact: true }).waitFor();
    await page.screenshot({ path: '.data/e2e-porteur-draft.png', fullPage: true });
    await page.getByRole('button', { name: 'Soumettre à la validation' }).click();
    await page.getByText('Projet soumis à la validation.').waitFor();
    await expect.poll(statusOf).toBe('submitted');
    const [saved] = await db<{ structureId: number }[]>`select structure_id from projects where title = ${TITLE}`;
    expect(saved?.structureId).toBe(structure?.id);
    await page.screenshot({ path: '.data/e2e-porteur-submitted.png', fullPage: true });
    await page.close();
  }, 90_000);

  it('goes back to its porteur when a validator asks for changes, with the comment, and comes back', async () => {
    const validator = await open(validateur.email);
    await validator.getByRole('menuitem', { name: 'File de validation' }).click();
    await validator.getByText(TITLE).click();
    await validator.getByRole('button', { name: 'Demander des modifications' }).click();
    const dialog = validator.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Demander des modifications' }).click();
    // no comment: the API's refusal is shown under the field, and the form stays open
    await dialog.getByText('Un commentaire est obligatoire pour demander des modifications ou refuser.').waitFor();
    await dialog.getByLabel('Commentaire (obligatoire)').fill('Précisez le budget : semences, outils, bacs.');
    await dialog.getByRole('button', { name: 'Demander des modifications' }).click();
    await validator.getByText('Modifications demandées.').waitFor();
    await expect.poll(statusOf).toBe('changes_requested');
    await validator.close();

    const page = await open(porteur.email);
    await page.getByRole('menuitem', { name: 'Projets' }).click();
    await page.getByText(TITLE).click();
    await page.getByText('« Précisez le budget : semences, outils, bacs. »').waitFor();
    await page.screenshot({ path: '.data/e2e-porteur-changes-requested.png', fullPage: true });
    await page.getByRole('link', { name: 'Modifier' }).click();
    await page.getByRole('button', { name: 'Ajouter' }).click();
    // a project is edited, never deleted from its form
    await page.getByRole('button', { name: 'Enregistrer' }).waitFor();
    expect(await page.locator('.ra-delete-button').count()).toBe(0);
    await page.getByLabel('Libellé').first().fill('Semences et outils');
    await page.getByLabel('Montant (€)').first().fill('1200');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('button', { name: 'Soumettre à la validation' }).click();
    await page.getByText('Projet soumis à la validation.').waitFor();
    await expect.poll(statusOf).toBe('submitted');
    const lines = await db<{ label: string; amountCents: number }[]>`
      select l.label, l.amount_cents from project_budget_lines l join projects p on p.id = l.project_id
      where p.title = ${TITLE}`;
    expect(lines).toEqual([{ label: 'Semences et outils', amountCents: 120_000 }]);
    await page.close();
  }, 90_000);

  it('is accepted by a validator from the queue, who sees its new status', async () => {
    const page = await open(validateur.email);
    await page.getByRole('menuitem', { name: 'File de validation' }).click();
    await page.getByText(TITLE).click();
    await page.getByText('Un potager dans la cour, cultivé par les classes de CE2.').waitFor();
    await page.getByRole('button', { name: 'Accepter' }).click();
    // an acceptance cannot be taken back: the validator confirms, told what follows
    const confirm = page.getByRole('dialog', { name: 'Accepter le projet ?' });
    await confirm.getByText(/chef d’établissement sera invité à attester/).waitFor();
    expect(await statusOf()).toBe('submitted');
    await confirm.getByRole('button', { name: 'Accepter' }).click();
    await page.getByText('Projet accepté.').waitFor();
    await page.getByText('En attente d’attestation').first().waitFor();
    expect(await statusOf()).toBe('awaiting_attestation');
    await page.screenshot({ path: '.data/e2e-validator-accepted.png', fullPage: true });
    await page.close();
  }, 90_000);

  it('is attested by the directeur, after the API said what was missing', async () => {
    const page = await open(directeur.email);
    await page.getByRole('menuitem', { name: 'Projets' }).click();
    await page.getByText(TITLE).click();
    await page.getByRole('button', { name: 'Attester les autorisations' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Attester les autorisations' }).click();
    // the API refuses an attestation without the approvals, and its French message is shown in the dialog
    const alert = page.getByRole('dialog').getByRole('alert');
    await alert.waitFor();
    const refusal = await alert.textContent();
    expect(refusal).toMatch(/IEN|DASEN|conseil d’administration|autorisations/i);
    await page
      .getByLabel('Document d’autorisation (facultatif : PDF, JPEG ou PNG)')
      .setInputFiles({ name: 'accord-dasen.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 accord') });
    await page.getByLabel('1er degré : l’IEN a donné son accord').check();
    await page.getByLabel('1er degré : le DASEN a donné son accord').check();
    await page.getByRole('dialog').getByRole('button', { name: 'Attester les autorisations' }).click();
    await page.getByText('Attestation enregistrée.').waitFor();
    await expect.poll(statusOf).toBe('published');
    const [attestation] = await db<{ filename: string }[]>`
      select d.filename from project_attestations a join project_documents d on d.id = a.document_id
      join projects p on p.id = a.project_id where p.title = ${TITLE}`;
    expect(attestation?.filename).toBe('accord-dasen.pdf');
    await page.screenshot({ path: '.data/e2e-directeur-attested.png', fullPage: true });
    await page.close();
  }, 90_000);

  it('shows the API’s message when an action is no longer allowed', async () => {
    const { client } = await signInApi({ db, browser }, 'porteur');
    // a second project, submitted; a validator opens it, and another validator accepts it meanwhile
    const created = await client.request('POST', '/api/projects', {
      schoolUai,
      title: 'Chorale inter-classes',
      summary: 'Une chorale pour les trois classes de cycle 3.',
      theme: 'arts_culture',
      levels: ['CM1'],
      pupilCount: 60,
      activityStartsOn: inDays(150),
      activityEndsOn: inDays(200),
      minimumGoalCents: 80_000,
      optimumGoalCents: 90_000,
      campaignDays: 30,
    });
    const { id } = (await created.json()) as { id: number };
    expect((await act(client, id, 'submit')).body.status).toBe('submitted');
    const page = await open(validateur.email);
    await page.goto(`${session.baseUrl}/admin/#/projects/${id}/show`);
    await page.getByText('Chorale inter-classes').first().waitFor();
    await page.screenshot({ path: '.data/e2e-refused-before.png', fullPage: true });
    await page.getByRole('button', { name: 'Accepter' }).waitFor();
    const colleague = await signInApi({ db, browser }, 'validateur');
    expect((await act(colleague.client, id, 'review', { decision: 'accept' })).status).toBe(200);
    await page.getByRole('button', { name: 'Accepter' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Accepter' }).click();
    await page
      .getByRole('dialog')
      .getByText('Seul un projet soumis, en attente de validation, peut être examiné.')
      .waitFor();
    await page.screenshot({ path: '.data/e2e-refused-action.png', fullPage: true });
    await page.close();
  }, 90_000);
});
