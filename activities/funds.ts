import { ApplicationFailure } from '@temporalio/activity';
import type { Db, Tx } from '../db/client.ts';
import {
  activeFunds,
  currentDay,
  grantsOfProject,
  lockFunds,
  projectFacts,
  settleReservedGrants,
  type GrantSettlement,
  type GrantSummary,
} from '../db/queries/grants.ts';
import { accounts, postMovement, type AccountSpec } from '../db/queries/ledger.ts';
import { retriedTransaction } from '../db/retry.ts';
import { isEligible } from '../domain/funds/eligibility.ts';
import { checkTrigger } from '../domain/funds/triggers.ts';
import type { GrantKind } from '../domain/funds/types.ts';
import { KIND_LABEL, reserveSeedings, reserveTopUps } from './grant-reservations.ts';

/** One project's grants, as every fund activity reports them. */
export interface ProjectGrants {
  grants: GrantSummary[];
}

/** Activities that reserve, commit and release fund grants (DESIGN.md §Funds: seeding and top-up). */
export function createFundActivities({ db }: { db: Db }) {
  /**
   * Reserves the grants of this kind that the project's eligible funds owe it. The funds are locked in
   * one transaction, and each shares its money among all projects waiting for the same kind of grant, by
   * priority; returns the project's grants of this kind that are not released. A transaction aborted by a deadlock
   * runs again.
   */
  async function requestGrants(kind: GrantKind, projectId: number): Promise<ProjectGrants> {
    return retriedTransaction(db, async (tx) => {
      const today = await currentDay(tx);
      const [project] = await projectFacts(tx, [projectId]);
      if (!project) throw ApplicationFailure.nonRetryable(`Le projet ${projectId} n’existe pas.`, 'ProjectNotFound');
      const alreadyGranted = new Set((await grantsOfProject(tx, projectId, { kind })).map((grant) => grant.fundId));
      const owing = (await activeFunds(tx, today)).filter(
        (fund) =>
          !alreadyGranted.has(fund.id) && isEligible(fund, project, today) && checkTrigger(kind, fund, project).ok,
      );
      const funds =
        owing.length > 0
          ? await lockFunds(
              tx,
              owing.map((fund) => fund.id),
            )
          : [];
      if (kind === 'topup') await reserveTopUps(tx, funds, today);
      else await reserveSeedings(tx, funds, today);
      return { grants: await grantsOfProject(tx, projectId, { kind, statuses: ['reserved', 'committed'] }) };
    });
  }

  /** Settles the project's reserved grants in a transaction of their own. */
  const settleGrants = (projectId: number, to: GrantSettlement) => db.begin((tx) => settleGrantsIn(tx, projectId, to));

  return {
    /** Reserves the seeding grants the project's eligible funds owe it at publication (repeat harmless). */
    requestSeedingGrants: ({ projectId }: { projectId: number }) => requestGrants('seeding', projectId),
    /** Reserves the top-up grants whose trigger holds for the project (repeat harmless). */
    requestTopUpGrants: ({ projectId }: { projectId: number }) => requestGrants('topup', projectId),
    /** The campaign succeeded: reserved grants become project money; returns all committed grants. */
    commitGrants: ({ projectId }: { projectId: number }) => settleGrants(projectId, 'committed'),
    /** The campaign failed or was cancelled: reserved grants go back to their funds; returns all released. */
    releaseGrants: ({ projectId }: { projectId: number }) => settleGrants(projectId, 'released'),
  };
}

/** Settles the project's reserved grants and moves their money out of the funds' reserved accounts, within `tx`. */
export async function settleGrantsIn(tx: Tx, projectId: number, to: GrantSettlement): Promise<ProjectGrants> {
  for (const grant of await settleReservedGrants(tx, projectId, to)) {
    const destination: AccountSpec =
      to === 'committed' ? accounts.project(projectId) : accounts.fundAvailable(grant.fundId);
    await postMovement(tx, {
      kind: to === 'committed' ? 'grant_committed' : 'grant_released',
      idempotencyKey: `${to === 'committed' ? 'grant-commit' : 'grant-release'}-${grant.grantId}`,
      description:
        to === 'committed'
          ? `Versement au projet ${projectId} de ${KIND_LABEL[grant.kind]} du fonds ${grant.fundId}`
          : `Retour au fonds ${grant.fundId} de ${KIND_LABEL[grant.kind]} du projet ${projectId}`,
      grantId: grant.grantId,
      lines: [
        { account: accounts.fundReserved(grant.fundId), amountCents: -grant.amountCents },
        { account: destination, amountCents: grant.amountCents },
      ],
    });
  }
  return { grants: await grantsOfProject(tx, projectId, { statuses: [to] }) };
}
