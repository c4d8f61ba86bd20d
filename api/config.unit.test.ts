import { describe, expect, it } from 'vitest';
import { DEV_EMAIL_LINK_SECRET } from '../db/env.ts';
import { parseWorkerConfig } from '../worker/config.ts';
import { DEV_WEBHOOK_SECRET, DEVELOPMENT_VALUES, parseApiConfig } from './config.ts';

const DEVELOPMENT = { APP_ENV: 'development', DATABASE_URL: 'postgres://u:p@db/t', STRIPE_SECRET_KEY: 'sk_test' };
const PRODUCTION = {
  DATABASE_URL: 'postgres://u:p@db/t',
  STRIPE_SECRET_KEY: 'sk_live_abc',
  EMAIL_LINK_SECRET: 'f'.repeat(32),
  STRIPE_WEBHOOK_SECRET: 'whsec_live',
  PLATFORM_DEBTOR_NAME: 'Association Trousse à Projets',
  PLATFORM_DEBTOR_IBAN: 'FR1420041010050500013M02606',
  PLATFORM_DEBTOR_BIC: 'BDFEFRPPCCT',
};
const WORKER = {
  DATABASE_URL: 'postgres://u:p@db/t',
  STRIPE_SECRET_KEY: 'sk_live_abc',
  SMTP_URL: 'smtp://mail:25',
  EMAIL_LINK_SECRET: 'f'.repeat(32),
};
const SECRETS = ['EMAIL_LINK_SECRET', 'STRIPE_WEBHOOK_SECRET', 'PLATFORM_DEBTOR_NAME', 'PLATFORM_DEBTOR_IBAN'] as const;
const without = (env: Record<string, string>, ...names: string[]) =>
  Object.fromEntries(Object.entries(env).filter(([name]) => !names.includes(name)));

describe('process configuration', () => {
  it('fills defaults for everything but the database', () => {
    const config = parseApiConfig({ ...DEVELOPMENT, DATABASE_URL: 'postgres://u:p@db:5432/trousse' });
    expect(config).toMatchObject({ API_PORT: 3000, TEMPORAL_ADDRESS: '127.0.0.1:7233', COOKIE_SECURE: true });
  });

  it('fails fast with one message naming every bad variable', () => {
    expect(() => parseApiConfig({ API_PORT: 'abc', COOKIE_SECURE: 'yes' })).toThrow(
      /Invalid configuration:\n {2}- DATABASE_URL: .*\n[\s\S]*- STRIPE_SECRET_KEY: .*\n {2}- API_PORT: .*\n {2}- COOKIE_SECURE: [\s\S]*- STRIPE_WEBHOOK_SECRET: required/,
    );
  });

  it('tells the worker what a Stripe key and an SMTP URL must look like', () => {
    expect(() => parseWorkerConfig({ ...WORKER, STRIPE_SECRET_KEY: 'pk_live', SMTP_URL: 'http://mail' })).toThrow(
      /STRIPE_SECRET_KEY: must be a Stripe secret or restricted key[\s\S]*SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/,
    );
    expect(parseWorkerConfig({ ...WORKER, STRIPE_SECRET_KEY: 'rk_live_abc' }).STRIPE_SECRET_KEY).toBe('rk_live_abc');
  });

  it('takes the production secrets as given, and mounts nothing of development', () => {
    expect(parseApiConfig(PRODUCTION)).toMatchObject({
      APP_ENV: 'production',
      STRIPE_WEBHOOK_SECRET: 'whsec_live',
      EMAIL_LINK_SECRET: 'f'.repeat(32),
    });
    expect(parseWorkerConfig(WORKER)).toMatchObject({ APP_ENV: 'production', EMAIL_LINK_SECRET: 'f'.repeat(32) });
  });

  it.each([undefined, 'production', 'Production', 'prod', ''])(
    'with NODE_ENV %s and no APP_ENV, lists every missing secret at once instead of using development ones',
    (nodeEnv) => {
      const env = { ...without(PRODUCTION, ...SECRETS), NODE_ENV: nodeEnv, API_PORT: 'abc' };
      const message = (() => {
        try {
          parseApiConfig(env);
        } catch (error) {
          return (error as Error).message;
        }
      })();
      for (const name of [...SECRETS, 'API_PORT']) expect(message).toMatch(new RegExp(`- ${name}: `));
      expect(message).toMatch(/EMAIL_LINK_SECRET: required \(development values apply only with APP_ENV=development\)/);
      expect(() => parseWorkerConfig(without(WORKER, 'EMAIL_LINK_SECRET'))).toThrow(/EMAIL_LINK_SECRET: required/);
    },
  );

  it('fills development values only when APP_ENV=development is asked for', () => {
    expect(parseApiConfig(DEVELOPMENT)).toMatchObject({
      APP_ENV: 'development',
      STRIPE_WEBHOOK_SECRET: DEV_WEBHOOK_SECRET,
      EMAIL_LINK_SECRET: DEV_EMAIL_LINK_SECRET,
      PLATFORM_DEBTOR_IBAN: DEVELOPMENT_VALUES.PLATFORM_DEBTOR_IBAN,
    });
    expect(parseWorkerConfig({ ...DEVELOPMENT, SMTP_URL: 'smtp://mail:25' }).EMAIL_LINK_SECRET).toBe(
      DEV_EMAIL_LINK_SECRET,
    );
    expect(() => parseApiConfig({ ...DEVELOPMENT, APP_ENV: 'dev' })).toThrow(
      /APP_ENV: must be production or development/,
    );
  });

  it.each(SECRETS)('refuses the public development value of %s outside development', (name) => {
    expect(() =>
      parseApiConfig({ ...PRODUCTION, STRIPE_SECRET_KEY: 'sk_test_x', [name]: DEVELOPMENT_VALUES[name] }),
    ).toThrow(new RegExp(`${name}: is the public development value`));
  });

  it('refuses a live Stripe key with development mode or with STRIPE_API_URL, saying both at once', () => {
    for (const key of ['sk_live_abc', 'rk_live_abc']) {
      expect(() =>
        parseApiConfig({ ...DEVELOPMENT, STRIPE_SECRET_KEY: key, STRIPE_API_URL: 'http://127.0.0.1:12111' }),
      ).toThrow(/APP_ENV: development is refused with a live Stripe key[\s\S]*STRIPE_API_URL: must be unset/);
      expect(() =>
        parseWorkerConfig({ ...WORKER, STRIPE_SECRET_KEY: key, STRIPE_API_URL: 'http://127.0.0.1:12111' }),
      ).toThrow(/STRIPE_API_URL: must be unset with a live Stripe key/);
    }
    expect(() => parseApiConfig({ ...DEVELOPMENT, NODE_ENV: 'production' })).toThrow(
      /APP_ENV: development is refused when NODE_ENV is production/,
    );
  });

  it('checks what the Stripe webhook secret looks like', () => {
    expect(() => parseApiConfig({ ...PRODUCTION, STRIPE_WEBHOOK_SECRET: 'secret' })).toThrow(
      /STRIPE_WEBHOOK_SECRET: must be a Stripe webhook signing secret/,
    );
  });
});
