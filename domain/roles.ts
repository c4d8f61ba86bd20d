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
  directeur: "Directeur d'école / chef d'établissement",
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
