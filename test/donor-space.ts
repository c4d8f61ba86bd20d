import { expect } from 'vitest';
import type { App } from '../api/app.ts';
import { linksIn, pathOf } from './emails.ts';
import { caughtEmailsTo } from './mailbox.ts';

/** Posts a form of the public site as a browser would, from this origin unless told otherwise. */
export function postForm(
  app: App,
  path: string,
  fields: Record<string, string>,
  options: { cookie?: string; origin?: string; ip?: string } = {},
) {
  return app.request(`http://localhost${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: options.origin ?? 'http://localhost',
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...(options.ip ? { 'x-forwarded-for': options.ip } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  });
}

/** A GET with the donor's cookie. */
export const getAs = (app: App, path: string, cookie: string) =>
  app.request(`http://localhost${path}`, { headers: { cookie } });

const SIGN_IN_SUBJECT = 'Votre lien de connexion à l’espace donateur';

/** The sign-in e-mails the address received so far. */
export const signInEmailsTo = async (email: string) =>
  (await caughtEmailsTo(email)).filter((message) => message.subject === SIGN_IN_SUBJECT);

/** The sign-in link of the `count`-th sign-in e-mail the address received, once it arrived. */
export async function signInLinkTo(email: string, count = 1): Promise<string> {
  await expect.poll(async () => (await signInEmailsTo(email)).length, { timeout: 60_000 }).toBe(count);
  const message = (await signInEmailsTo(email))[count - 1]!;
  return linksIn(message.text).find((url) => url.includes('/donateur/connexion'))!;
}

/** The token of a sign-in link. */
export const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

/** Asks for a sign-in link for the address, follows it and returns the donor session's cookie (`name=value`). */
export async function signInDonor(app: App, email: string, ip = '198.51.100.7'): Promise<string> {
  const before = (await signInEmailsTo(email)).length;
  expect((await postForm(app, '/donateur', { email }, { ip })).status).toBe(200);
  const link = await signInLinkTo(email, before + 1);
  expect((await app.request(pathOf(link))).status).toBe(200);
  const opened = await postForm(app, '/donateur/connexion', { token: tokenOf(link) });
  expect(opened.status).toBe(303);
  return (opened.headers.get('set-cookie') ?? '').split(';')[0]!;
}

/** The text of the rows of the page's first table body, one array of cells per row. */
export function tableRows(html: string): string[][] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) =>
      cell[1]!
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    ),
  );
}
