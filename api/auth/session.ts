import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { findSessionUserId } from '../../db/queries/sessions.ts';
import { findUser } from '../../db/queries/users.ts';
import type { AppEnv } from '../context.ts';

/** Name of the httpOnly session cookie. */
export const SESSION_COOKIE = 'tap_session';

/** Loads the caller from the session cookie, if any; never refuses (routes decide with authorize). */
export const loadSession = createMiddleware<AppEnv>(async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE) ?? null;
  const { db } = c.get('deps');
  const userId = token ? await findSessionUserId(db, token) : undefined;
  c.set('sessionToken', userId ? token : null);
  c.set('user', userId ? ((await findUser(db, userId)) ?? null) : null);
  await next();
});
