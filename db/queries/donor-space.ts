import type { ProjectStatus } from '../../domain/project-status.ts';
import type { Tx } from '../client.ts';
import { DONOR_GIFT_STATES } from './donor-sessions.ts';

/** A gift as its donor's space lists it. */
export interface SpaceGift {
  id: number;
  amountCents: number;
  status: string;
  failureChoice: 'refund' | 'redirect';
  projectId: number | null;
  projectStatus: ProjectStatus | null;
  supported: string;
  givenAt: Date;
}

/** Every gift of the address (any case), newest first, with what it supports. */
export async function listDonorGifts(db: Tx, email: string): Promise<SpaceGift[]> {
  return db<SpaceGift[]>`
    select d.id, d.amount_cents, d.status, d.failure_choice, d.project_id, p.status as project_status,
           coalesce(p.title, f.name) as supported, coalesce(d.paid_at, d.created_at) as given_at
    from donations d left join projects p on p.id = d.project_id left join funds f on f.id = d.fund_id
    where d.donor_email = ${email}::citext and d.status = any(${DONOR_GIFT_STATES})
    order by coalesce(d.paid_at, d.created_at) desc, d.id desc`;
}

/** A tax receipt issued to the address, as its space lists it. */
export interface SpaceReceipt {
  id: number;
  year: number;
  number: number;
  amountCents: number;
  paidOn: string;
  supported: string;
}

/** The receipts issued (numbered) to the address, newest first. */
export async function listDonorReceipts(db: Tx, email: string): Promise<SpaceReceipt[]> {
  return db<SpaceReceipt[]>`
    select r.id, r.year, r.number, r.amount_cents, r.paid_on::text, coalesce(p.title, f.name) as supported
    from tax_receipts r join donations d on d.id = r.donation_id
    left join projects p on p.id = d.project_id left join funds f on f.id = d.fund_id
    where r.donor_email = ${email}::citext and r.number is not null
    order by r.paid_on desc, r.id desc`;
}

/** A project the address gave to, and whether it still receives the project's progress and news e-mails. */
export interface SpaceSubscription {
  projectId: number;
  title: string;
  subscribed: boolean;
}

/** The projects the address gave to (paid at least once), by title, with their subscription. */
export async function listDonorProjects(db: Tx, email: string): Promise<SpaceSubscription[]> {
  return db<SpaceSubscription[]>`
    select p.id as project_id, p.title,
           not exists (select 1 from email_unsubscriptions u where u.email = ${email}::citext and u.project_id = p.id)
             as subscribed
    from projects p
    where exists (select 1 from donations d where d.project_id = p.id and d.donor_email = ${email}::citext
                  and d.status = any(${DONOR_GIFT_STATES}) and d.status <> 'pending')
    order by p.title, p.id`;
}

/** Subscribes the address to the project's progress and news e-mails again, or unsubscribes it. */
export async function setSubscription(
  db: Tx,
  choice: { email: string; projectId: number; subscribed: boolean },
): Promise<void> {
  if (choice.subscribed) {
    await db`delete from email_unsubscriptions where email = ${choice.email} and project_id = ${choice.projectId}`;
  } else {
    await db`
      insert into email_unsubscriptions (email, project_id) values (${choice.email}, ${choice.projectId})
      on conflict do nothing`;
  }
}

/** Logs a donor's message to a project's porteur before it is relayed; its id. */
export async function recordDonorMessage(
  db: Tx,
  message: { email: string; projectId: number; body: string; revealsAddress: boolean; ip: string },
): Promise<number> {
  const [row] = await db<{ id: number }[]>`
    insert into donor_messages (donor_email, project_id, body, reveals_address, ip)
    values (${message.email}, ${message.projectId}, ${message.body}, ${message.revealsAddress}, ${message.ip})
    returning id`;
  return row!.id;
}

/** The name the address gave with its latest gift, or undefined. */
export async function donorNameOf(db: Tx, email: string): Promise<string | undefined> {
  const [row] = await db<{ name: string }[]>`
    select donor_name as name from donations where donor_email = ${email}::citext order by id desc limit 1`;
  return row?.name;
}
