import type { Db } from '../db/client.ts';
import { accounts, postMovement } from '../db/queries/ledger.ts';
import type { ProjectStatus } from '../domain/project-status.ts';

/** Reserves a grant of the fund for the project, as the funds engine does (with a short explanation); its id. */
export async function reserveGrant(
  db: Db,
  grant: { fundId: number; projectId: number; kind: 'seeding' | 'topup'; amountCents: number },
): Promise<number> {
  return db.begin(async (tx) => {
    const explanation = {
      summary: `Règle publique du fonds pour ${grant.kind === 'seeding' ? 'l’amorçage' : 'l’abondement'}`,
      conditions: ['École en éducation prioritaire (REP+)', 'Thème accepté par le fonds'],
    };
    const [row] = await tx<{ id: number }[]>`
      insert into grants (fund_id, project_id, kind, amount_cents, explanation)
      values (${grant.fundId}, ${grant.projectId}, ${grant.kind}, ${grant.amountCents}, ${tx.json(explanation)})
      returning id`;
    const grantId = row!.id;
    await postMovement(tx, {
      kind: 'grant_reserved',
      idempotencyKey: `grant-reserve-${grantId}`,
      description: 'Réservation (test)',
      grantId,
      lines: [
        { account: accounts.fundAvailable(grant.fundId), amountCents: -grant.amountCents },
        { account: accounts.fundReserved(grant.fundId), amountCents: grant.amountCents },
      ],
    });
    return grantId;
  });
}

/** Commits a reserved grant to its project, or releases it to its fund, as the lifecycle does. */
export async function settleGrant(db: Db, grantId: number, to: 'committed' | 'released'): Promise<void> {
  await db.begin(async (tx) => {
    const [grant] = await tx<{ fundId: number; projectId: number; amountCents: number }[]>`
      update grants set status = ${to}, settled_at = now() where id = ${grantId}
      returning fund_id, project_id, amount_cents`;
    await postMovement(tx, {
      kind: to === 'committed' ? 'grant_committed' : 'grant_released',
      idempotencyKey: `${to === 'committed' ? 'grant-commit' : 'grant-release'}-${grantId}`,
      description: 'Règlement (test)',
      grantId,
      lines: [
        { account: accounts.fundReserved(grant!.fundId), amountCents: -grant!.amountCents },
        {
          account: to === 'committed' ? accounts.project(grant!.projectId) : accounts.fundAvailable(grant!.fundId),
          amountCents: grant!.amountCents,
        },
      ],
    });
  });
}

/** Records Stripe's full refund of a paid gift, as its webhook does. */
export async function refundGift(db: Db, donationId: number): Promise<void> {
  await db.begin(async (tx) => {
    const [gift] = await tx<{ projectId: number; amountCents: number }[]>`
      update donations set status = 'refunded', refunded_cents = amount_cents where id = ${donationId}
      returning project_id, amount_cents`;
    await postMovement(tx, {
      kind: 'donation_refunded',
      idempotencyKey: `donation-refunded-${donationId}-${gift!.amountCents}`,
      description: 'Remboursement (test)',
      donationId,
      lines: [
        { account: accounts.project(gift!.projectId), amountCents: -gift!.amountCents },
        { account: accounts.refunds(), amountCents: gift!.amountCents },
      ],
    });
  });
}

/** Moves a project out of collecting at `at`, as the lifecycle records it, then on to `then` if given. */
export async function closeCampaign(
  db: Db,
  projectId: number,
  step: { to: ProjectStatus; at: string; comment?: string; then?: ProjectStatus },
): Promise<void> {
  await db`
    insert into project_status_history (project_id, from_status, to_status, comment, at)
    values (${projectId}, 'published', ${step.to}, ${step.comment ?? null}, ${step.at})`;
  await db`update projects set status = ${step.then ?? step.to} where id = ${projectId}`;
}
