import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signDonorLinkToken } from '../../domain/email-links.ts';
import { createApp } from '../app.ts';
import { createTestApp } from '../../test/app.ts';
import { linksIn, pathOf, projectWithDonors } from '../../test/emails.ts';
import { caughtEmailsTo } from '../../test/mailbox.ts';
import { getAs, postForm, signInDonor, signInEmailsTo, signInLinkTo, tokenOf } from '../../test/donor-space.ts';
import { deliver, sessionCompleted, startGift } from '../../test/stripe-events.ts';
import { recordPaidDonation } from '../../test/money.ts';

const { app, db, browser, config, temporal, stripe } = await createTestApp({
  worker: true,
  config: { TRUST_PROXY_HOPS: '1' },
});
const addressOf = (name: string) => `${name}.${randomBytes(4).toString('hex')}@example.org`;
const newIp = () => `192.0.2.${randomBytes(1)[0]}`;

/** A donor who gave 20 € to a collecting project. */
async function donor(name = 'lea') {
  const email = addressOf(name);
  const { projectId } = await projectWithDonors(db, []);
  await recordPaidDonation(db, { projectId, amountCents: 2_000, donorEmail: email, donorName: 'Léa Martin' });
  return { email, projectId };
}

describe('asking for a sign-in link to the donor space', () => {
  it('answers the same page for an address that gave and one that did not, and e-mails only the first', async () => {
    const { email } = await donor();
    const unknown = addressOf('personne');
    const [known, stranger] = [
      await postForm(app, '/donateur', { email }, { ip: newIp() }),
      await postForm(app, '/donateur', { email: unknown }, { ip: newIp() }),
    ];
    expect([known.status, stranger.status]).toEqual([200, 200]);
    const knownPage = (await known.text()).replace(email, '…');
    expect(knownPage).toContain('Consultez votre messagerie');
    expect((await stranger.text()).replace(unknown, '…')).toBe(knownPage);

    const link = await signInLinkTo(email);
    expect(link.startsWith(`${config.PUBLIC_URL}/donateur/connexion?token=`)).toBe(true);
    const [message] = await signInEmailsTo(email);
    expect(message!.text).toContain('le lien sert une fois et pendant 30 minutes');
    expect(await caughtEmailsTo(unknown)).toEqual([]);
    expect(await db`select 1 from email_outbox where to_address = ${unknown}`).toHaveLength(0);
    expect(await db`select 1 from donor_sign_in_links where email = ${unknown}`).toHaveLength(0);
  });

  it('refuses an address that is not one with a French 400, and sends nothing', async () => {
    const refused = await postForm(app, '/donateur', { email: 'pas une adresse' }, { ip: newIp() });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Cette adresse e-mail n’est pas valide.');
  });

  it('refuses a request posted from another site (CSRF) and sends nothing', async () => {
    const { email } = await donor('csrf');
    const forged = await postForm(app, '/donateur', { email }, { origin: 'https://evil.example', ip: newIp() });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('Requête refusée : elle doit venir du site lui-même.');
    expect(await db`select 1 from donor_sign_in_links where email = ${email}`).toHaveLength(0);
  });

  it('limits the requests from one client address, in French', async () => {
    const ip = newIp();
    for (let request = 0; request < 10; request += 1) {
      expect((await postForm(app, '/donateur', { email: addressOf(`x${request}`) }, { ip })).status).toBe(200);
    }
    const refused = await postForm(app, '/donateur', { email: addressOf('y') }, { ip });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.text()).toContain('Trop de demandes depuis votre connexion');
  });
});

describe('following the sign-in link', () => {
  it('opens a donor session once, in its own httpOnly SameSite=Lax cookie, apart from the back office', async () => {
    const { email } = await donor('once');
    expect((await postForm(app, '/donateur', { email }, { ip: newIp() })).status).toBe(200);
    const link = await signInLinkTo(email);
    const page = await app.request(pathOf(link));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Ouvrir mon espace donateur');
    const opened = await postForm(app, '/donateur/connexion', { token: tokenOf(link) });
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe('/donateur');
    const setCookie = opened.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^tap_donor=[\w-]{43}; Max-Age=3600; Path=\/donateur; HttpOnly; SameSite=Lax$/);
    const cookie = setCookie.split(';')[0]!;
    expect(await (await getAs(app, '/donateur', cookie)).text()).toContain(`Connecté avec l’adresse <strong>${email}`);
    expect((await browser().request('GET', '/api/me', undefined, { cookie })).status).toBe(401);

    const again = await postForm(app, '/donateur/connexion', { token: tokenOf(link) });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('Ce lien de connexion n’est plus valable');
    expect((await app.request(pathOf(link))).status).toBe(400);

    const signedOut = await postForm(app, '/donateur/deconnexion', {}, { cookie });
    expect(await signedOut.text()).toContain('Vous êtes déconnecté');
    expect(await (await getAs(app, '/donateur', cookie)).text()).toContain('Recevoir mon lien de connexion');
  });

  it('marks the cookie Secure in production and ends the session after its hour', async () => {
    const { email } = await donor('secure');
    const production = createApp({ db, temporal, stripe, config: { ...config, COOKIE_SECURE: true } });
    const [row] = await db<{ id: number }[]>`
      insert into donor_sign_in_links (email, expires_at) values (${email}, now() + interval '30 minutes') returning id`;
    const token = await signDonorLinkToken(config.EMAIL_LINK_SECRET, {
      linkId: row!.id,
      expiresAt: Date.now() + 1_800_000,
    });
    const opened = await postForm(production, '/donateur/connexion', { token });
    expect(opened.headers.get('set-cookie')).toMatch(/; Path=\/donateur; HttpOnly; Secure; SameSite=Lax$/);
    const cookie = opened.headers.get('set-cookie')!.split(';')[0]!;
    expect(await (await getAs(app, '/donateur', cookie)).text()).toContain('Vos dons');
    await db`update donor_sessions set expires_at = now() - interval '1 second' where email = ${email}`;
    expect(await (await getAs(app, '/donateur', cookie)).text()).toContain('Recevoir mon lien de connexion');
  });

  it('refuses an expired, forged or mangled link', async () => {
    const { email } = await donor('late');
    const [row] = await db<{ id: number }[]>`
      insert into donor_sign_in_links (email, expires_at) values (${email}, now() - interval '1 minute') returning id`;
    const expired = await signDonorLinkToken(config.EMAIL_LINK_SECRET, {
      linkId: row!.id,
      expiresAt: Date.now() - 60_000,
    });
    const [fresh] = await db<{ id: number }[]>`
      insert into donor_sign_in_links (email, expires_at) values (${email}, now() + interval '30 minutes') returning id`;
    const forged = await signDonorLinkToken('another-secret-another-secret-another', {
      linkId: fresh!.id,
      expiresAt: Date.now() + 1_800_000,
    });
    for (const token of [expired, forged, 'n-importe-quoi']) {
      expect((await app.request(`/donateur/connexion?token=${token}`)).status).toBe(400);
      const refused = await postForm(app, '/donateur/connexion', { token });
      expect(refused.status).toBe(400);
      expect(refused.headers.get('set-cookie')).toBeNull();
    }
    expect(await db`select 1 from donor_sessions where email = ${email}`).toHaveLength(0);
  });
});

describe('the thank-you e-mail', () => {
  it('gives the amount in French and links to the project and to the donor space', async () => {
    const { projectId } = await projectWithDonors(db, []);
    const email = addressOf('merci');
    const gift = await startGift(browser(), db, { projectId, amountCents: 4_550, donorEmail: email });
    expect((await deliver(app, sessionCompleted(gift))).status).toBe(200);
    await expect.poll(async () => (await caughtEmailsTo(email)).length, { timeout: 60_000 }).toBe(1);
    const [message] = await caughtEmailsTo(email);
    expect(message!.text).toContain(
      'Votre don de 45,50\u00a0€ au projet « Classe de mer à Wimereux » est bien enregistré.',
    );
    expect(linksIn(message!.text)).toEqual([
      `${config.PUBLIC_URL}/projets/${projectId}`,
      `${config.PUBLIC_URL}/donateur`,
    ]);
    expect(message!.html).toContain(`href="${config.PUBLIC_URL}/donateur"`);
    expect(await signInDonor(app, email, newIp())).toMatch(/^tap_donor=/);
  });
});
