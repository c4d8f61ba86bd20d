/** The states of a payout: recorded (waiting for export), exported in a SEPA batch, confirmed executed by the bank. */
export const PAYOUT_STATUSES = ['recorded', 'exported', 'confirmed'] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];
