import { afterEach, describe, expect, it } from 'vitest';
import { createPaymentActivities } from '../../activities/payments.ts';
import { createTestApp } from '../../test/app.ts';
import { insertProject, insertSchool, insertUser } from '../../test/fixtures.ts';
import { insertFund } from '../../test/funds.ts';
import {
  expectLedgerConsistent,
  insertReceivingStructure,
  insertSolidarityFund,
  recordPaidDonation,
} from '../../test/money.ts';
import { closeCampaign, refundGift, reserveGrant, settleGrant } from '../../test/public-site.ts';

// A project's public page shows its money right in every state: collecting, closed at its optimum and paid out,
// failed and resolved, cancelled, completed with its report.
const { app, db, stripe } = await createTestApp();
const payments = createPaymentActivities({ db, stripe });

afterEach(async () => {
  await expectLedgerConsistent(db);
});

async function project(goals: { minimumGoalCents: number; optimumGoalCents: number }) {
  const schoolUai = await insertSchool(db, { name: 'École Jean Jaurès' });
  const porteur = await insertUser(db, 'porteur');
  const id = await insertProject(db, { schoolUai, porteurId: porteur.id, campaignEndsInDays: 12, ...goals });
  return { id, porteurId: porteur.id };
}

async function page(id: number) {
  const response = await app.request(`http://localhost/projets/${id}`);
  expect(response.status).toBe(200);
  return (await response.text()).replace(/[\u202f\u00a0]/g, ' ');
}

describe('a collecting project’s page', () => {
  it('counts gifts and reserved grants, shows the days left, the budget, the seeding fund and the share tags', async () => {
    const { id } = await project({ minimumGoalCents: 100_000, optimumGoalCents: 150_000 });
    await recordPaidDonation(db, { projectId: id, amountCents: 30_000, donorName: 'Lucie Bernard' });
    const hidden = await recordPaidDonation(db, { projectId: id, amountCents: 12_345, donorName: 'Secret' });
    await db`update donations set hide_name = true, hide_amount = true where id = ${hidden}`;
    const fundId = await insertFund(db, { name: 'Fonds Réussite' });
    await reserveGrant(db, { fundId, projectId: id, kind: 'seeding', amountCents: 20_000 });
    await db`insert into project_budget_lines (project_id, position, label, amount_cents)
             values (${id}, 1, 'Transport en car', 60000), (${id}, 2, 'Hébergement', 40000)`;

    const html = await page(id);
    expect(html).toContain(
      '<strong>623,45 €</strong> collectés (423,45 € de dons et 200,00 € de mécénat) sur un objectif minimum de 1 000,00 €',
    );
    expect(html).toContain('Avancement vers l’objectif minimum : 62 %');
    expect(html).toContain('Avancement vers l’objectif optimal : 41 %');
    expect(html).toContain('<strong>12 jours restants</strong>');
    expect(html).toContain('<p>2 donateurs</p>');
    expect(html).toContain('<li>Un donateur anonyme</li><li>Lucie Bernard — 300,00 €</li>');
    expect(html).not.toContain('Secret');
    expect(html).toContain('<strong>Amorcé par Fonds Réussite</strong> (Mécène de test) : 200,00 €, réservé.');
    expect(html).toContain('<p>Amorcé par Fonds Réussite (Mécène de test). <a href="#mecenat">Pourquoi ?</a></p>');
    expect(html).toContain('<li>École en éducation prioritaire (REP+)</li>');
    expect(html).toContain('<td>Transport en car</td><td class="n">600,00 €</td>');
    expect(html).toContain('<th scope="row">Total</th><td class="n">1 000,00 €</td>');
    expect(html).toContain(`<link rel="canonical" href="http://localhost:3000/projets/${id}">`);
    expect(html).toContain(`<meta property="og:image" content="http://localhost:3000/projets/${id}/image">`);
    expect(html).toContain('<span class="badge">REP+</span>');
    expect(html).toContain(
      `https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2Flocalhost%3A3000%2Fprojets%2F${id}`,
    );
    expect(html).toContain('action="/projets/');
    expect(html).not.toContain('Ce qu’est devenu l’argent');
    expect(Buffer.byteLength(html)).toBeLessThan(100_000);
  });
});

describe('after a successful campaign', () => {
  it('shows the real closing date at the optimum and the money paid out, never 0', async () => {
    const { id } = await project({ minimumGoalCents: 100_000, optimumGoalCents: 150_000 });
    await recordPaidDonation(db, { projectId: id, amountCents: 100_000 });
    await recordPaidDonation(db, { projectId: id, amountCents: 40_000 });
    const fundId = await insertFund(db);
    const grantId = await reserveGrant(db, { fundId, projectId: id, kind: 'topup', amountCents: 10_000 });
    await closeCampaign(db, id, { to: 'closed_optimum', at: '2026-12-04T10:00:00Z' });
    await settleGrant(db, grantId, 'committed');
    await insertReceivingStructure(db, { projectId: id, legalName: 'Coopérative scolaire Jean Jaurès (OCCE 59)' });
    const before = await page(id);
    expect(before).toContain('1 500,00 € seront versés à Coopérative scolaire Jean Jaurès (OCCE 59)');

    await payments.recordPayout({ projectId: id });
    await db`update projects set status = 'paid_out' where id = ${id}`;
    const html = await page(id);
    expect(html).toContain('<strong>1 500,00 €</strong> collectés (1 400,00 € de dons et 100,00 € de mécénat)');
    expect(html).toContain('Avancement vers l’objectif minimum : 150 %');
    expect(html).toContain('<progress id="progress" max="100" value="100">');
    expect(html).toContain('Avancement vers l’objectif optimal : 100 %');
    expect(html).toContain(
      '<strong>Collecte close le 4 décembre 2026</strong> : l’objectif optimal a été atteint, la collecte s’est arrêtée aussitôt.',
    );
    expect(html).toContain('1 500,00 € ont été versés à Coopérative scolaire Jean Jaurès (OCCE 59)');
    expect(html).toContain('<strong>Abondé par Fonds de test</strong> (Mécène de test) : 100,00 €, versé au projet.');
    expect(html).toContain('La collecte de ce projet est terminée');
    expect(html).not.toContain('action="/projets/');
    expect(html).not.toContain('jours restants');
  });
});

describe('after a failed campaign', () => {
  it('keeps what it had gathered and says what was refunded, redirected, pending and given back to the funds', async () => {
    const { id } = await project({ minimumGoalCents: 100_000, optimumGoalCents: 100_000 });
    await insertSolidarityFund(db);
    const refunded = await recordPaidDonation(db, { projectId: id, amountCents: 20_000 });
    const redirected = await recordPaidDonation(db, { projectId: id, amountCents: 15_000 });
    await recordPaidDonation(db, { projectId: id, amountCents: 5_000 });
    const grantId = await reserveGrant(db, {
      fundId: await insertFund(db),
      projectId: id,
      kind: 'seeding',
      amountCents: 20_000,
    });
    await closeCampaign(db, id, { to: 'failed', at: '2027-01-03T23:30:00Z', then: 'resolving' });
    await settleGrant(db, grantId, 'released');
    await refundGift(db, refunded);
    await payments.redirectDonation({ donationId: redirected });

    const html = await page(id);
    expect(html).toContain('<strong>600,00 €</strong> réunis (400,00 € de dons et 200,00 € de mécénat)');
    expect(html).toContain('Avancement vers l’objectif minimum : 60 %');
    expect(html).toContain(
      '<strong>Collecte close le 4 janvier 2027</strong> : date limite atteinte sans que l’objectif minimum soit atteint.',
    );
    expect(html).toContain('L’objectif minimum n’a pas été atteint : rien n’est versé à l’école.');
    expect(html).toContain(
      '<ul><li>200,00 € remboursés aux donateurs</li><li>150,00 € reversés au fonds de solidarité, à la demande des donateurs</li><li>50,00 € en attente du choix des donateurs ou du remboursement</li><li>200,00 € de mécénat rendus aux fonds</li></ul>',
    );
    expect(html).toContain('<p>3 donateurs</p>');
  });

  it('of a cancelled project says when and why, and that donors are refunded', async () => {
    const { id } = await project({ minimumGoalCents: 100_000, optimumGoalCents: 120_000 });
    const gift = await recordPaidDonation(db, { projectId: id, amountCents: 10_000 });
    await closeCampaign(db, id, {
      to: 'cancelled',
      at: '2026-12-10T09:00:00Z',
      comment: 'Sortie interdite par la préfecture',
    });
    await refundGift(db, gift);
    const html = await page(id);
    expect(html).toContain('<strong>Projet annulé le 10 décembre 2026</strong> : Sortie interdite par la préfecture');
    expect(html).toContain('<strong>100,00 €</strong> réunis sur un objectif minimum de 1 000,00 €');
    expect(html).toContain('<li>100,00 € remboursés aux donateurs</li>');
  });
});

describe('a completed project', () => {
  it('shows its news and, once accepted only, its final report', async () => {
    const { id, porteurId } = await project({ minimumGoalCents: 100_000, optimumGoalCents: 100_000 });
    await db`insert into project_news (project_id, author_id, title, body, created_at)
             values (${id}, ${porteurId}, 'Le car est réservé', 'Départ le 12 mai à 8 h.' || chr(10) || chr(10) || 'Merci à tous !',
                     '2026-12-20T10:00:00Z')`;
    await db`insert into project_reports (project_id, version, what_was_done, pupils_reached, actual_spend_cents, submitted_by)
             values (${id}, 1, 'Trois jours de classe de mer <réussis>.', 23, 98_500, ${porteurId})`;
    await db`update projects set status = 'report_submitted' where id = ${id}`;
    const submitted = await page(id);
    expect(submitted).toContain(
      '<h3>Le car est réservé</h3><p class="muted">20 décembre 2026</p><p>Départ le 12 mai à 8 h.</p><p>Merci à tous !</p>',
    );
    expect(submitted).not.toContain('Le bilan du projet');

    await db`update projects set status = 'completed' where id = ${id}`;
    const html = await page(id);
    expect(html).toContain(
      '<h2 id="bilan">Le bilan du projet</h2><p>Trois jours de classe de mer &lt;réussis&gt;.</p>',
    );
    expect(html).toContain('<li>23 élèves ont participé</li>');
    expect(html).toContain('<li>Dépenses réelles : 985,00 €</li>');
  });
});

describe('a project’s picture', () => {
  it('is its first photo with image rights, else its theme’s drawing', async () => {
    const { id, porteurId } = await project({ minimumGoalCents: 100_000, optimumGoalCents: 100_000 });
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    await db`insert into project_documents (project_id, kind, filename, content_type, content, image_rights, uploaded_by)
             values (${id}, 'photo', 'sans-droits.png', 'image/png', ${png}, false, ${porteurId})`;
    const drawing = await app.request(`http://localhost/projets/${id}/image`);
    expect(drawing.headers.get('content-type')).toBe('image/svg+xml');
    expect(await drawing.text()).toContain('aria-label="Classe de découverte"');
    expect(await page(id)).toContain('alt=""');

    await db`insert into project_documents (project_id, kind, filename, content_type, content, image_rights, uploaded_by)
             values (${id}, 'photo', 'classe.png', 'image/png', ${png}, true, ${porteurId})`;
    const photo = await app.request(`http://localhost/projets/${id}/image`);
    expect(photo.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await photo.arrayBuffer())).toEqual(png);
    expect(await page(id)).toContain('alt="Photo du projet « Classe de mer à Wimereux »"');
  });
});

describe('the weight of a project page', () => {
  it('stays under 100 KB of HTML and CSS with the longest texts, 20 news, 30 budget lines and 20 donors', async () => {
    const { id, porteurId } = await project({ minimumGoalCents: 100_000, optimumGoalCents: 100_000 });
    const text = (length: number) =>
      'Les élèves de CM2 ont préparé l’exposition. '.repeat(length / 44).slice(0, length);
    await db`update projects set description = ${text(20_000)}, status = 'completed' where id = ${id}`;
    for (let index = 1; index <= 20; index += 1) {
      await db`insert into project_news (project_id, author_id, title, body, created_at)
               values (${id}, ${porteurId}, ${`Nouvelle n° ${index} : ${text(120)}`}, ${text(5_000)},
                       now() - make_interval(days => ${index}))`;
      await recordPaidDonation(db, { projectId: id, amountCents: 5_000, donorName: `Donatrice ${index} ${text(60)}` });
    }
    const [report] = await db<{ id: number }[]>`
      insert into project_reports (project_id, version, what_was_done, pupils_reached, actual_spend_cents, submitted_by)
      values (${id}, 1, ${text(20_000)}, 23, 98_500, ${porteurId}) returning id`;
    for (let line = 1; line <= 30; line += 1) {
      const [budget] = await db<{ id: number }[]>`
        insert into project_budget_lines (project_id, position, label, amount_cents)
        values (${id}, ${line}, ${`Poste ${line} : ${text(100)}`}, 3000) returning id`;
      await db`insert into project_report_spend_lines (report_id, budget_line_id, spent_cents)
               values (${report!.id}, ${budget!.id}, 2900)`;
    }
    const html = await page(id);
    expect(html).toContain('<h2 id="bilan">Le bilan du projet</h2>');
    expect(html.match(/<article id="nouvelle-\d+"><h3>Nouvelle n° \d+/g)).toHaveLength(2);
    expect(html).toMatch(new RegExp(`<li><a href="/projets/${id}/nouvelles#nouvelle-\\d+">Nouvelle n° 20 :`));
    expect(Buffer.byteLength(html)).toBeLessThan(100_000);
    const journal = await app.request(`http://localhost/projets/${id}/nouvelles`);
    expect(journal.status).toBe(200);
    const news = [...(await journal.text()).matchAll(/<h2>Nouvelle n° (\d+) :/g)].map((match) => Number(match[1]));
    expect(news).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
  });
});
