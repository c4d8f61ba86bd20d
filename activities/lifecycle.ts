import type { Db, Tx } from '../db/client.ts';
import { openLifecycleIncident, resolveLifecycleIncidents } from '../db/queries/lifecycle-incidents.ts';
import { lockPayoutRecipient } from '../db/queries/payouts.ts';
import { calendarDaysForWorkingDays } from '../domain/working-days.ts';

/** Why a succeeded project's money cannot be paid out yet, or null when it can. */
export type PayoutBlocker = 'no_structure' | 'bank_details_not_validated' | null;

/** Activities of the lifecycle beside its records: payout readiness, incidents, the review SLA's calendar. */
export function createLifecycleActivities({ db }: { db: Db }) {
  return {
    /** What keeps the project's payout from going to its receiving structure now, if anything. */
    async findPayoutBlocker({ projectId }: { projectId: number }): Promise<{ blocker: PayoutBlocker }> {
      return { blocker: await db.begin((tx) => payoutBlockerIn(tx, projectId)) };
    },

    /** Records, once per key, a step of the lifecycle that failed for good; true when it is new. */
    async recordLifecycleIncident(incident: {
      projectId: number;
      incidentKey: string;
      step: string;
      message: string;
    }): Promise<{ opened: boolean }> {
      return { opened: await openLifecycleIncident(db, incident) };
    },

    /** Marks the project's open incidents resolved, once its lifecycle has been resumed. */
    async resolveLifecycleIncidents({ projectId }: { projectId: number }): Promise<{ resolved: number }> {
      return { resolved: await resolveLifecycleIncidents(db, projectId, null) };
    },

    /** The calendar days from `from` until the given number of French working days have passed. */
    async workingDaysToCalendarDays({ from, workingDays }: { from: string; workingDays: number }) {
      return { days: calendarDaysForWorkingDays(new Date(from), workingDays) };
    },
  };
}

/** What keeps the project's payout back, read within `tx` (the project's row stays locked until it ends). */
export async function payoutBlockerIn(tx: Tx, projectId: number): Promise<PayoutBlocker> {
  const recipient = await lockPayoutRecipient(tx, projectId);
  if (!recipient || recipient.structureId === null) return 'no_structure';
  return recipient.bankDetailsValidated ? null : 'bank_details_not_validated';
}
