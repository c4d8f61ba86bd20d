import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { donorOfSession, endDonorSession, openDonorSession } from '../../db/queries/donor-sessions.ts';
import { DONOR_SESSION_MINUTES } from '../../domain/donor-space.ts';
import type { AppEnv } from '../context.ts';

/** The donor space's cookie: its own name and path, apart from the back office's session. */
export const DONOR_COOKIE = 'tap_donor';
const PATH = '/donateur';

/** The address of the donor signed in to their space, or undefined. */
export async function signedInDonor(c: Context<AppEnv>): Promise<string | undefined> {
  const token = getCookie(c, DONOR_COOKIE);
  return token ? donorOfSession(c.get('deps').db, token) : undefined;
}

/** Opens a donor session for the address and sets its httpOnly, SameSite=Lax cookie (Secure unless told not to). */
export async function startDonorSession(c: Context<AppEnv>, email: string): Promise<void> {
  const { db, config } = c.get('deps');
  const token = await openDonorSession(db, { email, minutes: DONOR_SESSION_MINUTES });
  setCookie(c, DONOR_COOKIE, token, {
    httpOnly: true,
    secure: config.COOKIE_SECURE,
    sameSite: 'Lax',
    path: PATH,
    maxAge: DONOR_SESSION_MINUTES * 60,
  });
}

/** Ends the caller's donor session, if any, and clears its cookie. */
export async function endDonorSessionOf(c: Context<AppEnv>): Promise<void> {
  const token = getCookie(c, DONOR_COOKIE);
  if (token) await endDonorSession(c.get('deps').db, token);
  deleteCookie(c, DONOR_COOKIE, { path: PATH, secure: c.get('deps').config.COOKIE_SECURE });
}
