import { randomBytes, randomInt } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { afterAll, inject } from 'vitest';
import { createStripeClient } from '../db/stripe.ts';
import { createApp, type App } from '../api/app.ts';
import { parseApiConfig } from '../api/config.ts';
import { createMailDeps } from '../worker/email.ts';
import { createWorker } from '../worker/worker.ts';
import { createTestDatabase } from './db.ts';
import { FIXTURE_PASSWORD } from './fixtures.ts';

/** A signed-in (or anonymous) HTTP client of the app, keeping its session cookie like a browser. */
export type Browser = ReturnType<typeof browserOf>;

function browserOf(app: App) {
  let cookie = '';
  const request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await app.request(`http://localhost${path}`, {
      method,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(body === undefined || body instanceof FormData ? {} : { 'content-type': 'application/json' }),
        origin: 'http://localhost',
        ...headers,
      },
      body: body === undefined || body instanceof FormData ? body : JSON.stringify(body),
    });
    const set = response.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0] ?? '';
    return response;
  };
  return {
    request,
    login: (email: string, password = FIXTURE_PASSWORD) => request('POST', '/api/auth/login', { email, password }),
    /** A GET: the status and the JSON body. */
    async getJson(path: string) {
      const response = await request('GET', path);
      return { status: response.status, body: await response.json() };
    },
  };
}

/**
 * The API built on a fresh database and the shared Temporal server, with a worker of its own on a
 * task queue of its own, all stopped after the calling file's tests.
 */
export async function createTestApp(options: { worker?: boolean; config?: Record<string, string> } = {}) {
  const { db, url } = await createTestDatabase();
  // every test file has a database of its own but shares the Temporal server, where workflow ids are made of row
  // ids (project-<id>, notify-<template>-donation-<id>-sign-in-<link id>…): ids from a range of the file's own keep
  // two files from driving the same workflow, or one file's notice from being taken for another's and dropped
  await db.unsafe(`alter table projects alter column id restart with ${randomInt(1_000_000, 2 ** 40)}`);
  await db.unsafe(`
    select setval(format('%I.%I', schemaname, sequencename), ${randomInt(1_000_000, 1_000_000_000)})
    from pg_sequences where schemaname = 'public' and sequencename <> 'projects_id_seq'`);
  const taskQueue = `test-${randomBytes(4).toString('hex')}`;
  const config = parseApiConfig({
    APP_ENV: 'development',
    DATABASE_URL: url,
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    TEMPORAL_TASK_QUEUE: taskQueue,
    COOKIE_SECURE: 'false',
    STRIPE_SECRET_KEY: 'sk_test_tests',
    STRIPE_API_URL: inject('stripeApiUrl'),
    ...options.config,
  });
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const temporal = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  const stripe = createStripeClient({ secretKey: config.STRIPE_SECRET_KEY, apiUrl: config.STRIPE_API_URL });
  const app = createApp({ db, temporal, config, stripe });
  // the worker's e-mails go to MailDev, with links to this app and a delivery started as soon as they are queued
  const mail = createMailDeps({
    smtpUrl: inject('smtpUrl'),
    from: 'Trousse à Projets <ne-pas-repondre@trousse-a-projets.fr>',
    publicUrl: config.PUBLIC_URL,
    linkSecret: config.EMAIL_LINK_SECRET,
    temporal,
    taskQueue,
  });

  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  let workerConnection: NativeConnection | undefined;
  if (options.worker) {
    workerConnection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
    worker = await createWorker({
      connection: workerConnection,
      namespace: 'default',
      taskQueue,
      deps: { db, stripe, mail },
    });
    running = worker.run();
  }
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await workerConnection?.close();
    mail.transport.close?.();
    await connection.close();
  });

  return { app, db, temporal, taskQueue, browser: () => browserOf(app), mail, config, stripe };
}
