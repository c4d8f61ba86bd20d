import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseApiConfig } from '../api/config.ts';
import { parseWorkerConfig } from '../worker/config.ts';

// No Docker engine runs here: these checks keep docker-compose.yml consistent with what the processes need.
const compose = parse(readFileSync(new URL('../docker-compose.yml', import.meta.url), 'utf8')) as {
  services: Record<string, { environment?: Record<string, string>; command?: string[]; depends_on?: object }>;
};

const SAMPLE: Record<string, string> = {
  POSTGRES_PASSWORD: 's3cret',
  PUBLIC_URL: 'https://backoffice.example.org',
  STRIPE_SECRET_KEY: 'sk_live_example',
  STRIPE_WEBHOOK_SECRET: 'whsec_example',
  PLATFORM_DEBTOR_NAME: 'Association Trousse à Projets',
  PLATFORM_DEBTOR_IBAN: 'FR1420041010050500013M02606',
  PLATFORM_DEBTOR_BIC: 'BDFEFRPPCCT',
  SMTP_URL: 'smtps://user:pass@smtp.example.org:465',
  EMAIL_LINK_SECRET: 'b7f1c0de5e3a4f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a',
};

/** The service's environment with ${VAR…} references replaced as `docker compose` would. */
function environmentOf(service: string): Record<string, string> {
  const environment = compose.services[service]?.environment ?? {};
  return Object.fromEntries(
    Object.entries(environment).map(([key, value]) => [
      key,
      String(value).replace(
        /\$\{(\w+)(?::[-?]([^}]*))?\}/g,
        (_, name: string, fallback?: string) =>
          SAMPLE[name] ?? (fallback && !fallback.startsWith('set ') ? fallback : ''),
      ),
    ]),
  );
}

describe('docker-compose.yml', () => {
  it('describes postgres, temporal with its UI, a one-shot migrate, the api and the worker', () => {
    expect(Object.keys(compose.services)).toEqual(
      expect.arrayContaining(['postgres', 'temporal', 'temporal-ui', 'migrate', 'api', 'worker']),
    );
    expect(compose.services.migrate?.command).toEqual(['node', 'dist/db/migrate-cli.js']);
    expect(compose.services.api?.depends_on).toHaveProperty('migrate.condition', 'service_completed_successfully');
  });

  it('runs Temporal without the development-only auto-setup image: schema job, server, then namespace set-up', () => {
    const images = Object.values(compose.services).map((service) => (service as { image?: string }).image ?? '');
    expect(images.some((image) => image.includes('auto-setup'))).toBe(false);
    expect(compose.services.temporal?.depends_on).toHaveProperty(
      'temporal-schema.condition',
      'service_completed_successfully',
    );
    expect(compose.services.worker?.depends_on).toHaveProperty(
      'temporal-setup.condition',
      'service_completed_successfully',
    );
  });

  it('runs the built JavaScript of the production image, never TypeScript through tsx', () => {
    for (const name of ['migrate', 'api', 'worker']) {
      const command = compose.services[name]?.command ?? [];
      expect(command.join(' ')).not.toContain('tsx');
      expect(command.at(-1)).toMatch(/^dist\/.*\.js$/);
    }
  });

  it('gives the api a configuration its own parser accepts, with secure cookies', () => {
    const config = parseApiConfig(environmentOf('api'));
    expect(config).toMatchObject({ COOKIE_SECURE: true, TEMPORAL_ADDRESS: 'temporal:7233', API_HOST: '0.0.0.0' });
    expect(config.DATABASE_URL).toBe('postgres://trousse:s3cret@postgres:5432/trousse');
    expect(config.STRIPE_WEBHOOK_SECRET).toBe(SAMPLE.STRIPE_WEBHOOK_SECRET);
    expect(config.PLATFORM_DEBTOR_IBAN).toBe(SAMPLE.PLATFORM_DEBTOR_IBAN);
  });

  it('gives the worker a configuration its own parser accepts', () => {
    const config = parseWorkerConfig(environmentOf('worker'));
    expect(config).toMatchObject({
      TEMPORAL_ADDRESS: 'temporal:7233',
      SMTP_URL: SAMPLE.SMTP_URL,
      PUBLIC_URL: SAMPLE.PUBLIC_URL,
      EMAIL_LINK_SECRET: SAMPLE.EMAIL_LINK_SECRET,
    });
  });
});
