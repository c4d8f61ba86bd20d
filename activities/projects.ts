import type { Db } from '../db/client.ts';
import { insertAttestation, insertReport } from '../db/queries/project-records.ts';
import { recordProjectStatusChange, type StatusChange } from '../db/queries/project-status.ts';

/** Activities that write a project's read model (status, timeline, attestation, report) in Postgres. */
export function createProjectActivities({ db }: { db: Db }) {
  return {
    /** Writes the new status and its timeline entry in one transaction, once per eventKey. */
    async recordStatusChange(change: StatusChange): Promise<void> {
      await db.begin((tx) => recordProjectStatusChange(tx, change));
    },
    /** Stores the directeur's attestation of the official approvals, once. */
    async recordAttestation(attestation: Parameters<typeof insertAttestation>[1]): Promise<void> {
      await insertAttestation(db, attestation);
    },
    /** Stores a version of the final report, once. */
    async recordReport(report: Parameters<typeof insertReport>[1]): Promise<void> {
      await insertReport(db, report);
    },
  };
}
