import type { Cents } from '../money.ts';
import { euros } from './format.ts';
import { comparePriority, type PriorityScore } from './priority.ts';

/** A project asking a fund for an amount (a positive integer of cents), with its priority score. */
export interface AllocationRequest {
  projectId: number;
  amountCents: Cents;
  score: PriorityScore;
}

/** What one project got: all it asked, the last euros of the fund, or nothing. */
export type AllocationOutcome = 'full' | 'partial' | 'none';

/** One project's line of an allocation, with the reason in French. */
export interface AllocationLine {
  projectId: number;
  /** 1 for the highest priority. */
  rank: number;
  requestedCents: Cents;
  grantedCents: Cents;
  outcome: AllocationOutcome;
  scoreLabel: string;
  reason: string;
}

/** How a fund's available money was shared; lines are in priority order. */
export interface Allocation {
  availableCents: Cents;
  grantedCents: Cents;
  remainingCents: Cents;
  lines: AllocationLine[];
}

function assertCents(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} : montant en centimes entier attendu (${value})`);
}

/**
 * Shares a fund's available money among competing requests, highest priority first. Each project in turn
 * gets its whole amount while the money lasts; the first one that does not fit gets what remains (a
 * partial grant) and every project ranked after it gets nothing. The total never exceeds the available
 * balance, and a lower-ranked project is never served while a higher-ranked one is short.
 */
export function allocate(fundAvailableCents: Cents, requests: AllocationRequest[]): Allocation {
  assertCents(fundAvailableCents, 'Solde disponible');
  for (const request of requests) {
    assertCents(request.amountCents, `Demande du projet ${request.projectId}`);
    if (request.amountCents <= 0) throw new RangeError(`Demande du projet ${request.projectId} : montant nul`);
  }
  const availableCents = Math.max(0, fundAvailableCents);
  const ordered = [...requests].sort((a, b) => comparePriority(a.score, b.score));
  const count = ordered.length;
  let remaining = availableCents;
  const lines = ordered.map((request, index): AllocationLine => {
    const rank = index + 1;
    const before = remaining;
    const grantedCents = Math.min(request.amountCents, remaining);
    remaining -= grantedCents;
    const outcome: AllocationOutcome =
      grantedCents === request.amountCents ? 'full' : grantedCents > 0 ? 'partial' : 'none';
    const place = `rang ${rank} sur ${count}`;
    const reason =
      outcome === 'full'
        ? `${place} : servi en entier (${euros(grantedCents)}), il restait ${euros(before)} dans le fonds`
        : outcome === 'partial'
          ? `${place} : servi en partie (${euros(grantedCents)} sur ${euros(request.amountCents)} demandés), ` +
            'ce qui restait dans le fonds'
          : before === availableCents
            ? `${place} : non servi, le fonds était vide`
            : `${place} : non servi, le fonds était épuisé par les projets mieux classés`;
    return {
      projectId: request.projectId,
      rank,
      requestedCents: request.amountCents,
      grantedCents,
      outcome,
      scoreLabel: request.score.label,
      reason,
    };
  });
  return { availableCents, grantedCents: availableCents - remaining, remainingCents: remaining, lines };
}
