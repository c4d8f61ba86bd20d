import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { linksIn, pathOf } from '../../test/emails.ts';
import { FIXTURE_PASSWORD, insertUser } from '../../test/fixtures.ts';
import { caughtEmailsTo } from '../../test/mailbox.ts';
import { signResetToken } from '../../domain/email-links.ts';
import { LOGIN_LIMITS } from '../auth/login-throttle.ts';
import { RESET_LIMITS } from '../services/password-links.ts';

const { app, db, browser, config } = await createTestApp({ worker: true, config: { TRUST_PROXY_HOPS: '1' } });
const newAddress = () => `192.0.2.${randomBytes(1)[0]}`;
const askReset = (email: string, ip = newAddress()) =>
  browser().request('POST', '/api/auth/password-reset', { email }, { 'x-forwarded-for': ip });
const choose = (token: string, password: string, confirmation = password) =>
  app.request('http://localhost/compte/reinitialiser', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
    body: new URLSearchParams({ token, password, confirmation }).toString(),
  });

/** The reset link of the only e-mail the address received, once it arrived. */
async function resetLinkTo(email: string): Promise<string> {
  await expect.poll(async () => (await caughtEmailsTo(email)).length, { timeout: 20_000 }).toBe(1);
  const [message] = await caughtEmailsTo(email);
  expect(message!.subject).toBe('Choisir un nouveau mot de passe pour Trousse à Projets');
  return linksIn(message!.text).find((url) => url.includes('/compte/reinitialiser'))!;
}

describe('« Mot de passe oublié »', () => {
  it('answers the same whether the address has an account or not, and writes only to an account', async () => {
    const user = await insertUser(db, 'validateur');
    const unknown = `personne-${randomBytes(4).toString('hex')}@example.org`;
    const forUnknown = await askReset(unknown);
    const forUser = await askReset(user.email);
    expect([forUnknown.status, forUser.status]).toEqual([202, 202]);
    const [unknownBody, userBody] = [await forUnknown.json(), await forUser.json()];
    expect(unknownBody.message.replace(unknown, '…')).toBe(userBody.message.replace(user.email, '…'));
    await resetLinkTo(user.email);
    expect(await caughtEmailsTo(unknown)).toEqual([]);
    expect(await db`select 1 from email_outbox where to_address = ${unknown}`).toHaveLength(0);
  });

  it('gives the same page for any address on the form, and explains an address that is not one', async () => {
    const user = await insertUser(db, 'validateur');
    const post = (email: string) =>
      app.request('http://localhost/compte/mot-de-passe-oublie', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
        body: new URLSearchParams({ email }).toString(),
      });
    const [known, unknown] = [await post(user.email), await post('nobody-at-all@example.org')];
    expect([known.status, unknown.status]).toEqual([200, 200]);
    const knownPage = (await known.text()).replace(user.email, '…');
    expect(knownPage).toContain('Consultez votre messagerie');
    expect((await unknown.text()).replace('nobody-at-all@example.org', '…')).toBe(knownPage);
    const invalid = await post('pas une adresse');
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toContain('Cette adresse e-mail n’est pas valide.');
    await resetLinkTo(user.email);
  });

  it('e-mails a link that sets a new password once, ends every session and lifts the sign-in lock', async () => {
    const user = await insertUser(db, 'admin');
    const earlier = browser();
    expect((await earlier.login(user.email)).status).toBe(200);
    await Promise.all(
      Array.from({ length: LOGIN_LIMITS.account.free + 1 }, () => browser().login(user.email, 'mauvais mot de passe')),
    );
    expect((await browser().login(user.email)).status).toBe(429);

    expect((await askReset(user.email)).status).toBe(202);
    const link = await resetLinkTo(user.email);
    const token = new URL(link).searchParams.get('token')!;
    expect(await (await app.request(pathOf(link))).text()).toContain(user.email);
    const short = await choose(token, 'court');
    expect(short.status).toBe(400);
    expect(await short.text()).toContain('au moins 12 caractères');
    const done = await choose(token, 'un tout nouveau mot de passe');
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('href="/admin/"');

    expect((await earlier.request('GET', '/api/me')).status).toBe(401);
    expect((await browser().login(user.email, FIXTURE_PASSWORD)).status).toBe(401);
    expect((await browser().login(user.email, 'un tout nouveau mot de passe')).status).toBe(200);
    expect((await choose(token, 'encore un autre mot de passe')).status).toBe(400);
    expect((await app.request(pathOf(link))).status).toBe(400);
  });

  it('refuses an expired or forged link and changes nothing', async () => {
    const user = await insertUser(db, 'validateur');
    const [row] = await db<{ hash: string }[]>`select password_hash as hash from users where id = ${user.id}`;
    const passwordHash = row!.hash;
    const expired = await signResetToken(config.EMAIL_LINK_SECRET, {
      userId: user.id,
      expiresAt: Date.now() - 1000,
      passwordHash,
    });
    const forged = await signResetToken('pas-le-secret-pas-le-secret-pas-le-secret', {
      userId: user.id,
      expiresAt: Date.now() + 3_600_000,
      passwordHash,
    });
    const otherPassword = await signResetToken(config.EMAIL_LINK_SECRET, {
      userId: user.id,
      expiresAt: Date.now() + 3_600_000,
      passwordHash: null,
    });
    for (const token of [expired, forged, otherPassword, 'n-importe-quoi']) {
      expect((await app.request(`/compte/reinitialiser?token=${token}`)).status).toBe(400);
      const refused = await choose(token, 'un mot de passe pirate');
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain('Ce lien n’est plus valable');
    }
    expect((await browser().login(user.email, FIXTURE_PASSWORD)).status).toBe(200);
  });

  it(`refuses more than ${RESET_LIMITS.address.free} requests from one address in a row, in French`, async () => {
    const ip = newAddress();
    for (let request = 0; request < RESET_LIMITS.address.free; request += 1) {
      expect((await askReset(`x${request}@example.org`, ip)).status).toBe(202);
    }
    const refused = await askReset('y@example.org', ip);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json()).message).toContain('Trop de demandes');
  });
});
