import type { ProjectStatus } from './project-status.ts';

/** How long a donor's sign-in link works (it works once). */
export const DONOR_LINK_MINUTES = 30;

/** How long a donor's session lasts once opened by a sign-in link. */
export const DONOR_SESSION_MINUTES = 60;

/** The longest message a donor may send to a porteur. */
export const DONOR_MESSAGE_MAX = 2000;

/** A gift's state in French, as its donor reads it (« votre don est … »). */
export const GIFT_STATUS_WORDS: Record<string, string> = {
  pending: 'en attente de paiement',
  paid: 'payé',
  expired: 'non payé (session expirée)',
  payment_failed: 'paiement refusé',
  refund_requested: 'remboursement en cours',
  refunded: 'remboursé',
  redirected: 'reversé au fonds de solidarité',
  disputed: 'contesté auprès de votre banque',
};

/** A donor may still choose while the gift is paid and its project has not succeeded (collecting, failed, resolving). */
export const CHOOSABLE_STATUSES: readonly ProjectStatus[] = ['published', 'failed', 'resolving'];

const FAILED: readonly ProjectStatus[] = ['failed', 'resolving'];

/** True when a paid gift's project failed and the donor may still choose between a refund and a redirect. */
export const awaitsDonorChoice = (gift: { status: string; projectStatus: ProjectStatus | null }) =>
  gift.status === 'paid' && gift.projectStatus !== null && FAILED.includes(gift.projectStatus);

const PAID_STATES: Partial<Record<ProjectStatus, string>> = {
  published: 'payé — collecte en cours',
  closed_optimum: 'payé — collecte réussie',
  succeeded: 'payé — collecte réussie',
  paid_out: 'payé — versé à l’établissement',
  report_due: 'payé — versé à l’établissement',
  report_submitted: 'payé — versé à l’établissement',
  report_changes_requested: 'payé — versé à l’établissement',
  completed: 'payé — versé à l’établissement',
  cancelled: 'payé — projet annulé, remboursement à venir',
};

/** A gift's state in its donor's space: the gift's own, told with its project's outcome while it is paid. */
export function giftStateOf(gift: { status: string; projectStatus: ProjectStatus | null }): string {
  if (awaitsDonorChoice(gift)) return 'en attente de votre choix (projet non financé)';
  if (gift.status === 'paid' && gift.projectStatus) return PAID_STATES[gift.projectStatus] ?? 'payé';
  return GIFT_STATUS_WORDS[gift.status] ?? gift.status;
}
