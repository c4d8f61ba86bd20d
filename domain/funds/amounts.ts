import type { Cents } from '../money.ts';
import { euros, percentFromBp } from './format.ts';
import type { Fund, GrantKind, ProjectFacts } from './types.ts';

/** An amount the rules call for, before the fund's balance is considered, with its French steps. */
export interface AmountDecision {
  amountCents: Cents;
  steps: string[];
}

/** What the optimum still needs once the gifts being paid have taken their share: no grant goes beyond it. */
function roomToOptimum(project: ProjectFacts): { cents: Cents; label: string } {
  const { optimumGoalCents, collectedCents, heldCents } = project;
  const held = heldCents > 0 ? `, ${euros(heldCents)} de dons en cours de paiement déduits` : '';
  return {
    cents: Math.max(0, optimumGoalCents - collectedCents - heldCents),
    label: `reste à collecter jusqu’à l’optimum${held}`,
  };
}

function smallest(candidates: { cents: Cents; label: string }[]): AmountDecision {
  const amountCents = Math.min(...candidates.map((candidate) => candidate.cents));
  const steps = candidates.map((candidate) => `${candidate.label} : ${euros(candidate.cents)}`);
  return { amountCents, steps: [...steps, `montant retenu, le plus petit : ${euros(amountCents)}`] };
}

/**
 * The seeding amount: the fund's share of the minimum goal (basis points, rounded down to the cent),
 * capped by the fund's seeding cap and by what the optimum still needs.
 */
export function seedingAmount(fund: Fund, project: ProjectFacts): AmountDecision {
  const { seedingShareBp, seedingCapCents } = fund.rules;
  return smallest([
    {
      cents: Math.floor((project.minimumGoalCents * seedingShareBp) / 10_000),
      label: `${percentFromBp(seedingShareBp)} du minimum de ${euros(project.minimumGoalCents)}`,
    },
    { cents: seedingCapCents, label: 'plafond d’amorçage du fonds' },
    roomToOptimum(project),
  ]);
}

/** The top-up amount: the gap to the minimum goal, capped per project and never beyond the optimum. */
export function topUpAmount(fund: Fund, project: ProjectFacts): AmountDecision {
  return smallest([
    {
      cents: Math.max(0, project.minimumGoalCents - project.collectedCents),
      label: `écart au minimum de ${euros(project.minimumGoalCents)}`,
    },
    { cents: fund.rules.topUpCapCents, label: 'plafond d’abondement par projet' },
    roomToOptimum(project),
  ]);
}

/** The amount the rules of the given kind call for. */
export function grantAmount(kind: GrantKind, fund: Fund, project: ProjectFacts): AmountDecision {
  return kind === 'seeding' ? seedingAmount(fund, project) : topUpAmount(fund, project);
}
