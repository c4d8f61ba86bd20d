import type { Cents } from './money.ts';
import { FAILED_CAMPAIGN, type ProjectStatus } from './project-status.ts';

/** What the ledger says of one project's account, by movement, and its grants by state (all positive cents). */
export interface ProjectLedger {
  giftCents: Cents;
  refundedCents: Cents;
  disputedCents: Cents;
  redirectedCents: Cents;
  paidOutCents: Cents;
  reservedGrantCents: Cents;
  committedGrantCents: Cents;
  releasedGrantCents: Cents;
}

/** The money a project's public page shows: what the campaign gathered and, once over, where it went. */
export interface PublicMoney {
  collectedCents: Cents;
  giftCents: Cents;
  grantCents: Cents;
  /** the campaign ended below its minimum or was cancelled: gifts go back to donors or to the solidarity fund */
  returned: boolean;
  paidOutCents: Cents;
  refundedCents: Cents;
  redirectedCents: Cents;
  /** gifts of a failed or cancelled campaign still waiting to be refunded or redirected */
  pendingCents: Cents;
  releasedGrantCents: Cents;
}

/**
 * The public figures of a project: gifts received (less what was taken back while it collected) plus grants
 * reserved or committed, so the total never falls to 0 after the payout; a failed or cancelled campaign keeps
 * what it had gathered (its released grants included) and says how much was refunded, redirected or is pending.
 */
export function publicMoneyOf(ledger: ProjectLedger, status: ProjectStatus): PublicMoney {
  const returned = status === 'cancelled' || FAILED_CAMPAIGN.includes(status);
  const giftCents = returned
    ? ledger.giftCents - ledger.disputedCents
    : ledger.giftCents - ledger.refundedCents - ledger.disputedCents;
  const grantCents =
    ledger.reservedGrantCents + ledger.committedGrantCents + (returned ? ledger.releasedGrantCents : 0);
  return {
    collectedCents: giftCents + grantCents,
    giftCents,
    grantCents,
    returned,
    paidOutCents: ledger.paidOutCents,
    refundedCents: ledger.refundedCents,
    redirectedCents: ledger.redirectedCents,
    pendingCents: returned ? Math.max(0, giftCents - ledger.refundedCents - ledger.redirectedCents) : 0,
    releasedGrantCents: ledger.releasedGrantCents,
  };
}

/** Whole percent of a goal reached (floored; may pass 100). */
export function percentOf(cents: Cents, goalCents: Cents): number {
  return goalCents > 0 ? Math.floor((cents * 100) / goalCents) : 0;
}
