import { progressSendAfter, type Audience, type DeliveryShard, type EmailKind } from '../../domain/emails.ts';
import type { Db, Tx } from '../client.ts';
import { progressWindows } from './outbox.ts';

/** An outbox e-mail a delivery has claimed (status 'sending'), with what it needs to go out. */
export interface ClaimedEmail {
  id: number;
  dedupeKey: string;
  messageId: string | null;
  template: string;
  kind: EmailKind;
  audience: Audience | null;
  toAddress: string;
  recipientName: string;
  subject: string;
  textBody: string;
  htmlBody: string | null;
  projectId: number | null;
  attempts: number;
  mergedTemplates: string[];
}

/** When a delivery runs: its clock, and the instant before which a claim counts as abandoned. */
export interface DeliveryClock {
  now: Date;
  staleBefore: Date;
}

/** The delivery shard of an outbox row among `count` (its to_address column): by recipient, so theirs go out in order. */
export const recipientShard = (db: Tx, count: number) =>
  db`mod(hashtext(lower(to_address::text))::bigint + 2147483648, ${count})::int`;

// due, not claimed by a live delivery, and for progress e-mails the recipient's latest waiting one
const deliverable = (db: Tx, { now, staleBefore }: DeliveryClock) => db`
  o.send_after <= ${now}
  and (o.status = 'pending' or (o.status = 'sending' and o.claimed_at < ${staleBefore}))
  and not (o.kind = 'progress' and exists (
    select 1 from email_outbox n
    where n.kind = 'progress' and n.status = 'pending' and n.project_id = o.project_id
      and n.to_address = o.to_address and n.id > o.id))`;

/**
 * The ids of the e-mails that may be delivered now, the longest waiting first, at most one per recipient
 * (their oldest) and none for a recipient with an e-mail on its way: each recipient gets them in order.
 * With a shard, only its recipients' e-mails.
 */
export async function dueEmailIds(
  db: Tx,
  clock: DeliveryClock & { limit: number; shard?: DeliveryShard },
): Promise<number[]> {
  const { shard } = clock;
  const rows = await db<{ id: number }[]>`
    select id from (
      select distinct on (o.to_address) o.id, o.send_after
      from email_outbox o
      where ${deliverable(db, clock)}
        ${shard ? db`and ${recipientShard(db, shard.count)} = ${shard.index}` : db``}
        and not exists (
          select 1 from email_outbox s
          where s.to_address = o.to_address and s.status = 'sending' and s.claimed_at >= ${clock.staleBefore})
      order by o.to_address, o.send_after, o.id
    ) due
    order by send_after, id limit ${clock.limit}`;
  return rows.map((row) => row.id);
}

/**
 * Claims a deliverable e-mail (status 'sending', one more attempt) so that no other delivery sends it.
 * A progress e-mail takes along the recipient's earlier waiting ones (marked 'merged' into it), or waits again
 * when the recipient's last one went out less than the throttling window ago; a progress
 * or news e-mail to an unsubscribed recipient is marked 'skipped' instead. Undefined when not deliverable.
 */
export async function claimEmail(
  db: Db,
  request: DeliveryClock & { id: number },
): Promise<(ClaimedEmail & { unsubscribed: boolean }) | undefined> {
  return db.begin(async (tx) => {
    const [email] = await tx<ClaimedEmail[]>`
      update email_outbox o set status = 'sending', claimed_at = ${request.now}, attempts = attempts + 1
      where o.id = ${request.id} and ${deliverable(tx, request)}
      returning o.id, o.dedupe_key, o.message_id, o.template, o.kind, o.audience, o.to_address, o.recipient_name,
                o.subject, o.text_body, o.html_body, o.project_id, o.attempts, o.merged_templates`;
    if (!email) return undefined;
    if (email.kind === 'progress') {
      // one queued while the last went out (its claim not yet seen) waits out that one's window, like any other
      const { lastSentAt = null } =
        (await progressWindows(tx, email.projectId ?? 0, [email.toAddress], email.id)).get(
          email.toAddress.toLowerCase(),
        ) ?? {};
      const sendAfter = progressSendAfter(request.now, { lastSentAt, heldUntil: null });
      if (sendAfter > request.now) {
        await tx`
          update email_outbox set status = 'pending', claimed_at = null, attempts = attempts - 1,
            send_after = ${sendAfter}
          where id = ${email.id}`;
        return undefined;
      }
      const merged = await tx<{ id: number; template: string; mergedTemplates: string[] }[]>`
        update email_outbox set status = 'merged', merged_into = ${email.id}
        where kind = 'progress' and status = 'pending' and project_id = ${email.projectId}
          and to_address = ${email.toAddress} and id < ${email.id}
        returning id, template, merged_templates`;
      if (merged.length) {
        const earlier = merged.sort((a, b) => a.id - b.id).flatMap((row) => [...row.mergedTemplates, row.template]);
        email.mergedTemplates = [...earlier, ...email.mergedTemplates];
        await tx`update email_outbox set merged_templates = ${email.mergedTemplates} where id = ${email.id}`;
      }
    }
    if (email.kind === 'transactional' || !(await isUnsubscribed(tx, email.toAddress, email.projectId))) {
      return { ...email, unsubscribed: false };
    }
    await tx`
      update email_outbox set status = 'skipped', claimed_at = null,
        last_error = 'Le destinataire s’est désinscrit des nouvelles de ce projet.'
      where id = ${email.id}`;
    return { ...email, unsubscribed: true };
  });
}

async function isUnsubscribed(db: Tx, email: string, projectId: number | null): Promise<boolean> {
  const [row] = await db`
    select 1 from email_unsubscriptions where email = ${email} and project_id = ${projectId ?? 0}`;
  return row !== undefined;
}

/** Keeps the content an e-mail actually goes out with (a merged progress e-mail is rendered anew). */
export async function saveEmailContent(
  db: Tx,
  id: number,
  content: { subject: string; text: string; html: string },
): Promise<void> {
  await db`
    update email_outbox set subject = ${content.subject}, text_body = ${content.text}, html_body = ${content.html}
    where id = ${id}`;
}

/** Marks a claimed e-mail sent, unless its claim was taken over since (claimedAt tells the claim). */
export async function markEmailSent(db: Tx, request: { id: number; claimedAt: Date; sentAt: Date }): Promise<void> {
  await db`
    update email_outbox set status = 'sent', sent_at = ${request.sentAt}, claimed_at = null, last_error = null
    where id = ${request.id} and status = 'sending' and claimed_at = ${request.claimedAt}`;
}

/** Records a failed try under a claim: the e-mail waits for its next try, or is failed when there is none. */
export async function recordEmailFailure(
  db: Tx,
  request: { id: number; claimedAt: Date; error: string; retryAt: Date | null },
): Promise<void> {
  await db`
    update email_outbox
    set status = ${request.retryAt ? 'pending' : 'failed'}, claimed_at = null, last_error = ${request.error},
        send_after = coalesce(${request.retryAt}, send_after)
    where id = ${request.id} and status = 'sending' and claimed_at = ${request.claimedAt}`;
}
