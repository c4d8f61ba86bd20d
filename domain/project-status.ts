/** Every state of DESIGN.md §Lifecycle, in lifecycle order. */
export const PROJECT_STATUSES = [
  'draft',
  'submitted',
  'changes_requested',
  'rejected',
  'accepted',
  'awaiting_attestation',
  'published',
  'closed_optimum',
  'succeeded',
  'payout_pending',
  'failed',
  'resolving',
  'closed',
  'paid_out',
  'report_due',
  'report_submitted',
  'report_changes_requested',
  'completed',
  'cancelled',
] as const;

export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** The states before the campaign opens (drafts and projects under review): such a project is not public. */
export const BEFORE_PUBLICATION: readonly ProjectStatus[] = PROJECT_STATUSES.slice(
  0,
  PROJECT_STATUSES.indexOf('published'),
);

/** French labels shown in the back office. */
export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  draft: 'Brouillon',
  submitted: 'Soumis',
  changes_requested: 'Modifications demandées',
  rejected: 'Refusé',
  accepted: 'Accepté',
  awaiting_attestation: 'En attente d’attestation',
  published: 'En collecte',
  closed_optimum: 'Objectif optimal atteint',
  succeeded: 'Réussi',
  payout_pending: 'Versement en attente des coordonnées bancaires',
  failed: 'Échoué',
  resolving: 'Remboursements en cours',
  closed: 'Clos',
  paid_out: 'Financé, activité en cours',
  report_due: 'Bilan attendu',
  report_submitted: 'Bilan soumis',
  report_changes_requested: 'Bilan à compléter',
  completed: 'Terminé',
  cancelled: 'Annulé',
};

/** Campaigns that reached their minimum (whatever came after). */
export const SUCCESSFUL_CAMPAIGN: readonly ProjectStatus[] = [
  'closed_optimum',
  'succeeded',
  'payout_pending',
  'paid_out',
  'report_due',
  'report_submitted',
  'report_changes_requested',
  'completed',
];

/** Campaigns that ended below their minimum. */
export const FAILED_CAMPAIGN: readonly ProjectStatus[] = ['failed', 'resolving', 'closed'];
