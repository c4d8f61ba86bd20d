import type { Tx } from '../db/client.ts';
import {
  fundCandidates,
  lockCollecting,
  topUpCandidates,
  topUpFundsByProject,
} from '../db/queries/grant-candidates.ts';
import { insertGrants, projectFacts, type InsertedGrant } from '../db/queries/grants.ts';
import { accounts, balanceOf, postMovements, type Movement } from '../db/queries/ledger.ts';
import { planGrants } from '../domain/funds/plan.ts';
import { loosestTopUpBounds, planTopUpSweep } from '../domain/funds/sweep.ts';
import type { Fund, GrantKind, ProjectFacts } from '../domain/funds/types.ts';

// Reservations of grants, shared by a project's own requests and the scheduled sweep. Every function here
// runs inside the caller's transaction, which must hold the locks of the funds it is given.

/** A kind of grant as a ledger description names it. */
export const KIND_LABEL = { seeding: 'l’amorçage', topup: 'l’abondement' } as const;

/** The ledger movement that reserves a grant: from the fund's available money to its reserved money. */
function reservationMovement(grant: InsertedGrant): Movement {
  return {
    kind: 'grant_reserved',
    idempotencyKey: `grant-reserve-${grant.grantId}`,
    description: `Réservation de ${KIND_LABEL[grant.kind]} du fonds ${grant.fundId} pour le projet ${grant.projectId}`,
    grantId: grant.grantId,
    lines: [
      { account: accounts.fundAvailable(grant.fundId), amountCents: -grant.amountCents },
      { account: accounts.fundReserved(grant.fundId), amountCents: grant.amountCents },
    ],
  };
}

/**
 * Those of the candidates still collecting, their rows locked as a gift's check locks them, with their money read
 * again under the lock: a gift started meanwhile is counted as held, and a gift started after waits for these grants.
 */
async function collectingOnly(tx: Tx, projects: ProjectFacts[]): Promise<ProjectFacts[]> {
  const collecting = await lockCollecting(
    tx,
    projects.map((project) => project.id),
  );
  return collecting.length > 0 ? projectFacts(tx, collecting) : [];
}

async function reserve(tx: Tx, grants: Parameters<typeof insertGrants>[1]): Promise<InsertedGrant[]> {
  const inserted = await insertGrants(tx, grants);
  await postMovements(tx, inserted.map(reservationMovement));
  return inserted;
}

/**
 * Shares one locked fund's available money among every project waiting for this kind of grant from it
 * (the domain decides who and how much) and reserves each grant in the ledger.
 */
export async function reserveFromFund(tx: Tx, kind: GrantKind, fund: Fund, today: string): Promise<InsertedGrant[]> {
  const availableCents = await balanceOf(tx, accounts.fundAvailable(fund.id).code);
  if (availableCents <= 0) return [];
  const projects = await collectingOnly(tx, await fundCandidates(tx, fund, kind));
  return reserve(tx, planGrants({ kind, fund, availableCents, projects, today }).grants);
}

/**
 * The top-ups the locked funds owe: the collecting projects within their loosest trigger are read once,
 * then each fund in paying order shares its money among those it has not topped up yet (see
 * planTopUpSweep), and every grant is reserved in the ledger. Returns the candidates' count and the grants.
 */
export async function reserveTopUps(
  tx: Tx,
  funds: Fund[],
  today: string,
): Promise<{ candidateCount: number; grants: InsertedGrant[] }> {
  if (funds.length === 0) return { candidateCount: 0, grants: [] };
  const projects = await collectingOnly(tx, await topUpCandidates(tx, loosestTopUpBounds(funds)));
  const availableCents = new Map<number, number>();
  for (const fund of funds) availableCents.set(fund.id, await balanceOf(tx, accounts.fundAvailable(fund.id).code));
  const toppedUpBy = await topUpFundsByProject(
    tx,
    projects.map((project) => project.id),
  );
  const planned = planTopUpSweep({ funds, availableCents, projects, toppedUpBy, today });
  return { candidateCount: projects.length, grants: await reserve(tx, planned) };
}
