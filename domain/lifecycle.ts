import type { ProjectStatus } from './project-status.ts';
import type { Role } from './roles.ts';

/** The human steps of a project's lifecycle (DESIGN.md §Lifecycle). */
export const LIFECYCLE_ACTIONS = ['submit', 'review', 'attest', 'cancel', 'submitReport', 'reviewReport'] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

/** Who may take each action, and in which states. */
const RULES: Record<LifecycleAction, { roles: readonly Role[]; states: readonly ProjectStatus[] }> = {
  submit: { roles: ['porteur'], states: ['draft', 'changes_requested'] },
  review: { roles: ['validateur'], states: ['submitted'] },
  attest: { roles: ['directeur'], states: ['awaiting_attestation'] },
  cancel: {
    roles: ['admin'],
    states: ['draft', 'submitted', 'changes_requested', 'accepted', 'awaiting_attestation', 'published'],
  },
  submitReport: { roles: ['porteur'], states: ['report_due', 'report_changes_requested'] },
  reviewReport: { roles: ['validateur'], states: ['report_submitted'] },
};

/** French explanation of why an action is refused in a state, for the 409 the API returns. */
const REFUSALS: Record<LifecycleAction, string> = {
  submit: 'Ce projet ne peut être soumis que depuis un brouillon ou après une demande de modifications.',
  review: 'Seul un projet soumis, en attente de validation, peut être examiné.',
  attest: "Ce projet n'attend pas d'attestation du chef d'établissement.",
  cancel: 'Un projet ne peut plus être annulé une fois sa campagne terminée.',
  submitReport: "Le bilan ne peut être déposé qu'après le versement des fonds, ou après une demande de compléments.",
  reviewReport: "Aucun bilan n'attend d'examen pour ce projet.",
};

/** True when the action is allowed in the status. */
export function isActionAllowed(action: LifecycleAction, status: ProjectStatus): boolean {
  return RULES[action].states.includes(status);
}

/** The reason an action is refused, in French. */
export function refusalOf(action: LifecycleAction): string {
  return REFUSALS[action];
}

/** The roles allowed to take an action (before scope checks: own project, own school, académie). */
export function rolesFor(action: LifecycleAction): readonly Role[] {
  return RULES[action].roles;
}

/** The actions each role may take now, for the project page and the API. */
export function actionsByRole(status: ProjectStatus): Partial<Record<Role, LifecycleAction[]>> {
  const byRole: Partial<Record<Role, LifecycleAction[]>> = {};
  for (const action of LIFECYCLE_ACTIONS) {
    if (!isActionAllowed(action, status)) continue;
    for (const role of RULES[action].roles) (byRole[role] ??= []).push(action);
  }
  return byRole;
}

/** Statuses in which the lifecycle has ended. */
export const FINAL_STATUSES: readonly ProjectStatus[] = ['rejected', 'closed', 'completed', 'cancelled'];
