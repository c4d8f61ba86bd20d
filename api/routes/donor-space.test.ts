import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../domain/format.ts';
import { DONOR_MESSAGE_LIMITS } from '../services/donor-space.ts';
import { createTestApp } from '../../test/app.ts';
import { getAs, postForm, signInDonor, tableRows } from '../../test/donor-space.ts';
import { linksIn, pathOf, projectWithDonors } from '../../test/emails.ts';
import { signIn } from '../../test/lifecycle.ts';
import { caughtEmailsTo, caughtSource } from '../../test/mailbox.ts';
import { recordPaidDonation } from '../../test/money.ts';
import { refundGift } from '../../test/public-site.ts';
import { paidOutProject, pdfText, receiptsOf } from '../../test/tax-receipts.ts';

const { app, db, browser, stripe } = await createTestApp({ worker: true, config: { TRUST_PROXY_HOPS: '1' } });
const admin = await signIn({ db, browser }, 'admin');
const addressOf = (name: string) => `${name}.${randomBytes(4).toString('hex')}@example.org`;
const ip = () => `203.0.113.${randomBytes(1)[0]}`;
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

/** A collecting project titled `title`, with its porteur (address and id). */
async function project(title: string) {
  const { projectId, porteur } = await projectWithDonors(db, []);
  await db`update projects set title = ${title} where id = ${projectId}`;
  return { projectId, porteur };
}

describe('the donor space', () => {
  it('lists each gift with its state and amount, the receipts to download again and the choices still open', async () => {
    const email = addressOf('ines');
    const paidOut = await paidOutProject({ db, stripe, adminId: admin.id }, [{ amountCents: 8_000, email }]);
    await db`update projects set title = 'Atelier de théâtre', status = 'paid_out' where id = ${paidOut.projectId}`;
    const [draft] = await receiptsOf(admin.client, paidOut.structureId);
    await admin.client.request('POST', '/api/tax-receipts/validate', { ids: [draft!.id] });
    const failed = await project('Potager partagé');
    await recordPaidDonation(db, { projectId: failed.projectId, amountCents: 4_000, donorEmail: email });
    await db`update projects set status = 'failed' where id = ${failed.projectId}`;
    const refunded = await project('Chorale du collège');
    await refundGift(
      db,
      await recordPaidDonation(db, { projectId: refunded.projectId, amountCents: 1_500, donorEmail: email }),
    );
    const collecting = await project('Classe de mer');
    await recordPaidDonation(db, {
      projectId: collecting.projectId,
      amountCents: 2_500,
      donorEmail: email.toUpperCase(),
    });

    const cookie = await signInDonor(app, email, ip());
    const page = await (await getAs(app, '/donateur', cookie)).text();
    const today = formatDate(new Date());
    expect(tableRows(page)).toEqual([
      [today, 'Classe de mer', '25,00 €', 'payé — collecte en cours'],
      [today, 'Chorale du collège', '15,00 €', 'remboursé'],
      [today, 'Potager partagé', '40,00 €', 'en attente de votre choix (projet non financé)'],
      [today, 'Atelier de théâtre', '80,00 €', 'payé — versé à l’établissement'],
    ]);
    const year = new Date().getFullYear();
    expect(text(page)).toContain(`Reçu n° ${year}-000001 — 80,00 € pour « Atelier de théâtre »`);
    expect(text(page)).toContain('40,00 € à « Potager partagé » : choisir entre remboursement et fonds de solidarité');

    const choice = /href="([^"]*\/dons\/gerer\?token=[^"]+)"/.exec(page)![1]!;
    expect(await (await app.request(pathOf(choice))).text()).toContain('que faire de votre don ?');
    const receipt = await getAs(app, `/donateur/recus/${draft!.id}`, cookie);
    expect(receipt.status).toBe(200);
    expect(await pdfText(receipt)).toContain('Somme en toutes lettres : quatre-vingts euros');

    const other = await paidOutProject({ db, stripe, adminId: admin.id }, [
      { amountCents: 3_000, email: addressOf('autre') },
    ]);
    const [theirs] = await receiptsOf(admin.client, other.structureId);
    await admin.client.request('POST', '/api/tax-receipts/validate', { ids: [theirs!.id] });
    expect((await getAs(app, `/donateur/recus/${theirs!.id}`, cookie)).status).toBe(404);
    const anonymous = await app.request(`/donateur/recus/${draft!.id}`);
    expect([anonymous.status, anonymous.headers.get('location')]).toEqual([303, '/donateur']);
  });

  it('stops the news of a project for a donor who switched them off, and not for the others', async () => {
    const { projectId, porteur } = await project('Orchestre à l’école');
    const [quiet, reader] = [addressOf('quiet'), addressOf('reader')];
    for (const email of [quiet, reader])
      await recordPaidDonation(db, { projectId, amountCents: 2_000, donorEmail: email });
    const cookie = await signInDonor(app, quiet, ip());
    const off = await postForm(
      app,
      '/donateur/abonnements',
      { projectId: String(projectId), subscribed: 'non' },
      { cookie },
    );
    expect(off.status).toBe(200);
    expect(text(await off.text())).toContain('« Orchestre à l’école » : vous ne recevez plus ses nouvelles.');

    const client = browser();
    expect((await client.login(porteur.email)).status).toBe(200);
    const news = { title: 'Premier concert', body: 'Le 12 mai à 18 h, dans la cour.' };
    expect((await client.request('POST', `/api/projects/${projectId}/news`, news)).status).toBe(201);
    await expect
      .poll(async () => (await caughtEmailsTo(reader)).map((m) => m.subject), { timeout: 60_000 })
      .toContain('Des nouvelles de « Orchestre à l’école »');
    await expect
      .poll(
        async () =>
          (await db`select status from email_outbox where to_address = ${quiet} and template = 'project_news'`)[0]
            ?.status,
        { timeout: 60_000 },
      )
      .toBe('skipped');
    expect((await caughtEmailsTo(quiet)).map((m) => m.subject)).not.toContain(
      'Des nouvelles de « Orchestre à l’école »',
    );

    const on = await postForm(
      app,
      '/donateur/abonnements',
      { projectId: String(projectId), subscribed: 'oui' },
      { cookie },
    );
    expect(text(await on.text())).toContain('« Orchestre à l’école » : vous recevez ses nouvelles.');
    expect(await db`select 1 from email_unsubscriptions where email = ${quiet}`).toHaveLength(0);
  });

  it('relays a message to the porteur without the donor’s address, unless they give it', async () => {
    const { projectId, porteur } = await project('Robots en classe');
    const email = addressOf('discret');
    await recordPaidDonation(db, { projectId, amountCents: 2_000, donorEmail: email, donorName: 'Inès Roche' });
    const cookie = await signInDonor(app, email, ip());
    const body = 'Bravo pour ce projet ! Mes enfants en parlent tous les soirs.';
    const sent = await postForm(app, '/donateur/message', { projectId: String(projectId), body }, { cookie });
    expect(sent.status).toBe(200);
    expect(await sent.text()).toContain('Votre message est transmis au porteur de « Robots en classe ».');
    await expect.poll(async () => (await caughtEmailsTo(porteur.email)).length, { timeout: 60_000 }).toBe(1);
    const [message] = await caughtEmailsTo(porteur.email);
    expect(message!.subject).toBe('Un donateur de « Robots en classe » vous écrit');
    expect(message!.text).toContain(`« ${body} »`);
    expect(`${message!.text}${message!.html}${await caughtSource(message!)}`).not.toContain(email);
    expect(`${message!.text}`).not.toContain('Inès Roche');
    expect(await db`select body, reveals_address from donor_messages where donor_email = ${email}`).toEqual([
      { body, revealsAddress: false },
    ]);

    await postForm(
      app,
      '/donateur/message',
      { projectId: String(projectId), body: 'Répondez-moi', revealsAddress: 'oui' },
      { cookie },
    );
    await expect.poll(async () => (await caughtEmailsTo(porteur.email)).length, { timeout: 60_000 }).toBe(2);
    expect((await caughtEmailsTo(porteur.email))[1]!.text).toContain(`Inès Roche <${email}>`);
    expect(linksIn((await caughtEmailsTo(porteur.email))[1]!.text)[0]).toContain(`/admin/#/projects/${projectId}/show`);
    for (let more = 2; more < DONOR_MESSAGE_LIMITS.free; more += 1) {
      expect(
        (await postForm(app, '/donateur/message', { projectId: String(projectId), body: `n° ${more}` }, { cookie }))
          .status,
      ).toBe(200);
    }
    const refused = await postForm(
      app,
      '/donateur/message',
      { projectId: String(projectId), body: 'Encore' },
      { cookie },
    );
    expect([refused.status, Number(refused.headers.get('retry-after')) > 0]).toEqual([429, true]);
    expect(await refused.text()).toContain('Vous avez envoyé beaucoup de messages : réessayez dans 10 min.');
    expect(await db`select 1 from donor_messages where donor_email = ${email}`).toHaveLength(DONOR_MESSAGE_LIMITS.free);
  });

  it('refuses bad input with a French 400 and changes nothing', async () => {
    const { projectId } = await project('Herbier');
    const stranger = await project('Pas le sien');
    const email = addressOf('erreur');
    await recordPaidDonation(db, { projectId, amountCents: 2_000, donorEmail: email });
    const cookie = await signInDonor(app, email, ip());
    const post = (path: string, fields: Record<string, string>) => postForm(app, path, fields, { cookie });
    const refusals = [
      [await post('/donateur/message', { projectId: String(projectId), body: '   ' }), 'Écrivez votre message.'],
      [
        await post('/donateur/message', { projectId: String(projectId), body: 'a'.repeat(2001) }),
        'Votre message compte 2001 caractères : 2000 au plus.',
      ],
      [
        await post('/donateur/message', { projectId: String(stranger.projectId), body: 'Bonjour' }),
        'Choisissez un projet que vous avez soutenu.',
      ],
      [
        await post('/donateur/abonnements', { projectId: String(projectId), subscribed: 'peut-être' }),
        'Choisissez un projet que vous avez soutenu, puis « oui » ou « non ».',
      ],
      [
        await post('/donateur/abonnements', { projectId: 'abc', subscribed: 'non' }),
        'Choisissez un projet que vous avez soutenu',
      ],
    ] as const;
    for (const [response, message] of refusals) {
      expect(response.status).toBe(400);
      expect(await response.text()).toContain(message);
    }
    expect(await db`select 1 from donor_messages where donor_email = ${email}`).toHaveLength(0);
    expect(await db`select 1 from email_unsubscriptions where email = ${email}`).toHaveLength(0);
  });

  it('refuses its forms posted from another site (CSRF), and sends a visitor without a session to the sign-in', async () => {
    const { projectId } = await project('Fresque');
    const email = addressOf('cible');
    await recordPaidDonation(db, { projectId, amountCents: 2_000, donorEmail: email });
    const cookie = await signInDonor(app, email, ip());
    const evil = { cookie, origin: 'https://evil.example' };
    const forged = [
      await postForm(app, '/donateur/abonnements', { projectId: String(projectId), subscribed: 'non' }, evil),
      await postForm(app, '/donateur/message', { projectId: String(projectId), body: 'Spam' }, evil),
      await postForm(app, '/donateur/deconnexion', {}, evil),
    ];
    expect(forged.map((response) => response.status)).toEqual([403, 403, 403]);
    expect(await db`select 1 from email_unsubscriptions where email = ${email}`).toHaveLength(0);
    expect(await db`select 1 from donor_messages where donor_email = ${email}`).toHaveLength(0);
    expect(await db`select 1 from donor_sessions where email = ${email}`).toHaveLength(1);
    const anonymous = await postForm(app, '/donateur/message', { projectId: String(projectId), body: 'Bonjour' });
    expect([anonymous.status, anonymous.headers.get('location')]).toEqual([303, '/donateur']);
  });
});
