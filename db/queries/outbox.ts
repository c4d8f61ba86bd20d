import type { Audience, EmailKind } from '../../domain/emails.ts';
import type { Tx } from '../client.ts';
import { recipientShard } from './outbox-delivery.ts';

export type { Audience } from '../../domain/emails.ts';

/** A recipient and their name. */
export interface Recipient {
  email: string;
  name: string;
}

/** The project's title (every e-mail names its project), or undefined for an unknown project. */
export async function projectTitle(db: Tx, projectId: number): Promise<string | undefined> {
  const [row] = await db<{ title: string }[]>`select title from projects where id = ${projectId}`;
  return row?.title;
}

/** The recipients of an audience for a project, each once. */
export async function recipientsOf(db: Tx, projectId: number, audience: Audience): Promise<Recipient[]> {
  switch (audience) {
    case 'porteur':
      return db<Recipient[]>`
        select u.email, u.display_name as name from projects p join users u on u.id = p.porteur_id
        where p.id = ${projectId}`;
    case 'directeur':
      return db<Recipient[]>`
        select distinct u.email, u.display_name as name
        from projects p join user_roles r on r.role = 'directeur' and r.school_uai = p.school_uai
        join users u on u.id = r.user_id
        where p.id = ${projectId} and u.banned_at is null`;
    case 'validateurs':
      return db<Recipient[]>`
        select distinct u.email, u.display_name as name
        from projects p join schools s on s.uai = p.school_uai
        join user_roles r on r.role = 'validateur' and (r.academy_code is null or r.academy_code = s.academy_code)
        join users u on u.id = r.user_id
        where p.id = ${projectId} and u.banned_at is null`;
    case 'donors':
      return db<Recipient[]>`
        select distinct on (lower(d.donor_email)) d.donor_email as email, d.donor_name as name
        from donations d where d.project_id = ${projectId} and d.status <> 'pending' and d.status <> 'expired'
          and d.status <> 'payment_failed'
        order by lower(d.donor_email), d.id`;
    case 'sponsors':
      return db<Recipient[]>`
        select distinct u.email, u.display_name as name
        from grants g join user_roles r on r.role = 'mecene' and r.fund_id = g.fund_id
        join users u on u.id = r.user_id
        where g.project_id = ${projectId} and g.status <> 'released'`;
    case 'gestionnaire':
      return db<Recipient[]>`
        select distinct u.email, u.display_name as name
        from projects p join user_roles r on r.role = 'gestionnaire' and r.structure_id = p.structure_id
        join users u on u.id = r.user_id
        where p.id = ${projectId} and u.banned_at is null`;
    case 'admins':
      return db<Recipient[]>`
        select distinct u.email, u.display_name as name
        from user_roles r join users u on u.id = r.user_id
        where r.role = 'admin' and u.banned_at is null`;
  }
}

/** An e-mail to write to the outbox, rendered, with the instant it may go out. */
export interface NewEmail {
  dedupeKey: string;
  messageId: string;
  template: string;
  kind: EmailKind;
  audience: Audience;
  toAddress: string;
  recipientName: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  projectId: number | null;
  sendAfter: Date;
}

/** Writes e-mails to the outbox; one per dedupe key, so a repeat writes nothing. Returns how many were new. */
export async function enqueueEmails(db: Tx, emails: NewEmail[]): Promise<number> {
  return (await enqueueEmailsInShards(db, emails, 1)).queued;
}

/**
 * Writes e-mails to the outbox as enqueueEmails does; returns how many were new and the delivery shards (among
 * `shardCount`, by recipient) they fall in.
 */
export async function enqueueEmailsInShards(
  db: Tx,
  emails: NewEmail[],
  shardCount: number,
): Promise<{ queued: number; shards: number[] }> {
  if (emails.length === 0) return { queued: 0, shards: [] };
  const rows = emails.map((email) => ({
    dedupe_key: email.dedupeKey,
    message_id: email.messageId,
    template: email.template,
    kind: email.kind,
    audience: email.audience,
    to_address: email.toAddress,
    recipient_name: email.recipientName,
    subject: email.subject,
    text_body: email.textBody,
    html_body: email.htmlBody,
    project_id: email.projectId,
    send_after: email.sendAfter,
  }));
  const inserted = await db<{ shard: number }[]>`
    insert into email_outbox ${db(rows)}
    on conflict (dedupe_key) do nothing returning ${recipientShard(db, shardCount)} as shard`;
  return { queued: inserted.length, shards: [...new Set(inserted.map((row) => row.shard))] };
}

/** Per recipient of the project's progress e-mails but `exceptId`: when the last went out, until when others wait. */
export async function progressWindows(
  db: Tx,
  projectId: number,
  addresses: string[],
  exceptId = 0,
): Promise<Map<string, { lastSentAt: Date | null; heldUntil: Date | null }>> {
  const rows = await db<{ address: string; lastSentAt: Date | null; heldUntil: Date | null }[]>`
    select lower(to_address::text) as address,
           max(coalesce(sent_at, claimed_at)) filter (where status in ('sent', 'sending')) as last_sent_at,
           max(send_after) filter (where status = 'pending') as held_until
    from email_outbox
    where project_id = ${projectId} and kind = 'progress'
      and to_address = any(${addresses}::citext[]) and id <> ${exceptId}
    group by 1`;
  return new Map(rows.map(({ address, ...window }) => [address, window]));
}

/** A gift's donor, with the gift's amount and what it supports (the project's title, or the fund's name). */
export type DonorRecipient = Recipient & {
  donationId: number;
  projectId: number | null;
  amountCents: number;
  supported: string;
};

/** The donors of donations and what each gift supports (the project's title, or the fund's name), in id order. */
export async function donorsOf(db: Tx, donationIds: number[]): Promise<DonorRecipient[]> {
  return db<DonorRecipient[]>`
    select d.id as donation_id, d.donor_email as email, d.donor_name as name, d.project_id, d.amount_cents,
           coalesce(p.title, f.name) as supported
    from donations d left join projects p on p.id = d.project_id left join funds f on f.id = d.fund_id
    where d.id = any(${donationIds}::bigint[]) order by d.id`;
}
