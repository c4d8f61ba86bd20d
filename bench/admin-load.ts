// The admin's first load in a real Chromium, as a signed-out visitor on loopback: time from navigation to a visible
// sign-in form, and the JavaScript it took (gzipped, and as sent); then the same load again with a warm cache. The
// API is the real app; the sign-in page needs neither Postgres nor Temporal, so their clients stay unconnected.
// Run with `npm run bench:admin`; BENCH_RUNS sets the number of cold loads.
import { loadavg } from 'node:os';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Client, Connection } from '@temporalio/client';
import { chromium, type Page } from 'playwright-core';
import { createApp } from '../api/app.ts';
import { parseApiConfig } from '../api/config.ts';
import { createDb } from '../db/client.ts';
import { createStripeClient } from '../db/stripe.ts';
import { buildAdminIfStale } from '../dev/admin-build.ts';
import { ROOT } from '../dev/stack.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const AIMS = { formMs: 1_000, gzippedBytes: 500 * 1024 };

const line = (label: string, value: string) => console.log(`  ${label.padEnd(44)} ${value}`);
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** One load of /admin/ until the sign-in form shows: its time and the scripts it fetched (path → bytes sent). */
async function load(page: Page, url: string) {
  const scripts = new Map<string, number>();
  page.on('requestfinished', async (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith('.js')) scripts.set(path, (await request.sizes()).responseBodySize);
  });
  const started = performance.now();
  await page.goto(url);
  await page.locator('input[name="username"]').waitFor({ state: 'visible' });
  const formMs = performance.now() - started;
  page.removeAllListeners('requestfinished');
  return { formMs, scripts };
}

const gzippedSize = (path: string) =>
  gzipSync(readFileSync(join(ROOT, 'admin/dist', path.replace(/^\/admin\//, ''))), { level: 9 }).length;

buildAdminIfStale();
const config = parseApiConfig({
  DATABASE_URL: 'postgres://bench@127.0.0.1:1/unused',
  STRIPE_SECRET_KEY: 'sk_test_bench',
  COOKIE_SECURE: 'false',
});
const db = createDb(config.DATABASE_URL);
const temporal = new Client({ connection: Connection.lazy({ address: config.TEMPORAL_ADDRESS }) });
const app = createApp({ db, temporal, config, stripe: createStripeClient({ secretKey: config.STRIPE_SECRET_KEY }) });
const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
await new Promise((resolve) => server.once('listening', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/admin/`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

const cold: number[] = [];
const warm: number[] = [];
let first: Map<string, number> = new Map();
let warmScripts = 0;
for (let run = 0; run < RUNS; run++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const coldLoad = await load(page, url);
  cold.push(coldLoad.formMs);
  first = coldLoad.scripts;
  const warmLoad = await load(page, url);
  warm.push(warmLoad.formMs);
  warmScripts = [...warmLoad.scripts.values()].filter((bytes) => bytes > 0).length;
  await context.close();
}
await browser.close();
server.close();
await db.end();

const gzipped = [...first.keys()].reduce((sum, path) => sum + gzippedSize(path), 0);
const sent = [...first.values()].reduce((sum, bytes) => sum + bytes, 0);
console.log(`Admin first load on loopback, ${RUNS} cold loads (new browser context each) and as many warm ones`);
line(
  'machine load average (1, 5, 15 min)',
  loadavg()
    .map((n) => n.toFixed(2))
    .join(', '),
);
line('sign-in form visible, cold (median, max)', `${median(cold).toFixed(0)} ms, ${Math.max(...cold).toFixed(0)} ms`);
line('sign-in form visible, warm cache (median)', `${median(warm).toFixed(0)} ms`);
line('first-load scripts', `${first.size} files`);
line('first-load JavaScript gzipped', kB(gzipped));
line('first-load JavaScript as sent (br/gzip)', kB(sent));
line('scripts downloaded again on a warm load', String(warmScripts));
line(
  `aims: < ${AIMS.formMs} ms, < ${kB(AIMS.gzippedBytes)} gzipped`,
  median(cold) < AIMS.formMs && gzipped < AIMS.gzippedBytes ? 'met' : 'NOT MET',
);
