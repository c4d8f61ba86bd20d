import type { ProjectStatus } from './project-status.ts';
import type { Role } from './roles.ts';

/** A submitted project is reviewed within 5 working days (DESIGN.md §Lifecycle); see review-sla.ts. */
export const REVIEW_SLA_WORKING_DAYS = 5;

/** The human steps of a project's lifecycle (DESIGN.md §Lifecycle). */
export const LIFECYCLE_ACTIONS = ['submit', 'review', 'attest', 'cancel', 'submitReport', 'reviewReport'] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

/** The states the first lifecycle (projectLifecycleWorkflow, still running for older projects) may cancel in. */
export const CANCELLABLE_BEFORE_CLOSING: readonly ProjectStatus[] = [
  'draft',
  'submitted',
  'changes_requested',
  'accepted',
  'awaiting_attestation',
  'published',
];

/** Who may take each action, and in which states. */
const RULES: Record<LifecycleAction, { roles: readonly Role[]; states: readonly ProjectStatus[] }> = {
  submit: { roles: ['porteur'], states: ['draft', 'changes_requested'] },
  review: { roles: ['validateur'], states: ['submitted'] },
  attest: { roles: ['directeur'], states: ['awaiting_attestation'] },
  cancel: {
    roles: ['admin'],
    states: [...CANCELLABLE_BEFORE_CLOSING, 'closed_optimum', 'succeeded', 'payout_pending'],
  },
  submitReport: { roles: ['porteur'], states: ['paid_out', 'report_due', 'report_changes_requested'] },
  reviewReport: { roles: ['validateur'], states: ['report_submitted'] },
};

/** French explanation of why an action is refused in a state, for the 409 the API returns. */
const REFUSALS: Record<LifecycleAction, string> = {
  submit: 'Ce projet ne peut être soumis que depuis un brouillon ou après une demande de modifications.',
  review: 'Seul un projet soumis, en attente de validation, peut être examiné.',
  attest: 'Ce projet n’attend pas d’attestation du chef d’établissement.',
  cancel: 'Un projet ne peut plus être annulé une fois ses fonds versés à la structure réceptrice.',
  submitReport: 'Le bilan ne peut être déposé qu’après le versement des fonds, ou après une demande de compléments.',
  reviewReport: 'Aucun bilan n’attend d’examen pour ce projet.',
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

/** Why a cancellation is refused while the campaign's outcome is being recorded (API: 409). */
export const CANCEL_WHILE_CLOSING =
  'La collecte est en cours de clôture : réessayez dans un instant, une fois son issue enregistrée.';

/** Why a cancellation is refused once the payout has started (API: 409). */
export const CANCEL_WHILE_PAYING = 'Le versement des fonds est en cours : le projet ne peut plus être annulé.';

/** Why a step is refused while the lifecycle waits for an admin to resume it (API: 409). */
export const BLOCKED_BY_INCIDENT =
  'Le processus de ce projet est bloqué par un incident : un administrateur doit d’abord le relancer (« Projets bloqués »).';

/** Statuses in which the lifecycle has ended. */
export const FINAL_STATUSES: readonly ProjectStatus[] = ['rejected', 'closed', 'completed', 'cancelled'];
