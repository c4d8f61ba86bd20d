/** The kinds of payment anomaly a person must look at (see the payment_anomalies check constraint). */
export const ANOMALY_KINDS = [
  'amount_mismatch',
  'unknown_payment',
  'refund_before_payment',
  'partial_refund',
  'dispute',
  'dispute_after_refund',
  'refund_after_payout',
  'paid_after_expiry',
  'currency_mismatch',
  'fund_overdrawn',
  'reconciliation_difference',
  'paid_after_close',
] as const;
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];

/** French names of the anomalies, for the back office. */
export const ANOMALY_LABELS: Record<AnomalyKind, string> = {
  amount_mismatch: 'Montant différent du don',
  unknown_payment: 'Paiement inconnu',
  refund_before_payment: 'Remboursement reçu avant le paiement',
  partial_refund: 'Remboursement partiel',
  dispute: 'Paiement contesté',
  dispute_after_refund: 'Contestation d’un don remboursé',
  refund_after_payout: 'Remboursement après versement',
  paid_after_expiry: 'Payé après expiration',
  currency_mismatch: 'Devise inattendue',
  fund_overdrawn: 'Fonds à découvert',
  reconciliation_difference: 'Écart avec Stripe (rapprochement)',
  paid_after_close: 'Payé après la clôture du projet',
};

/** The states of a donation, from its checkout to its refund or redirection. */
export const DONATION_STATUSES = [
  'pending',
  'paid',
  'expired',
  'payment_failed',
  'refund_requested',
  'refunded',
  'redirected',
  'disputed',
] as const;

/** French names of donation statuses, for the back office and CSV exports. */
export const DONATION_STATUS_LABELS: Record<string, string> = {
  pending: 'En attente de paiement',
  paid: 'Payé',
  expired: 'Expiré',
  payment_failed: 'Paiement refusé',
  refund_requested: 'Remboursement demandé',
  refunded: 'Remboursé',
  redirected: 'Réorienté vers un fonds',
  disputed: 'Contesté',
};
