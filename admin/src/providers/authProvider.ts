import type { AuthProvider } from 'react-admin';
import type { Role } from '../../../domain/roles.ts';
import type { Me } from '../types.ts';
import type { LoginRequest, SignedInResponse } from '../../../contracts/auth.ts';
import { fetchApi } from './http.ts';

let currentUser: Promise<Me> | undefined;

function loadMe(): Promise<Me> {
  currentUser ??= fetchApi<Me>('/me').catch((error: unknown) => {
    currentUser = undefined;
    throw error;
  });
  return currentUser;
}

/** Rejects without a message, so react-admin shows its own French sign-in notice. */
const signInAgain = () => Promise.reject();

function rolesOf(user: Me): Role[] {
  return [...new Set(user.roles.map((grant) => grant.role))];
}

/** Session-cookie authentication against /api/auth and /api/me; permissions are the user's roles. */
export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const { user } = await fetchApi<SignedInResponse>('/auth/login', {
      method: 'POST',
      body: JSON.stringify({ email: username, password } satisfies LoginRequest),
    });
    currentUser = Promise.resolve(user);
  },
  async logout() {
    currentUser = undefined;
    await fetchApi('/auth/logout', { method: 'POST' }).catch(() => undefined);
  },
  checkAuth: () => loadMe().then(() => undefined, signInAgain),
  checkError: (error: { status?: number }) => (error?.status === 401 ? signInAgain() : Promise.resolve()),
  async getIdentity() {
    const user = await loadMe();
    return { id: user.id, fullName: user.displayName, email: user.email, roles: user.roles };
  },
  // signed out, one has no roles (not an error to retry or to log out for: pages open to all stay open)
  getPermissions: () =>
    loadMe().then(rolesOf, (error: { status?: number }) => (error?.status === 401 ? [] : Promise.reject(error))),
};
