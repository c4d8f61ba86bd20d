import type { ProjectStatus } from '../../domain/project-status.ts';
import type { Tx } from '../client.ts';

/** A status change as the lifecycle workflow reports it; eventKey makes a repeat harmless. */
export interface StatusChange {
  projectId: number;
  from: ProjectStatus;
  to: ProjectStatus;
  actorId: number | null;
  comment?: string;
  eventKey: string;
  /** at publication: the campaign opens now and ends at this ISO instant */
  campaign?: { endsAt: string };
}

/** Records a status change in the timeline and on the project; a repeated eventKey changes nothing. */
export async function recordProjectStatusChange(db: Tx, change: StatusChange): Promise<boolean> {
  const inserted = await db`
    insert into project_status_history (project_id, from_status, to_status, actor_id, comment, event_key)
    values (${change.projectId}, ${change.from}, ${change.to}, ${change.actorId}, ${change.comment ?? null}, ${change.eventKey})
    on conflict (event_key) do nothing
    returning id`;
  if (inserted.count === 0) return false;
  const campaign = change.campaign
    ? db`, campaign_starts_at = now(), campaign_ends_at = ${change.campaign.endsAt}::timestamptz`
    : db``;
  await db`
    update projects set status = ${change.to}, status_changed_at = now(), updated_at = now() ${campaign}
    where id = ${change.projectId}`;
  return true;
}

/** A project's timeline, oldest first, with the actors' names. */
export async function listProjectTimeline(db: Tx, projectId: number) {
  return db<
    {
      fromStatus: ProjectStatus | null;
      toStatus: ProjectStatus;
      actorName: string | null;
      comment: string | null;
      at: Date;
    }[]
  >`
    select h.from_status, h.to_status, u.display_name as actor_name, h.comment, h.at
    from project_status_history h left join users u on u.id = h.actor_id
    where h.project_id = ${projectId} order by h.at, h.id`;
}
