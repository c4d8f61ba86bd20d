import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { FIXTURE_PASSWORD, insertSchool, insertUser } from '../../test/fixtures.ts';
import { insertFund } from '../../test/funds.ts';
import { insertReceivingStructure } from '../../test/money.ts';
import { insertProject } from '../../test/fixtures.ts';
import { LOGIN_LIMITS } from '../auth/login-throttle.ts';

// one trusted proxy: each test signs in from addresses of its own, given in X-Forwarded-For as the proxy would
const { db, browser } = await createTestApp({ config: { TRUST_PROXY_HOPS: '1' } });
const newAddress = () => `198.51.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
const signInFrom = (ip: string, email: string, password: string, forwardedFor = ip) =>
  browser().request('POST', '/api/auth/login', { email, password }, { 'x-forwarded-for': forwardedFor });
const sessionsOf = async (userId: number) =>
  (await db<{ n: number }[]>`select count(*)::int as n from sessions where user_id = ${userId}`)[0]?.n;
const statuses = (responses: Response[]) => responses.map((response) => response.status).sort();

let scopes: Parameters<typeof insertUser>[2][];
beforeAll(async () => {
  const schoolUai = await insertSchool(db);
  const porteur = await insertUser(db, 'porteur');
  const structureId = await insertReceivingStructure(db, {
    projectId: await insertProject(db, { schoolUai, porteurId: porteur.id }),
  });
  scopes = [{}, { structureId }, { schoolUai }, { academyCode: 'lille' }, { fundId: await insertFund(db) }, {}];
});

describe('an account whose owner has not chosen a password yet', () => {
  const roles = ['admin', 'gestionnaire', 'directeur', 'validateur', 'mecene', 'porteur'] as const;

  it.each(roles.map((role, index) => [role, index] as const))(
    'never opens, whatever is tried (%s)',
    async (role, index) => {
      const invited = await insertUser(db, role, scopes[index]);
      await db`update users set password_hash = null where id = ${invited.id}`;
      const ip = newAddress();
      for (const guess of ['no-such-user-placeholder', FIXTURE_PASSWORD, invited.email, 'null', '$argon2id$']) {
        const response = await signInFrom(ip, invited.email, guess);
        expect(response.status).toBe(401);
        expect((await response.json()).message).toBe('E-mail ou mot de passe incorrect.');
      }
      expect(await sessionsOf(invited.id)).toBe(0);
    },
  );
});

describe('the sign-in limits', () => {
  it(`check at most ${LOGIN_LIMITS.account.free} of 20 parallel guesses at one account, and refuse the rest at once`, async () => {
    const target = await insertUser(db, 'admin');
    const ip = newAddress();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, guess) => signInFrom(ip, target.email, `mauvais mot de passe ${guess}`)),
    );
    expect(statuses(answers)).toEqual([
      ...Array<number>(LOGIN_LIMITS.account.free).fill(401),
      ...Array<number>(20 - LOGIN_LIMITS.account.free).fill(429),
    ]);
    const [checked] = await db<{ n: number }[]>`
      select count(*)::int as n from login_attempts where email = ${target.email}`;
    expect(checked?.n).toBe(LOGIN_LIMITS.account.free);
    const owner = await signInFrom(ip, target.email, FIXTURE_PASSWORD);
    expect(owner.status).toBe(429);
    expect(Number(owner.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await owner.json()).message).toContain('Mot de passe oublié');
    expect(await sessionsOf(target.id)).toBe(0);
  });

  it('let one more guess through after each wait, the wait doubling', async () => {
    const target = await insertUser(db, 'gestionnaire', scopes[1]);
    const ip = newAddress();
    for (let guess = 0; guess < LOGIN_LIMITS.account.free; guess += 1) {
      expect((await signInFrom(ip, target.email, 'mauvais')).status).toBe(401);
    }
    const first = await signInFrom(ip, target.email, 'mauvais');
    expect(first.status).toBe(429);
    expect(Number(first.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    await db`update auth_throttles set last_at = last_at - interval '61 seconds' where key like ${'%' + target.email}`;
    expect((await signInFrom(ip, target.email, FIXTURE_PASSWORD)).status).toBe(200);
    expect(await sessionsOf(target.id)).toBe(1);
  });

  it('do not lock out staff who signed in before from an address a script hammers, nor let a forged first hop escape', async () => {
    const proxy = newAddress();
    const staff = await insertUser(db, 'validateur', { academyCode: 'lille' });
    expect((await signInFrom(proxy, staff.email, FIXTURE_PASSWORD)).status).toBe(200);
    const newcomer = await insertUser(db, 'validateur', { academyCode: 'lille' });
    const guesses = await Promise.all(
      Array.from({ length: LOGIN_LIMITS.address.free + 5 }, () =>
        signInFrom(proxy, `${randomBytes(4).toString('hex')}@example.org`, 'mauvais', `${newAddress()}, ${proxy}`),
      ),
    );
    expect(guesses.filter((answer) => answer.status === 401)).toHaveLength(LOGIN_LIMITS.address.free);
    expect(guesses.filter((answer) => answer.status === 429)).toHaveLength(5);
    expect((await signInFrom(proxy, staff.email, FIXTURE_PASSWORD)).status).toBe(200);
    expect((await signInFrom(proxy, newcomer.email, FIXTURE_PASSWORD)).status).toBe(429);
    expect((await signInFrom(newAddress(), newcomer.email, FIXTURE_PASSWORD)).status).toBe(200);
  });
});
