import type { Tx } from '../client.ts';
import { projectTitle } from './outbox.ts';

/**
 * Records that the address wants no more progress and news e-mails about the project (once; a repeat
 * changes nothing). Returns the project's title, or undefined when there is no such project.
 */
export async function recordUnsubscription(
  db: Tx,
  who: { email: string; projectId: number },
): Promise<string | undefined> {
  const title = await projectTitle(db, who.projectId);
  if (title === undefined) return undefined;
  await db`
    insert into email_unsubscriptions (email, project_id) values (${who.email}, ${who.projectId})
    on conflict do nothing`;
  return title;
}
