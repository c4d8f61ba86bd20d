import { inRoleGroup } from '../../domain/role-groups.ts';
import { PROJECT_ROLES, type Role } from '../../domain/roles.ts';

/** True for administrators, who see every resource and do the platform's own work. */
export function isAdmin(roles: readonly Role[] = []): boolean {
  return inRoleGroup('administrators', roles);
}

/** True for those who write projects: create, edit and give news of them (porteurs). */
export function canWriteProjects(roles: readonly Role[] = []): boolean {
  return inRoleGroup('projectAuthors', roles);
}

/** True for those who review projects against schools and read the platform's figures: validateurs and admins. */
export function isReviewer(roles: readonly Role[] = []): boolean {
  return inRoleGroup('reviewers', roles);
}

/** True for the back-office roles that work on projects (the API refuses projects to mécènes and donateurs). */
export function canSeeProjects(roles: readonly Role[] = []): boolean {
  return roles.some((role) => (PROJECT_ROLES as readonly Role[]).includes(role));
}

/** True for those who read funds: administrators, and mécènes (their own fund). */
export function canSeeFunds(roles: readonly Role[] = []): boolean {
  return inRoleGroup('fundReaders', roles);
}

/** True for those who read a project's grants and their explanations: admins, validateurs, porteurs, directeurs. */
export function canSeeProjectGrants(roles: readonly Role[] = []): boolean {
  return inRoleGroup('projectGrantReaders', roles);
}

/** True for those who read donations: admins (all), gestionnaires (their structures'), porteurs (their projects'). */
export function canSeeDonations(roles: readonly Role[] = []): boolean {
  return inRoleGroup('donationReaders', roles);
}

/** True for those who handle receiving structures: admins (all), gestionnaires (their own). */
export function canSeeStructures(roles: readonly Role[] = []): boolean {
  return inRoleGroup('structureHandlers', roles);
}
