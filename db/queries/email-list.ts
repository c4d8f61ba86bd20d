import type { EmailKind, EmailStatus } from '../../domain/emails.ts';
import type { Tx } from '../client.ts';
import { orderBy, whereAll, type Page, type PageRequest } from './paging.ts';

/** An outbox e-mail as the back office lists it (without its bodies). */
export interface OutboxEmail {
  id: number;
  template: string;
  kind: EmailKind;
  toAddress: string;
  recipientName: string;
  subject: string;
  status: EmailStatus;
  attempts: number;
  lastError: string | null;
  projectId: number | null;
  projectTitle: string | null;
  mergedTemplates: string[];
  mergedInto: number | null;
  createdAt: Date;
  sendAfter: Date;
  sentAt: Date | null;
}

const EMAIL_SORTS = {
  id: 'e.id',
  createdAt: 'e.created_at',
  sendAfter: 'e.send_after',
  sentAt: 'e.sent_at',
  status: 'e.status',
  template: 'e.template',
  toAddress: 'e.to_address',
  attempts: 'e.attempts',
} as const;
export type EmailSort = keyof typeof EMAIL_SORTS;
export const EMAIL_SORT_FIELDS = Object.keys(EMAIL_SORTS) as EmailSort[];

/** A page of the outbox, filtered by status, template, project or a search on the address or subject. */
export async function listOutboxEmails(
  db: Tx,
  options: PageRequest<EmailSort> & { status?: string; template?: string; projectId?: number; q?: string },
): Promise<Page<OutboxEmail>> {
  const where = whereAll(db, [
    ...(options.status ? [db`e.status = ${options.status}`] : []),
    ...(options.template ? [db`e.template = ${options.template}`] : []),
    ...(options.projectId ? [db`e.project_id = ${options.projectId}`] : []),
    ...(options.q ? [db`(e.to_address ilike ${`%${options.q}%`} or e.subject ilike ${`%${options.q}%`})`] : []),
  ]);
  const data = await db<OutboxEmail[]>`
    select e.id, e.template, e.kind, e.to_address, e.recipient_name, e.subject, e.status, e.attempts, e.last_error,
           e.project_id, p.title as project_title, e.merged_templates, e.merged_into, e.created_at, e.send_after,
           e.sent_at
    from email_outbox e left join projects p on p.id = e.project_id
    ${where}
    ${orderBy(db, EMAIL_SORTS[options.sort], options.descending, 'e.id')}
    limit ${options.limit} offset ${options.offset}`;
  const [count] = await db<{ total: number }[]>`select count(*)::int as total from email_outbox e ${where}`;
  return { data, total: count?.total ?? 0 };
}
