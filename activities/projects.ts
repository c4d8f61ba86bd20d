import type { Db } from '../db/client.ts';
import { recordProjectStatusChange } from '../db/queries/project-status.ts';
import type { ProjectStatus } from '../domain/project-status.ts';

/** A status change as the lifecycle workflow reports it; eventKey makes a retry harmless. */
export interface StatusChange {
  projectId: number;
  from: ProjectStatus;
  to: ProjectStatus;
  actorId: number | null;
  comment?: string;
  eventKey: string;
}

/** Activities that write a project's read model (status and timeline) in Postgres. */
export function createProjectActivities({ db }: { db: Db }) {
  return {
    /** Writes the new status and its timeline entry in one transaction, once per eventKey. */
    async recordStatusChange(change: StatusChange): Promise<void> {
      await db.begin((tx) => recordProjectStatusChange(tx, change));
    },
  };
}
