import type { DeliveryShard } from '../../domain/emails.ts';
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

/** What a donor gives, validated: to a project or to a fund. */
export interface NewDonation {
  projectId: number | null;
  fundId: number | null;
  amountCents: number;
  donorKind: 'person' | 'company';
  donorName: string;
  donorEmail: string;
  companyName: string | null;
  siren: string | null;
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  wantsTaxReceipt: boolean;
  hideName: boolean;
  hideAmount: boolean;
  failureChoice: FailureChoice;
}

/** Stores a donation as pending (nothing is paid yet) until its Checkout Session expires; returns its id. */
export async function insertPendingDonation(db: Tx, donation: NewDonation, checkoutExpiresAt: Date): Promise<number> {
  const values = { ...donation, checkoutExpiresAt };
  const [row] = await db<{ id: number }[]>`
    insert into donations ${db(values as never, Object.keys(values) as never)} returning id`;
  return (row as { id: number }).id;
}

/** A donation as payment events need it, with where its money sits. */
export interface PaymentRow extends DonationRow {
  fundId: number | null;
  refundedCents: number;
  donorEmail: string;
  stripeCheckoutSessionId: string | null;
}

/**
 * The donation a Stripe object refers to, locked until the transaction ends: by our id (the metadata every
 * session and payment carries), else by its payment intent.
 */
export async function lockDonationForPayment(
  db: Tx,
  ref: { donationId?: number; paymentIntentId?: string },
): Promise<PaymentRow | undefined> {
  const [row] = await db<PaymentRow[]>`
    select id, project_id, fund_id, amount_cents, status, failure_choice, stripe_payment_intent_id, refunded_cents,
           donor_email, stripe_checkout_session_id
    from donations
    where id = ${ref.donationId ?? null} or stripe_payment_intent_id = ${ref.paymentIntentId ?? null}
    order by id = ${ref.donationId ?? null} desc limit 1
    for update`;
  return row;
}

/**
 * Records a donation's payment (paid, when, Stripe's payment intent, and its donor to thank); tells whether a refund
 * or dispute of it arrived before and waits to be replayed (read after the donation's lock, in the same statement).
 */
export async function markDonationPaid(
  db: Tx,
  id: number,
  paymentIntentId: string | null,
): Promise<{ hasWaitingEvents: boolean }> {
  const [row] = await db<{ hasWaitingEvents: boolean }[]>`
    update donations d set status = 'paid', paid_at = clock_timestamp(), thanks_due = true,
                           stripe_payment_intent_id = coalesce(${paymentIntentId}, stripe_payment_intent_id)
    where id = ${id}
    returning exists (select 1 from stripe_events e where e.donation_id = d.id and e.waiting_for_payment)
      as has_waiting_events`;
  return { hasWaitingEvents: row?.hasWaitingEvents ?? false };
}

/** Sets a donation's status (and, given, the amount Stripe has refunded of it so far). */
export async function setDonationStatus(
  db: Tx,
  id: number,
  status: DonationStatus,
  changes: { refundedCents?: number; disputed?: boolean } = {},
): Promise<void> {
  await db`
    update donations set status = ${status}, refunded_cents = coalesce(${changes.refundedCents ?? null}, refunded_cents),
                         disputed_at = case when ${changes.disputed ?? false} then clock_timestamp() else disputed_at end
    where id = ${id}`;
}

/**
 * Takes up to `limit` paid donations whose donors are due a thank-you (skipping rows another run holds),
 * clearing the mark; call inside the transaction that queues their e-mails. With a shard, only its donations.
 */
export async function takeDueThanks(
  db: Tx,
  limit: number,
  shard?: DeliveryShard,
): Promise<{ donationId: number; projectId: number | null; fundId: number | null }[]> {
  return db<{ donationId: number; projectId: number | null; fundId: number | null }[]>`
    update donations set thanks_due = false
    where id in (
      select id from donations
      where thanks_due ${shard ? db`and mod(id, ${shard.count}) = ${shard.index}` : db``}
      order by id limit ${limit} for update skip locked)
    returning id as donation_id, project_id, fund_id`;
}

/** Whether the project has a gift paid, or one whose payment may still land, that a failure must resolve. */
export async function hasGiftsToResolve(db: Tx, projectId: number): Promise<boolean> {
  const [row] = await db<{ found: boolean }[]>`
    select exists (select 1 from donations where project_id = ${projectId} and status in ('pending', 'paid')) as found`;
  return row?.found ?? false;
}
