import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../test/app.ts';
import { insertProject, insertSchool, insertUser } from '../test/fixtures.ts';
import { DEFAULT_BODY_LIMIT } from './body-limits.ts';

// Every body has a ceiling by route, refused with 413 before it is read whole: a flood to a public form stores nothing.
const { app, db } = await createTestApp();
const schoolUai = await insertSchool(db);
const porteur = await insertUser(db, 'porteur');
const projectId = await insertProject(db, { schoolUai, porteurId: porteur.id, campaignEndsInDays: 10 });
const donations = async () => (await db<{ n: number }[]>`select count(*)::int as n from donations`)[0]!.n;

const MB = 1024 * 1024;
const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
await new Promise((resolve) => server.once('listening', resolve));
const port = (server.address() as AddressInfo).port;
afterAll(() => void server.close());

/** Posts `chunks` chunks of 64 KiB over real HTTP without a Content-Length (chunked), stopping when answered. */
function postChunked(path: string, contentType: string, chunks: number) {
  return new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: { 'content-type': contentType, origin: 'http://localhost' },
      },
      (response) => {
        answered = true;
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body, sent }));
      },
    );
    request.on('error', (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const write = () => {
      while (!answered && sent < chunks) {
        sent += 1;
        if (!request.write(chunk)) return void request.once('drain', write);
      }
      request.end();
    };
    write();
  });
}

describe('request bodies', () => {
  it('a multi-megabyte form to the public donate page is a 413 page in French, and no gift is recorded', async () => {
    const before = await donations();
    const form = new URLSearchParams({ amount: '20', donorName: 'x'.repeat(3 * MB), donorEmail: 'a@example.org' });
    const response = await app.request(`http://localhost/projets/${projectId}/don`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
      body: form.toString(),
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('La requête est trop volumineuse : 256 Ko au plus.');
    expect(await donations()).toBe(before);
  });

  it('a multi-megabyte multipart body to the donate page is refused from its Content-Length', async () => {
    const form = new FormData();
    form.set('amount', '20');
    form.set('attachment', new Blob([Buffer.alloc(4 * MB)]), 'gros.bin');
    const response = await app.request(`http://localhost/projets/${projectId}/don`, {
      method: 'POST',
      headers: { origin: 'http://localhost', 'content-length': String(4 * MB + 500) },
      body: form,
    });
    expect(response.status).toBe(413);
  });

  it('a JSON body beyond the limit is a 413 in JSON, and nothing is stored', async () => {
    const before = await donations();
    const response = await app.request('http://localhost/api/donations', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost' },
      body: JSON.stringify({
        projectId,
        amountCents: 2_000,
        donorName: 'x'.repeat(DEFAULT_BODY_LIMIT),
        donorEmail: 'a@b.fr',
      }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      code: 'payload_too_large',
      message: 'La requête est trop volumineuse : 256 Ko au plus.',
    });
    expect(await donations()).toBe(before);
  });

  it('a chunked body without Content-Length is cut off once past the limit, long before its end', async () => {
    const before = await donations();
    const answer = await postChunked('/api/donations', 'application/json', 3_200);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'payload_too_large' });
    expect(answer.sent).toBeLessThan(3_200);
    const page = await postChunked(`/projets/${projectId}/don`, 'application/x-www-form-urlencoded', 3_200);
    expect(page.status).toBe(413);
    expect(await donations()).toBe(before);
  });

  it('a document upload may reach its documented 5 Mo, and no more', async () => {
    const upload = (bytes: number) => {
      const form = new FormData();
      form.set('kind', 'approval');
      form.set('file', new Blob([Buffer.alloc(bytes)], { type: 'application/pdf' }), 'autorisation.pdf');
      return app.request(`http://localhost/api/projects/${projectId}/documents`, {
        method: 'POST',
        headers: { origin: 'http://localhost' },
        body: form,
      });
    };
    // within the limit the request goes on to the access check (anonymous here: 401)
    expect((await upload(4 * MB)).status).toBe(401);
    const tooLarge = await upload(6 * MB);
    expect(tooLarge.status).toBe(413);
    expect((await tooLarge.json()).message).toBe('La requête est trop volumineuse : 5 Mo au plus.');
  });
});
