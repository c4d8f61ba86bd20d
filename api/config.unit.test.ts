import { describe, expect, it } from 'vitest';
import { parseWorkerConfig } from '../worker/config.ts';
import { parseApiConfig } from './config.ts';

const API = { DATABASE_URL: 'postgres://u:p@db/t', STRIPE_SECRET_KEY: 'sk_test' };

describe('process configuration', () => {
  it('fills defaults for everything but the database', () => {
    const config = parseApiConfig({ ...API, DATABASE_URL: 'postgres://u:p@db:5432/trousse' });
    expect(config).toMatchObject({ API_PORT: 3000, TEMPORAL_ADDRESS: '127.0.0.1:7233', COOKIE_SECURE: true });
  });

  it('fails fast with one message naming every bad variable', () => {
    expect(() => parseApiConfig({ API_PORT: 'abc', COOKIE_SECURE: 'yes' })).toThrow(
      /Invalid configuration:\n {2}- DATABASE_URL: .*\n {2}- STRIPE_SECRET_KEY: .*\n {2}- API_PORT: .*\n {2}- COOKIE_SECURE: /,
    );
  });

  it('tells the worker what a Stripe key and an SMTP URL must look like', () => {
    expect(() =>
      parseWorkerConfig({ DATABASE_URL: 'postgres://u:p@db/t', STRIPE_SECRET_KEY: 'pk_live', SMTP_URL: 'http://mail' }),
    ).toThrow(/STRIPE_SECRET_KEY: must be a Stripe secret key[\s\S]*SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
  });

  it('requires the secret of e-mail links in production, and uses a development one elsewhere', () => {
    const worker = { DATABASE_URL: 'postgres://u:p@db/t', STRIPE_SECRET_KEY: 'sk_test', SMTP_URL: 'smtp://mail:25' };
    expect(() => parseWorkerConfig({ ...worker, NODE_ENV: 'production' })).toThrow(
      /EMAIL_LINK_SECRET: required in production/,
    );
    expect(() => parseApiConfig({ ...API, NODE_ENV: 'production' })).toThrow(
      /EMAIL_LINK_SECRET: required in production/,
    );
    const secret = 'f'.repeat(32);
    expect(parseWorkerConfig({ ...worker, NODE_ENV: 'production', EMAIL_LINK_SECRET: secret }).EMAIL_LINK_SECRET).toBe(
      secret,
    );
    expect(parseWorkerConfig(worker)).toMatchObject({
      EMAIL_LINK_SECRET: parseApiConfig(API).EMAIL_LINK_SECRET,
      PUBLIC_URL: 'http://localhost:3000',
    });
  });

  it('requires the Stripe webhook secret in production, and uses a development one elsewhere', () => {
    const production = {
      ...API,
      NODE_ENV: 'production',
      EMAIL_LINK_SECRET: 'f'.repeat(32),
      PLATFORM_DEBTOR_NAME: 'Association Trousse à Projets',
      PLATFORM_DEBTOR_IBAN: 'FR7630001007941234567890185',
      PLATFORM_DEBTOR_BIC: 'BDFEFRPPCCT',
    };
    expect(() => parseApiConfig(production)).toThrow(/STRIPE_WEBHOOK_SECRET: required in production/);
    expect(() => parseApiConfig({ ...production, STRIPE_WEBHOOK_SECRET: 'secret' })).toThrow(
      /STRIPE_WEBHOOK_SECRET: must be a Stripe webhook signing secret/,
    );
    expect(parseApiConfig({ ...production, STRIPE_WEBHOOK_SECRET: 'whsec_live' }).STRIPE_WEBHOOK_SECRET).toBe(
      'whsec_live',
    );
    expect(parseApiConfig(API).STRIPE_WEBHOOK_SECRET).toMatch(/^whsec_development/);
  });
});
