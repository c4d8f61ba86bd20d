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
import { loosestTopUpBounds, payingOrder, planTopUpSweep } from '../domain/funds/sweep.ts';
import type { Fund, ProjectFacts } from '../domain/funds/types.ts';

// Reservations of grants, shared by a project's own requests and the scheduled sweep. Every function here
// runs inside the caller's transaction, which must hold the locks of the funds it is given, and then locks the
// projects once, in one statement: funds first, then projects, each in id order.

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
 * The seedings the locked funds owe: the candidates of every fund are locked together first, then each fund in
 * paying order shares its available money among its own (the domain decides who and how much), their money read
 * again after the funds before it, and every grant is reserved in the ledger.
 */
export async function reserveSeedings(tx: Tx, funds: Fund[], today: string): Promise<InsertedGrant[]> {
  const candidates = new Map<number, number[]>();
  for (const fund of funds) {
    candidates.set(
      fund.id,
      (await fundCandidates(tx, fund, 'seeding')).map((project) => project.id),
    );
  }
  const locked = new Set(await lockCollecting(tx, [...new Set([...candidates.values()].flat())]));
  const grants: InsertedGrant[] = [];
  for (const fund of payingOrder(funds)) {
    const availableCents = await balanceOf(tx, accounts.fundAvailable(fund.id).code);
    const ids = (candidates.get(fund.id) ?? []).filter((id) => locked.has(id));
    if (availableCents <= 0 || ids.length === 0) continue;
    const projects = await projectFacts(tx, ids);
    grants.push(...(await reserve(tx, planGrants({ kind: 'seeding', fund, availableCents, projects, today }).grants)));
  }
  return grants;
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
