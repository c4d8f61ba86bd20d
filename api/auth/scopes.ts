import type { ProjectScope } from '../../db/queries/projects.ts';
import type { User } from '../../db/queries/users.ts';

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
