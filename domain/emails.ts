/**
 * How many delivery workflows share the outbox, so no single workflow carries the platform's e-mails: an e-mail
 * belongs to its recipient's shard (each recipient's e-mails go out in order), a thank-you to its gift's.
 */
export const EMAIL_DELIVERY_SHARDS = 8;

/** One of the delivery workflows' parts of the outbox: those whose shard number modulo `count` is `index`. */
export interface DeliveryShard {
  index: number;
  count: number;
}

/** The delivery shard that queues a paid gift's thank-you. */
export const thanksShardOf = (donationId: number): number => donationId % EMAIL_DELIVERY_SHARDS;

/** Who receives a project's e-mails. */
export type Audience = 'porteur' | 'directeur' | 'validateurs' | 'donors' | 'sponsors' | 'gestionnaire' | 'admins';

/**
 * Transactional e-mails always go out. Progress (campaign milestones and end) and news e-mails are the
 * ones a donor or sponsor may unsubscribe from; progress ones are also throttled.
 */
export const EMAIL_KINDS = ['transactional', 'progress', 'news'] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

/** Where an outbox row stands. */
export const EMAIL_STATUSES = ['pending', 'sending', 'sent', 'failed', 'merged', 'skipped'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/** French labels shown in the back office. */
export const EMAIL_STATUS_LABELS: Record<EmailStatus, string> = {
  pending: 'En attente',
  sending: 'En cours d’envoi',
  sent: 'Envoyé',
  failed: 'Échec',
  merged: 'Regroupé',
  skipped: 'Non envoyé (désinscrit)',
};

/** The campaign news a donor hears about, in the order a campaign reaches them (DESIGN.md §E-mails). */
export const PROGRESS_TEMPLATES = ['half_minimum', 'minimum_reached', 'optimum_reached', 'campaign_succeeded'];

/** What the project tells the people who supported it, beyond its campaign. */
export const NEWS_TEMPLATES = ['project_news', 'report_published'];

const SUPPORTERS: readonly Audience[] = ['donors', 'sponsors'];

/** The kind of a template sent to an audience: progress and news only when addressed to supporters. */
export function emailKindOf(template: string, audience: Audience): EmailKind {
  if (!SUPPORTERS.includes(audience)) return 'transactional';
  if (PROGRESS_TEMPLATES.includes(template)) return 'progress';
  if (NEWS_TEMPLATES.includes(template)) return 'news';
  return 'transactional';
}

const HOUR_MS = 3_600_000;

/** At most one progress e-mail per recipient and project within this window; later ones wait and merge. */
export const PROGRESS_WINDOW_MS = 72 * HOUR_MS;

/**
 * When a progress e-mail queued now may go out: at once, unless one went out less than a window ago or
 * earlier ones are already waiting (then it waits with them and all go out as one).
 */
export function progressSendAfter(now: Date, group: { lastSentAt: Date | null; heldUntil: Date | null }): Date {
  const times = [now.getTime()];
  if (group.lastSentAt) times.push(group.lastSentAt.getTime() + PROGRESS_WINDOW_MS);
  if (group.heldUntil) times.push(group.heldUntil.getTime());
  return new Date(Math.max(...times));
}

/** Tries of one e-mail before it is marked failed. */
export const MAX_DELIVERY_ATTEMPTS = 6;

/** How long a delivery's claim on an e-mail lasts; a claim older than this is taken as a crashed delivery. */
export const DELIVERY_LEASE_MS = 10 * 60_000;

/** The wait before the next try after a failed one: 1, 4, 16, 64 minutes, then every 4 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 4 ** Math.max(attempts - 1, 0), 4 * HOUR_MS);
}

const TEMPLATE_LABELS = {
  project_submitted: 'Projet soumis',
  new_submission: 'Nouveau projet à examiner',
  review_sla_breached: 'Examen en retard',
  changes_requested: 'Modifications demandées',
  project_rejected: 'Projet refusé',
  project_accepted: 'Projet accepté',
  attestation_requested: 'Attestation demandée',
  project_published: 'Projet en ligne',
  half_minimum: 'Moitié de l’objectif minimum',
  minimum_reached: 'Objectif minimum atteint',
  optimum_reached: 'Objectif optimal atteint',
  campaign_succeeded: 'Collecte réussie',
  campaign_failed_choice: 'Collecte échouée : choix du donateur',
  project_cancelled: 'Projet annulé',
  report_reminder: 'Rappel du bilan',
  report_due_today: 'Bilan attendu aujourd’hui',
  report_late: 'Bilan en retard',
  report_changes_requested: 'Compléments au bilan demandés',
  report_published: 'Bilan publié',
  project_news: 'Nouvelles du projet',
  donation_thanks: 'Remerciement du don',
  donor_sign_in: 'Lien de connexion à l’espace donateur',
  donor_message: 'Message d’un donateur au porteur',
  tax_receipt_available: 'Reçu fiscal disponible',
  tax_statement_available: 'Récapitulatif annuel des dons',
  account_invitation: 'Invitation au back office',
  password_reset: 'Mot de passe oublié',
  directeur_invitation: 'Invitation du chef d’établissement',
  gestionnaire_invitation: 'Invitation du gestionnaire',
  payout_waiting_bank_details: 'Versement en attente des coordonnées bancaires',
  lifecycle_incident: 'Projet bloqué par un incident',
} as const satisfies Record<string, string>;

/** The name of an e-mail template: a typo is a compile error, not a failed workflow. */
export type EmailTemplate = keyof typeof TEMPLATE_LABELS;

/** French names of the e-mail templates, for the back office. */
export const EMAIL_TEMPLATE_LABELS: Record<string, string> = TEMPLATE_LABELS;
