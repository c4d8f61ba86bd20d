import type { Role } from './roles.ts';

/**
 * Who may do what, by role: the API declares its routes' access with these groups (`defineRoute`) and the admin shows
 * its menus and buttons with the same ones, so the two cannot drift apart.
 */
export const ROLE_GROUPS = {
  /** read funds and their reports: admins (all), mécènes (their own) */
  fundReaders: ['admin', 'mecene'],
  /** read a project's grants and their explanations */
  projectGrantReaders: ['admin', 'validateur', 'porteur', 'directeur'],
  /** read donations: admins (all), gestionnaires (their structures'), porteurs (their projects') */
  donationReaders: ['admin', 'gestionnaire', 'porteur'],
  /** handle receiving structures and their tax receipts: admins (all), gestionnaires (their own) */
  structureHandlers: ['admin', 'gestionnaire'],
  /** review projects against schools and read the platform's figures */
  reviewers: ['admin', 'validateur'],
} as const satisfies Record<string, readonly Role[]>;

/** The name of a group of roles. */
export type RoleGroup = keyof typeof ROLE_GROUPS;

/** True when one of the roles held belongs to the group. */
export function inRoleGroup(group: RoleGroup, roles: readonly Role[] = []): boolean {
  return roles.some((role) => (ROLE_GROUPS[group] as readonly Role[]).includes(role));
}
