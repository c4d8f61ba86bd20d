import type { Db } from '../db/client.ts';
import { recordProjectStatusChange, type StatusChange } from '../db/queries/project-status.ts';

/** Activities that write a project's read model (status and timeline) in Postgres. */
export function createProjectActivities({ db }: { db: Db }) {
  return {
    /** Writes the new status and its timeline entry in one transaction, once per eventKey. */
    async recordStatusChange(change: StatusChange): Promise<void> {
      await db.begin((tx) => recordProjectStatusChange(tx, change));
    },
  };
}
