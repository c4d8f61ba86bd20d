import { afterEach, describe, expect, it } from 'vitest';
import { signDonationToken } from '../../domain/email-links.ts';
import { createTestApp } from '../../test/app.ts';
import { useBrowser } from '../../test/browser.ts';
import { insertProject, insertSchool, insertUser } from '../../test/fixtures.ts';
import { caughtEmailsTo } from '../../test/mailbox.ts';
import { expectLedgerConsistent, insertSolidarityFund, recordPaidDonation } from '../../test/money.ts';

// The public site: a project's page, its donate form through the local Checkout stand-in, and "manage my gift".
const { app, db, browser, config } = await createTestApp({ worker: true });
const session = useBrowser(app);
const visitor = browser();

afterEach(async () => {
  await expectLedgerConsistent(db);
});

async function collectingProject() {
  const schoolUai = await insertSchool(db, { name: 'École Jules Ferry' });
  const porteur = await insertUser(db, 'porteur');
  return insertProject(db, {
    schoolUai,
    porteurId: porteur.id,
    campaignEndsInDays: 12,
    minimumGoalCents: 100_000,
    optimumGoalCents: 150_000,
  });
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const postForm = (path: string, fields: Record<string, string>) =>
  app.request(`http://localhost${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
    body: form(fields),
  });

describe('a project’s public page', () => {
  it('shows the progress, the days left and the donors, hiding what they asked to hide', async () => {
    const projectId = await collectingProject();
    await recordPaidDonation(db, { projectId, amountCents: 30_000, donorName: 'Lucie Bernard' });
    const hidden = await recordPaidDonation(db, { projectId, amountCents: 12_345, donorName: 'Secret Donateur' });
    await db`update donations set hide_name = true where id = ${hidden}`;
    const response = await visitor.request('GET', `/projets/${projectId}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Classe de mer à Wimereux');
    expect(html).toMatch(/<strong>423,45\s€<\/strong> collectés sur un objectif minimum de 1\s000,00\s€/);
    expect(html).toContain('<progress id="progress" max="100" value="42">');
    expect(html).toContain('<strong>12 jours restants</strong>');
    expect(html).toContain('2 donateurs');
    expect(html).toMatch(/Lucie Bernard — 300,00\s€/);
    expect(html).toMatch(/Un donateur anonyme — 123,45\s€/);
    expect(html).not.toContain('Secret Donateur');
    expect(html).toContain('action="/projets/');
  });

  it('is not found before the campaign opens', async () => {
    const schoolUai = await insertSchool(db);
    const porteur = await insertUser(db, 'porteur');
    const draft = await insertProject(db, { schoolUai, porteurId: porteur.id });
    expect((await visitor.request('GET', `/projets/${draft}`)).status).toBe(404);
  });

  it('shows the form again with every mistake, in French, and records nothing', async () => {
    const projectId = await collectingProject();
    const response = await postForm(`/projets/${projectId}/don`, {
      amount: 'vingt',
      donorName: '',
      donorEmail: 'pas-une-adresse',
      wantsTaxReceipt: 'on',
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('Indiquez un montant en euros, par exemple 25 ou 25,50.');
    expect(html).toContain('Le nom est obligatoire.');
    expect(html).toContain('L’adresse e-mail n’est pas valide.');
    expect(html).toContain('L’adresse est obligatoire pour un reçu fiscal.');
    expect(html).toContain('value="pas-une-adresse"');
    const [row] = await db<{ count: number }[]>`select count(*)::int from donations where project_id = ${projectId}`;
    expect(row?.count).toBe(0);
  });

  it('offers suggested amounts with their cost after tax reduction, and keeps the receipt fields folded', async () => {
    const projectId = await collectingProject();
    const blank = (await (await visitor.request('GET', `/projets/${projectId}`)).text()).replace(
      /[\u202f\u00a0]/g,
      ' ',
    );
    expect(blank).toContain(
      '50 € <span class="muted">(ce don ne vous coûte que 17,00 € après réduction d’impôt)</span>',
    );
    expect(blank).toContain('<details><summary>Reçu fiscal');
    expect(blank).toContain('<a href="/donnees-personnelles">en savoir plus sur vos données personnelles</a>');

    const refused = await postForm(`/projets/${projectId}/don`, {
      amount: '30',
      donorKind: 'company',
      donorName: '',
      donorEmail: 'x@example.org',
      wantsTaxReceipt: 'on',
    });
    const html = (await refused.text()).replace(/[\u202f\u00a0]/g, ' ');
    expect(html).toContain('<div class="alert" id="erreurs" role="alert" tabindex="-1" autofocus>');
    expect(html).toContain('Ce don de 30,00 € ne vous coûte que 12,00 € après réduction d’impôt.');
    expect(html).toContain('<details open><summary>Reçu fiscal');

    const chosen = await postForm(`/projets/${projectId}/don`, {
      suggested: '50',
      amount: '',
      donorName: 'Paul Martin',
      donorEmail: 'paul.martin@example.org',
    });
    expect(chosen.status).toBe(303);
    const [gift] = await db<{ amountCents: number }[]>`
      select amount_cents from donations where donor_email = 'paul.martin@example.org'`;
    expect(gift?.amountCents).toBe(5000);
  });
});

describe('giving from the project page, in a real browser', () => {
  it('takes the donor through Checkout to a paid gift that the progress shows, and thanks them by e-mail', async () => {
    const projectId = await collectingProject();
    const page = await session.browser.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${session.baseUrl}/projets/${projectId}`);
    await page.getByLabel('Montant du don (en euros)').fill('45,50');
    await page.getByLabel('Nom et prénom').fill('Nadia Benali');
    await page.getByLabel('Adresse e-mail').fill('nadia.benali@example.org');
    await page.getByLabel('Reverser mon don au fonds de solidarité').check();
    await page.getByRole('button', { name: 'Continuer vers le paiement sécurisé' }).click();
    await page.getByRole('heading', { name: 'Payer 45,50 €' }).waitFor();
    await page.getByRole('button', { name: 'Payer 45,50 €' }).click();
    await page.getByRole('heading', { name: 'Merci pour votre don !' }).waitFor();
    expect(await page.textContent('main')).toContain('est enregistré');
    await page.getByRole('link', { name: 'Revenir au projet' }).click();
    await page.getByText('Nadia Benali — 45,50 €').waitFor();
    expect(await page.textContent('main')).toMatch(/45,50\s€ collectés/);
    await page.close();

    const [donation] = await db<{ status: string; failureChoice: string }[]>`
      select status, failure_choice from donations where project_id = ${projectId}`;
    expect(donation).toEqual({ status: 'paid', failureChoice: 'redirect' });
    await expect
      .poll(async () => (await caughtEmailsTo('nadia.benali@example.org')).map((email) => email.subject), {
        timeout: 20_000,
      })
      .toEqual(['Merci pour votre don à « Classe de mer à Wimereux »']);
  });
});

describe('giving to a fund', () => {
  it('offers the funds open to gifts and sends a valid gift to Checkout', async () => {
    const fundId = await insertSolidarityFund(db);
    const page = await visitor.request('GET', '/fonds');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(
      `<option value="${fundId}">Fonds de solidarité (Trousse à Projets) — tous les projets</option>`,
    );
    const response = await postForm('/fonds/don', {
      fundId: String(fundId),
      amount: '20',
      donorName: 'Entreprise Martin',
      donorEmail: 'contact@martin.example.org',
      donorKind: 'company',
      companyName: 'Martin SARL',
      siren: '732829320',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/dev\/checkout\/cs_test_/);
    const [row] = await db<{ fundId: number; amountCents: number; siren: string }[]>`
      select fund_id, amount_cents, siren from donations where donor_email = 'contact@martin.example.org'`;
    expect(row).toEqual({ fundId, amountCents: 2000, siren: '732829320' });
  });
});

describe('the donor’s "manage my gift" page', () => {
  it('lets the donor of a failed campaign choose, and refuses a forged link', async () => {
    const projectId = await collectingProject();
    const donationId = await recordPaidDonation(db, { projectId, amountCents: 5_000, donorName: 'Paul Durand' });
    await db`update projects set status = 'failed' where id = ${projectId}`;
    const token = await signDonationToken(config.EMAIL_LINK_SECRET, donationId);

    const page = await visitor.request('GET', `/dons/gerer?token=${token}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Le projet n’a pas atteint son objectif : que faire de votre don ?');
    expect(html).toMatch(/votre don de 50,00\s€ est payé/);

    const chosen = await postForm('/dons/gerer', { token, choice: 'redirect' });
    expect(chosen.status).toBe(200);
    expect(await chosen.text()).toContain('Votre choix est enregistré.');
    const [row] = await db<{ failureChoice: string; choiceMadeAt: Date | null }[]>`
      select failure_choice, choice_made_at from donations where id = ${donationId}`;
    expect(row?.failureChoice).toBe('redirect');
    expect(row?.choiceMadeAt).toBeInstanceOf(Date);

    const forged = `${donationId + 1}.${token.split('.')[1]}`;
    expect((await visitor.request('GET', `/dons/gerer?token=${forged}`)).status).toBe(400);
    expect((await postForm('/dons/gerer', { token: forged, choice: 'refund' })).status).toBe(400);
  });

  it('says a gift already refunded can no longer change', async () => {
    const projectId = await collectingProject();
    const donationId = await recordPaidDonation(db, { projectId, amountCents: 2_000 });
    await db`update projects set status = 'resolving' where id = ${projectId}`;
    await db`update donations set status = 'refund_requested' where id = ${donationId}`;
    const token = await signDonationToken(config.EMAIL_LINK_SECRET, donationId);
    const response = await postForm('/dons/gerer', { token, choice: 'redirect' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Votre don a déjà été traité');
  });
});
