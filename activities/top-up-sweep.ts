import type { Db } from '../db/client.ts';
import { activeFunds, currentDay, lockFunds } from '../db/queries/grants.ts';
import { retriedTransaction } from '../db/retry.ts';
import { reserveTopUps } from './grant-reservations.ts';

/** What one sweep did. */
export interface TopUpSweepResult {
  /** Collecting projects within the loosest trigger of the active funds. */
  candidateCount: number;
  grantCount: number;
  grantedCents: number;
  /** The projects topped up by this sweep, by id. */
  projectIds: number[];
}

/** The scheduled safety net beside the per-project timers (DESIGN.md §Funds: top-up). */
export function createTopUpSweepActivities({ db }: { db: Db }) {
  return {
    /**
     * Finds the collecting projects whose top-up trigger holds for an active fund that has not topped
     * them up yet, and reserves those top-ups by the engine's rules, in one transaction holding every
     * active fund's lock (run again if a deadlock aborts it); a repeat grants nothing twice.
     */
    async sweepTopUps(_input: Record<string, never> = {}): Promise<TopUpSweepResult> {
      return retriedTransaction(db, async (tx) => {
        const today = await currentDay(tx);
        const funds = await lockFunds(
          tx,
          (await activeFunds(tx, today)).map((fund) => fund.id),
        );
        const { candidateCount, grants } = await reserveTopUps(tx, funds, today);
        return {
          candidateCount,
          grantCount: grants.length,
          grantedCents: grants.reduce((sum, grant) => sum + grant.amountCents, 0),
          projectIds: [...new Set(grants.map((grant) => grant.projectId))].sort((a, b) => a - b),
        };
      });
    },
  };
}
