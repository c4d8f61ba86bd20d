import type { Context } from 'hono';
import type { LifecycleAction } from '../../domain/lifecycle.ts';
import type { Role } from '../../domain/roles.ts';
import { findProject, type ProjectRow, type ProjectScope } from '../../db/queries/projects.ts';
import type { User, UserRole } from '../../db/queries/users.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { currentUser } from './access.ts';

/**
 * The projects a user may see in the back office: admins and unscoped validators see all; a validator
 * scoped to académies sees those; a directeur their schools; a gestionnaire their structures'; a porteur their own.
 */
export function projectScopeOf(user: User): ProjectScope {
  const scope: ProjectScope = { all: false, schoolUais: [], academyCodes: [], structureIds: [] };
  for (const held of user.roles) {
    if (held.role === 'admin' || (held.role === 'validateur' && !held.academyCode)) scope.all = true;
    if (held.role === 'validateur' && held.academyCode) scope.academyCodes.push(held.academyCode);
    if (held.role === 'directeur' && held.schoolUai) scope.schoolUais.push(held.schoolUai);
    if (held.role === 'gestionnaire' && held.structureId) scope.structureIds.push(held.structureId);
    if (held.role === 'porteur') scope.porteurId = user.id;
  }
  return scope;
}

/** The project, if the caller's roles cover it; otherwise a 404, as if it did not exist. */
export async function visibleProject(c: Context<AppEnv>, id: number): Promise<ProjectRow> {
  const project = await findProject(c.get('deps').db, id, projectScopeOf(currentUser(c)));
  if (!project) throw new ApiError(404, 'not_found', 'Projet introuvable.');
  return project;
}

/**
 * Refuses a lifecycle action the caller's scope does not cover: a porteur acts on their own projects, a
 * validateur within their académie and never on their own project, a directeur for their school only.
 */
export function assertMayAct(
  user: User,
  action: LifecycleAction,
  project: { porteurId: number; schoolUai: string; academyCode: string },
): void {
  const holds = (role: Role, inScope: (held: UserRole) => boolean) =>
    user.roles.some((held) => held.role === role && inScope(held));
  switch (action) {
    case 'submit':
    case 'submitReport':
      if (project.porteurId !== user.id) throw new ApiError(404, 'not_found', 'Projet introuvable parmi vos projets.');
      return;
    case 'review':
    case 'reviewReport':
      if (project.porteurId === user.id) {
        throw new ApiError(403, 'own_project', 'Vous ne pouvez pas examiner votre propre projet.');
      }
      if (!holds('validateur', (held) => !held.academyCode || held.academyCode === project.academyCode)) {
        throw new ApiError(403, 'out_of_scope', 'Ce projet ne relève pas de l’académie que vous validez.');
      }
      return;
    case 'attest':
      if (!holds('directeur', (held) => held.schoolUai === project.schoolUai)) {
        throw new ApiError(403, 'out_of_scope', 'Seul le chef de cet établissement peut attester ce projet.');
      }
      return;
    case 'cancel':
      return;
  }
}

/** The fund ids a user may read: all for an admin or a validateur (undefined), their own for a mécène. */
export function fundScopeOf(user: User, options: { validateurs: boolean }): number[] | undefined {
  if (user.roles.some((held) => held.role === 'admin' || (options.validateurs && held.role === 'validateur'))) {
    return undefined;
  }
  return user.roles.flatMap((held) => (held.role === 'mecene' && held.fundId ? [held.fundId] : []));
}

/** Refuses, as if it did not exist, a fund outside the user's scope (see fundScopeOf). */
export function assertMayReadFund(user: User, fundId: number, options: { validateurs: boolean }): void {
  const onlyIds = fundScopeOf(user, options);
  if (onlyIds && !onlyIds.includes(fundId)) throw new ApiError(404, 'not_found', 'Fonds introuvable.');
}

/** The receiving structures whose gestionnaire the user is. */
export const managedStructures = (user: User): number[] =>
  user.roles.flatMap((held) => (held.role === 'gestionnaire' && held.structureId ? [held.structureId] : []));

/** The structures whose money, bank details and receipts the user handles: all (undefined) for an admin. */
export const structuresHandledBy = (user: User): number[] | undefined =>
  user.roles.some((held) => held.role === 'admin') ? undefined : managedStructures(user);
