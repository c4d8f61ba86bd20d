import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import type { Role } from '../../domain/roles.ts';
import type { User } from '../../db/queries/users.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
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

/**
 * Declares a route and who may call it: the access is enforced by middleware and published in the
 * OpenAPI document (`x-access`), where the route-walking test reads it.
 */
export function defineRoute<R extends Omit<RouteConfig, 'middleware'>>(access: Access, route: R) {
  return createRoute({
    ...route,
    middleware: [authorize(access)] as const,
    security: access === 'public' ? [] : [{ session: [] }],
    'x-access': access === 'public' || access === 'authenticated' ? access : [...access],
  });
}
