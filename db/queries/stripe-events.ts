import type { Tx } from '../client.ts';
import type { AnomalyKind } from '../../domain/payments.ts';
import { cappedCount, type Page } from './paging.ts';

export type { AnomalyKind } from '../../domain/payments.ts';

/** Stores a Stripe event by its id; false when it was stored before (a repeat: process nothing). */
export async function storeStripeEvent(
  db: Tx,
  event: { id: string; type: string; payload: unknown },
): Promise<boolean> {
  const inserted = await db`
    insert into stripe_events (id, type, payload) values (${event.id}, ${event.type}, ${db.json(event.payload as never)})
    on conflict (id) do nothing`;
  return inserted.count === 1;
}

/** How a stored event was handled, and the donation it concerns (a waiting event is replayed after the payment). */
export async function finishStripeEvent(
  db: Tx,
  id: string,
  result: { outcome: string; donationId?: number; waitingForPayment?: boolean },
): Promise<void> {
  await db`
    update stripe_events set outcome = ${result.outcome}, donation_id = ${result.donationId ?? null},
                             waiting_for_payment = ${result.waitingForPayment ?? false},
                             processed_at = clock_timestamp()
    where id = ${id}`;
}

/** What a stored event came to: its outcome, donation and the donation's project (for a repeat delivery). */
export async function findStripeEvent(
  db: Tx,
  id: string,
): Promise<{ outcome: string | null; donationId: number | null; projectId: number | null } | undefined> {
  const [row] = await db<{ outcome: string | null; donationId: number | null; projectId: number | null }[]>`
    select e.outcome, e.donation_id, d.project_id
    from stripe_events e left join donations d on d.id = e.donation_id where e.id = ${id}`;
  return row;
}

/**
 * The events about a donation that arrived before its payment, oldest first, locked for replay. Payloads are
 * read as text: the client's camelCase transform would otherwise rename Stripe's keys.
 */
export async function takeWaitingEvents(db: Tx, donationId: number): Promise<{ id: string; payload: unknown }[]> {
  const rows = await db<{ id: string; payload: string }[]>`
    select id, payload::text from stripe_events where donation_id = ${donationId} and waiting_for_payment
    order by received_at, id for update`;
  return rows.map((row) => ({ id: row.id, payload: JSON.parse(row.payload) as unknown }));
}

/** Flags an anomaly for a person to look at, once per kind and event. */
export async function flagAnomaly(
  db: Tx,
  anomaly: { kind: AnomalyKind; donationId?: number; eventId: string; message: string; details?: object },
): Promise<void> {
  await db`
    insert into payment_anomalies (kind, donation_id, stripe_event_id, message, details)
    values (${anomaly.kind}, ${anomaly.donationId ?? null}, ${anomaly.eventId}, ${anomaly.message},
            ${db.json((anomaly.details ?? {}) as never)})
    on conflict (kind, stripe_event_id) do nothing`;
}

/**
 * Closes the « refund before payment » anomaly of an event that waited for its payment, once its replay has been
 * applied: it resolved by itself (no one resolved it; `details.resolvedBy` says so, with the replay's outcome).
 */
export async function closeReplayedAnomaly(db: Tx, eventId: string, outcome: string): Promise<void> {
  await db`
    update payment_anomalies
    set resolved_at = clock_timestamp(),
        details = details || ${db.json({ resolvedBy: 'replay_after_payment', replayOutcome: outcome })}
    where kind = 'refund_before_payment' and stripe_event_id = ${eventId} and resolved_at is null`;
}

/** A flagged anomaly as the back office lists it. */
export interface AnomalyRow {
  id: number;
  kind: AnomalyKind;
  donationId: number | null;
  stripeEventId: string | null;
  message: string;
  details: object;
  createdAt: Date;
  resolvedAt: Date | null;
}

/** Anomalies, newest first; only the open ones unless `all`. */
export async function listAnomalies(
  db: Tx,
  options: { all: boolean; offset: number; limit: number },
): Promise<Page<AnomalyRow>> {
  const where = options.all ? db`` : db`where resolved_at is null`;
  const data = await db<AnomalyRow[]>`
    select id, kind, donation_id, stripe_event_id, message, details, created_at, resolved_at
    from payment_anomalies ${where}
    order by created_at desc, id desc offset ${options.offset} limit ${options.limit}`;
  return { data, total: await cappedCount(db, db`select 1 from payment_anomalies ${where}`) };
}

/** Marks an anomaly as looked at; false when there is no such open anomaly. */
export async function resolveAnomaly(db: Tx, id: number, userId: number): Promise<boolean> {
  const updated = await db`
    update payment_anomalies set resolved_at = clock_timestamp(), resolved_by = ${userId}
    where id = ${id} and resolved_at is null`;
  return updated.count === 1;
}

/**
 * Marks several anomalies as looked at, all or none: the ids that do not exist when some are unknown (nothing is
 * changed then), else how many were open and are now resolved (those resolved before are left as they were).
 */
export async function resolveAnomalies(
  db: Tx,
  ids: readonly number[],
  userId: number,
): Promise<{ unknown: number[] } | { resolved: number }> {
  const found = await db<{ id: number }[]>`
    select id from payment_anomalies where id = any(${ids as number[]}::bigint[]) order by id for update`;
  const unknown = ids.filter((id) => !found.some((row) => Number(row.id) === id));
  if (unknown.length > 0) return { unknown };
  const updated = await db`
    update payment_anomalies set resolved_at = clock_timestamp(), resolved_by = ${userId}
    where id = any(${ids as number[]}::bigint[]) and resolved_at is null`;
  return { resolved: updated.count };
}
