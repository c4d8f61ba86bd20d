import type { Tx } from '../../db/client.ts';
import type { PaymentRow } from '../../db/queries/donations.ts';
import { projectMoneyGone } from '../../db/queries/giving.ts';
import { lockFunds } from '../../db/queries/grants.ts';
import { accounts, balanceOf, postMovement, redirectTargetOf, type AccountSpec } from '../../db/queries/ledger.ts';
import { flagAnomaly } from '../../db/queries/stripe-events.ts';

/**
 * Takes money back out of where a donation's money sits (a refund or a dispute). When that is a fund, its row is
 * locked first, as grant reservations do, so none of them reads its balance meanwhile; a fund that had already
 * granted the money is left short, which a person must look at.
 */
export async function takeBack(
  tx: Tx,
  eventId: string,
  donation: PaymentRow,
  movement: { kind: string; idempotencyKey: string; description: string; to: AccountSpec; amountCents: number },
): Promise<void> {
  const holder = await holderOf(tx, donation);
  if (holder.fundId !== undefined) await lockFunds(tx, [holder.fundId]);
  await postMovement(tx, {
    kind: movement.kind,
    idempotencyKey: movement.idempotencyKey,
    description: movement.description,
    donationId: donation.id,
    lines: [
      { account: holder, amountCents: -movement.amountCents },
      { account: movement.to, amountCents: movement.amountCents },
    ],
  });
  if (holder.fundId !== undefined && (await balanceOf(tx, holder.code)) < 0) {
    const message = `Le fonds ${holder.fundId} est à découvert après le retrait du don ${donation.id} : son argent avait déjà été attribué.`;
    await flagAnomaly(tx, { kind: 'fund_overdrawn', donationId: donation.id, eventId, message });
  }
}

/**
 * Flags a payment to a project whose money was already paid out or given back: it is counted in the project's
 * account all the same, where a person forwards or refunds it.
 */
export async function flagIfProjectClosed(tx: Tx, eventId: string, donation: PaymentRow): Promise<void> {
  if (donation.projectId === null || !(await projectMoneyGone(tx, donation.projectId))) return;
  const message = `Le don ${donation.id} a été payé après la clôture du projet ${donation.projectId} (argent déjà versé ou rendu) : à verser ou à rembourser.`;
  await flagAnomaly(tx, { kind: 'paid_after_close', donationId: donation.id, eventId, message });
}

/** Where a paid donation's money first goes: its project's account, or its fund's available money. */
export function destinationOf(donation: PaymentRow): AccountSpec {
  if (donation.projectId !== null) return accounts.project(donation.projectId);
  return accounts.fundAvailable(donation.fundId as number);
}

/** Where a paid donation's money sits now: where it went, or the fund it was redirected to. */
async function holderOf(tx: Tx, donation: PaymentRow): Promise<AccountSpec> {
  if (donation.status !== 'redirected') return destinationOf(donation);
  const fundId = await redirectTargetOf(tx, donation.id);
  return fundId === undefined ? destinationOf(donation) : accounts.fundAvailable(fundId);
}
