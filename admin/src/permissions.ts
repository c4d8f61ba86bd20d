import type { Role } from '../../domain/roles.ts';

/** True for administrators, who see every resource. */
export function isAdmin(roles: readonly Role[] = []): boolean {
  return roles.includes('admin');
}

/** True for those who review projects against schools: validateurs and administrators. */
export function canSeeSchools(roles: readonly Role[] = []): boolean {
  return isAdmin(roles) || roles.includes('validateur');
}
