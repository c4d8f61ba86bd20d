/** The roles of DESIGN.md §Roles; a user may hold several. */
export const ROLES = ['porteur', 'directeur', 'gestionnaire', 'validateur', 'admin', 'mecene', 'donateur'] as const;

export type Role = (typeof ROLES)[number];

/** The roles that work on projects in the back office (each within its scope). */
export const PROJECT_ROLES = [
  'porteur',
  'directeur',
  'gestionnaire',
  'validateur',
  'admin',
] as const satisfies readonly Role[];

/** French labels shown in the back office. */
export const ROLE_LABELS: Record<Role, string> = {
  porteur: 'Porteur de projet',
  directeur: 'Directeur d’école / chef d’établissement',
  gestionnaire: 'Gestionnaire de la structure réceptrice',
  validateur: 'Validateur',
  admin: 'Administrateur',
  mecene: 'Mécène',
  donateur: 'Donateur',
};

/** True when the e-mail's domain is one of the academic domains (sub-domains included). */
export function isAcademicEmail(email: string, academicDomains: readonly string[]): boolean {
  const domain = email.trim().toLowerCase().split('@')[1];
  if (!domain) return false;
  return academicDomains.some((allowed) => domain === allowed || domain.endsWith(`.${allowed}`));
}

/** The scope fields of a role grant. */
export const SCOPE_FIELDS = ['schoolUai', 'academyCode', 'structureId', 'fundId'] as const;
export type ScopeField = (typeof SCOPE_FIELDS)[number];

/**
 * The scope each role takes: `required` it must have, `allowed` it may have (a validateur's académie is optional:
 * without one they validate everywhere; a porteur's school is the one they signed up with). Any other is refused.
 */
export const ROLE_SCOPES: Record<Role, { required?: ScopeField; allowed: readonly ScopeField[] }> = {
  porteur: { allowed: ['schoolUai'] },
  directeur: { required: 'schoolUai', allowed: ['schoolUai'] },
  gestionnaire: { required: 'structureId', allowed: ['structureId'] },
  validateur: { allowed: ['academyCode'] },
  admin: { allowed: [] },
  mecene: { required: 'fundId', allowed: ['fundId'] },
  donateur: { allowed: [] },
};
