import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import { ROLE_LABELS, type Role } from '../../domain/roles.ts';
import type { User } from '../../db/queries/users.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { refusal } from '../routes/common.schemas.ts';
import { sessionUser } from './session.ts';

/** Who may call a route: anyone, any signed-in user, or holders of one of the roles. */
export type Access = 'public' | 'authenticated' | readonly Role[];

/** True when the user holds one of the roles. */
export function hasRole(user: User, ...roles: Role[]): boolean {
  return user.roles.some((held) => roles.includes(held.role));
}

/**
 * Middleware loading the caller from their session, for routes that are not public, and refusing those
 * the access does not admit: 401 when anonymous, 403 without the role.
 */
export function authorize(access: Access) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (access === 'public') return next();
    const user = await sessionUser(c);
    if (!user) throw new ApiError(401, 'unauthenticated', 'Vous devez être connecté pour accéder à cette page.');
    if (access !== 'authenticated' && !hasRole(user, ...access)) {
      throw new ApiError(403, 'forbidden', 'Votre rôle ne permet pas cette action.');
    }
    c.set('user', user);
    return next();
  });
}

/** The caller, for handlers behind a non-public access. */
export function currentUser(c: { get(key: 'user'): User | undefined }): User {
  const user = c.get('user');
  if (!user) throw new ApiError(401, 'unauthenticated', 'Vous devez être connecté pour accéder à cette page.');
  return user;
}

/** The refusals the access itself gives, described for the route: not signed in, and the roles it is kept for. */
export function accessRefusals(access: Access) {
  if (access === 'public') return {};
  const unauthenticated = { 401: refusal('Non connecté : connectez-vous d’abord') };
  if (access === 'authenticated') return unauthenticated;
  const roles = access.map((role) => `« ${ROLE_LABELS[role]} »`).join(', ');
  const kept = access.length === 1 ? `au rôle ${roles}` : `aux rôles ${roles}`;
  return { ...unauthenticated, 403: refusal(`Rôle insuffisant : réservé ${kept}`) };
}

/**
 * Declares a route and who may call it: the access is enforced by middleware and published in the
 * OpenAPI document (`x-access`, where the route-walking test reads it) with the refusals it gives (a route's own
 * description of a status, e.g. 401 for wrong credentials, is kept).
 */
export function defineRoute<R extends Omit<RouteConfig, 'middleware'>>(access: Access, route: R) {
  return createRoute({
    ...route,
    responses: { ...accessRefusals(access), ...route.responses },
    middleware: [authorize(access)] as const,
    security: access === 'public' ? [] : [{ session: [] }],
    'x-access': access === 'public' || access === 'authenticated' ? access : [...access],
  });
}
