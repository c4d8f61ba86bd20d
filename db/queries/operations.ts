import type { Tx } from '../client.ts';

/** The e-mail outbox's backlog: e-mails due or retrying, and how long the oldest of them has waited. */
export interface OutboxBacklog {
  undelivered: number;
  /** seconds since the oldest undelivered e-mail became due (since it was queued for one being retried); 0 when none */
  oldestSeconds: number;
}

/**
 * The undelivered e-mails: pending or being sent, due now or retrying after a failure (a throttled e-mail not due
 * yet does not count). Failed ones (out of tries) and sent ones are done.
 */
export async function outboxBacklog(db: Tx): Promise<OutboxBacklog> {
  const [row] = await db<{ undelivered: number; oldestSeconds: number | null }[]>`
    select count(*) filter (where send_after <= now() or attempts > 0)::int as undelivered,
           extract(epoch from now() - least(min(send_after) filter (where send_after <= now()),
                                            min(created_at) filter (where attempts > 0)))::float8 as oldest_seconds
    from email_outbox where status in ('pending', 'sending')`;
  return { undelivered: row?.undelivered ?? 0, oldestSeconds: Math.max(0, Math.round(row?.oldestSeconds ?? 0)) };
}
