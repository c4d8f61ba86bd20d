import type { Tx } from '../client.ts';

/** The statuses of a donation (see the donations check constraint). */
export type DonationStatus =
  'pending' | 'paid' | 'expired' | 'payment_failed' | 'refund_requested' | 'refunded' | 'redirected' | 'disputed';

/** What the donor chose should happen to the gift if the project fails. */
export type FailureChoice = 'refund' | 'redirect';

/** A donation as the money activities need it. */
export interface DonationRow {
  id: number;
  projectId: number | null;
  amountCents: number;
  status: DonationStatus;
  failureChoice: FailureChoice;
  stripePaymentIntentId: string | null;
}

/** One donation by id; with `forUpdate`, its row stays locked until the transaction ends. */
export async function findDonation(
  db: Tx,
  id: number,
  options: { forUpdate?: boolean } = {},
): Promise<DonationRow | undefined> {
  const [row] = await db<DonationRow[]>`
    select id, project_id, amount_cents, status, failure_choice, stripe_payment_intent_id
    from donations where id = ${id} ${options.forUpdate ? db`for update` : db``}`;
  return row;
}

/** A project's paid donations in id order (oldest first), after `afterId`, at most `limit` of them. */
export async function listPaidDonations(
  db: Tx,
  projectId: number,
  page: { afterId?: number; limit?: number } = {},
): Promise<{ donationId: number; failureChoice: FailureChoice; amountCents: number }[]> {
  return db<{ donationId: number; failureChoice: FailureChoice; amountCents: number }[]>`
    select id as donation_id, failure_choice, amount_cents
    from donations where project_id = ${projectId} and status = 'paid' and id > ${page.afterId ?? 0}
    order by id limit ${page.limit ?? null}`;
}

/** Moves a paid donation to `to`; false when it was not paid (nothing changes then). */
export async function markPaidDonation(
  db: Tx,
  id: number,
  to: Extract<DonationStatus, 'refund_requested' | 'redirected'>,
): Promise<boolean> {
  const updated = await db`update donations set status = ${to} where id = ${id} and status = 'paid'`;
  return updated.count === 1;
}
