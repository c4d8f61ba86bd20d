import type { Db } from '../db/client.ts';
import { activeFunds, currentDay, insertGrants, lockFunds } from '../db/queries/grants.ts';
import { accounts, balanceOf, postMovements } from '../db/queries/ledger.ts';
import { lockCollecting, topUpCandidates, topUpFundsByProject } from '../db/queries/top-up-candidates.ts';
import { loosestTopUpBounds, planTopUpSweep } from '../domain/funds/sweep.ts';
import { reservationMovement } from './funds.ts';

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
     * them up yet, and reserves those top-ups with the engine's rules, in one transaction holding every
     * active fund's lock; a repeat grants nothing twice.
     */
    async sweepTopUps(_input: Record<string, never> = {}): Promise<TopUpSweepResult> {
      return db.begin(async (tx) => {
        const today = await currentDay(tx);
        const funds = await lockFunds(
          tx,
          (await activeFunds(tx, today)).map((fund) => fund.id),
        );
        if (funds.length === 0) return { candidateCount: 0, grantCount: 0, grantedCents: 0, projectIds: [] };
        const facts = await topUpCandidates(tx, loosestTopUpBounds(funds));
        const collecting = new Set(await lockCollecting(tx, facts.map((project) => project.id)));
        const projects = facts.filter((project) => collecting.has(project.id));
        const availableCents = new Map<number, number>();
        for (const fund of funds) availableCents.set(fund.id, await balanceOf(tx, accounts.fundAvailable(fund.id).code));
        const toppedUpBy = await topUpFundsByProject(tx, [...collecting]);
        const planned = planTopUpSweep({ funds, availableCents, projects, toppedUpBy, today });
        const grants = await insertGrants(tx, planned);
        await postMovements(tx, grants.map(reservationMovement));
        return {
          candidateCount: projects.length,
          grantCount: grants.length,
          grantedCents: grants.reduce((sum, grant) => sum + grant.amountCents, 0),
          projectIds: [...new Set(grants.map((grant) => grant.projectId))].sort((a, b) => a - b),
        };
      });
    },
  };
}
