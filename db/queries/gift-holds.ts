import type { Tx } from '../client.ts';

/**
 * The gifts to the project `p` being paid (its holds): started, not paid, whose Checkout Session has not expired,
 * so the donor may still pay them. A hold that expired unpaid counts no more.
 */
export const heldGiftCents = (db: Tx) => db`
  coalesce((select sum(d.amount_cents) from donations d
            where d.project_id = p.id and d.status in ('pending', 'payment_failed')
              and d.checkout_expires_at > clock_timestamp()), 0)`;
