import type { Db } from '../db/client.ts';
import { hasGiftsToResolve } from '../db/queries/donations.ts';
import { recordProjectStatusChange } from '../db/queries/project-status.ts';
import type { ProjectStatus } from '../domain/project-status.ts';
import { settleGrantsIn } from './funds.ts';
import { payoutBlockerIn, type PayoutBlocker } from './lifecycle.ts';

/** A campaign's outcome as the lifecycle reports it at its deadline. */
export interface CampaignOutcome {
  projectId: number;
  from: ProjectStatus;
  outcome: 'failed' | 'succeeded' | 'closed_optimum';
  /** the timeline keys of the status changes it may record, in order (a repeat records nothing twice) */
  eventKeys: string[];
}

/** What the closing recorded: the statuses it went through, and on success what keeps the payout back. */
export interface ClosingRecorded {
  statuses: ProjectStatus[];
  blocker: PayoutBlocker;
}

/** The campaign's closing at its deadline, in one activity and one transaction. */
export function createCampaignClosingActivities({ db }: { db: Db }) {
  return {
    /**
     * Records the outcome. A failure releases the reserved grants and moves on to `resolving`, then to `closed`
     * when no gift is paid or being paid (nothing to refund or redirect); a success reads the payout's blocker.
     */
    async recordCampaignOutcome({ projectId, from, outcome, eventKeys }: CampaignOutcome): Promise<ClosingRecorded> {
      return db.begin(async (tx) => {
        const statuses: ProjectStatus[] = [];
        const moveTo = async (to: ProjectStatus) => {
          const eventKey = eventKeys[statuses.length]!;
          await recordProjectStatusChange(tx, {
            projectId,
            from: statuses.at(-1) ?? from,
            to,
            actorId: null,
            eventKey,
          });
          statuses.push(to);
        };
        await moveTo(outcome);
        if (outcome !== 'failed') return { statuses, blocker: await payoutBlockerIn(tx, projectId) };
        await settleGrantsIn(tx, projectId, 'released');
        await moveTo('resolving');
        if (!(await hasGiftsToResolve(tx, projectId))) await moveTo('closed');
        return { statuses, blocker: null };
      });
    },
  };
}
