import type { ProjectStatus } from '../../domain/project-status.ts';
import type { Tx } from '../client.ts';

/** A step of a project's lifecycle that failed for good, waiting for an admin to resume it. */
export interface LifecycleIncident {
  id: number;
  projectId: number;
  projectTitle: string;
  projectStatus: ProjectStatus;
  step: string;
  message: string;
  openedAt: Date;
}

/** Records an incident once per key; returns true when it is new. */
export async function openLifecycleIncident(
  db: Tx,
  incident: { projectId: number; incidentKey: string; step: string; message: string },
): Promise<boolean> {
  const inserted = await db`
    insert into lifecycle_incidents (project_id, incident_key, step, message)
    values (${incident.projectId}, ${incident.incidentKey}, ${incident.step}, ${incident.message})
    on conflict (incident_key) do nothing returning id`;
  return inserted.count > 0;
}

/** Marks the project's open incidents resolved (by the admin who resumed it, when known). */
export async function resolveLifecycleIncidents(db: Tx, projectId: number, actorId: number | null): Promise<number> {
  const rows = await db`
    update lifecycle_incidents set resolved_at = now(), resolved_by = ${actorId}
    where project_id = ${projectId} and resolved_at is null returning id`;
  return rows.count;
}

/** The open incidents, oldest first. */
export async function listOpenLifecycleIncidents(db: Tx): Promise<LifecycleIncident[]> {
  return db<LifecycleIncident[]>`
    select i.id, i.project_id, p.title as project_title, p.status as project_status, i.step, i.message, i.opened_at
    from lifecycle_incidents i join projects p on p.id = i.project_id
    where i.resolved_at is null order by i.opened_at, i.id`;
}

/** The projects waiting for their payout on a structure's bank details. */
export async function projectsAwaitingBankDetails(db: Tx, structureId: number): Promise<number[]> {
  const rows = await db<{ id: number }[]>`
    select id from projects where structure_id = ${structureId} and status = 'payout_pending' order by id`;
  return rows.map((row) => row.id);
}

/** A project's title and status, or undefined. */
export async function projectHeadline(db: Tx, projectId: number) {
  const [row] = await db<{ title: string; status: ProjectStatus }[]>`
    select title, status from projects where id = ${projectId}`;
  return row;
}
