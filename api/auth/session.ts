import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { findSessionUser } from '../../db/queries/sessions.ts';
import type { User } from '../../db/queries/users.ts';
import type { AppEnv } from '../context.ts';

/** Name of the httpOnly session cookie. */
export const SESSION_COOKIE = 'tap_session';

/** The caller, from the session cookie of a live session; undefined when anonymous. */
export async function sessionUser(c: Context<AppEnv>): Promise<User | undefined> {
  const token = getCookie(c, SESSION_COOKIE);
  return token ? findSessionUser(c.get('deps').db, token) : undefined;
}
