import type { Role } from './roles.ts';

/**
 * Who may do what, by role: the API declares its routes' access with these groups (`defineRoute`) and the admin shows
 * its menus and buttons with the same ones, so the two cannot drift apart.
 */
export const ROLE_GROUPS = {
  /** the platform's own work: users, académies, e-mails, payments and payouts, guides, exceptions, the API's docs */
  administrators: ['admin'],
  /** draft a project, edit it while it may change, and give its donors news: its porteur */
  projectAuthors: ['porteur'],
  /** read funds and their reports: admins (all), mécènes (their own) */
  fundReaders: ['admin', 'mecene'],
  /** read a fund's grants: admins (all), validateurs (the projects it backs), mécènes (their own fund's) */
  fundGrantReaders: ['admin', 'validateur', 'mecene'],
  /** attach a document to a project: its porteur (quotes, photos), its directeur (the approval), admins */
  documentUploaders: ['porteur', 'directeur', 'admin'],
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
