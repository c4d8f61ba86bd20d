import type { Cents } from '../money.ts';
import { allocate, type Allocation, type AllocationLine } from './allocate.ts';
import { grantAmount, type AmountDecision } from './amounts.ts';
import { checkEligibility } from './eligibility.ts';
import { euros } from './format.ts';
import { priorityScore, type PriorityKey, type PriorityScore } from './priority.ts';
import { checkTrigger } from './triggers.ts';
import { GRANT_KIND_LABELS, type Fund, type FundRules, type GrantKind, type ProjectFacts } from './types.ts';

/** How many competitors ranked just above and just below a grant its explanation names. */
export const COMPETITORS_SHOWN_EACH_SIDE = 10;

/** Why a grant was made, stored with it (grants.explanation) and shown to people. */
export interface GrantExplanation {
  rule: GrantKind;
  summary: string;
  decidedOn: string;
  fund: { id: number; name: string; availableCents: Cents };
  /** The project's facts at the decision and the fund's rules of this kind. */
  inputs: Omit<ProjectFacts, 'id'> & { projectId: number } & Partial<FundRules>;
  conditions: string[];
  amount: { computedCents: Cents; grantedCents: Cents; steps: string[] };
  score: { key: PriorityKey; label: string; rank: number; of: number };
  competitorCount: number;
  /** The competitors ranked just around this grant, each with its outcome and why. */
  competitors: AllocationLine[];
}

/** A reservation the engine decided, to be written by an activity. */
export interface PlannedGrant {
  fundId: number;
  projectId: number;
  kind: GrantKind;
  amountCents: Cents;
  explanation: GrantExplanation;
}

/** What one fund asks to reserve, and how its money was shared among the candidates. */
export interface GrantPlan {
  grants: PlannedGrant[];
  allocation: Allocation;
}

interface Candidate {
  project: ProjectFacts;
  conditions: string[];
  amount: AmountDecision;
  score: PriorityScore;
}

function candidateFor(kind: GrantKind, fund: Fund, project: ProjectFacts, today: string): Candidate | undefined {
  const eligibility = checkEligibility(fund, project, today);
  const trigger = checkTrigger(kind, fund, project);
  if (!eligibility.ok || !trigger.ok) return undefined;
  const amount = grantAmount(kind, fund, project);
  if (amount.amountCents <= 0) return undefined;
  const conditions = [...eligibility.conditions, ...trigger.conditions].map((condition) => condition.label);
  return { project, conditions, amount, score: priorityScore(project) };
}

function inputsOf(kind: GrantKind, fund: Fund, project: ProjectFacts): GrantExplanation['inputs'] {
  const { rules } = fund;
  const kindRules: Partial<FundRules> =
    kind === 'seeding'
      ? { seedingShareBp: rules.seedingShareBp, seedingCapCents: rules.seedingCapCents }
      : {
          topUpThresholdPct: rules.topUpThresholdPct,
          topUpMinDonors: rules.topUpMinDonors,
          topUpDaysLeft: rules.topUpDaysLeft,
          topUpCapCents: rules.topUpCapCents,
        };
  const { id: _id, ...facts } = project;
  return { projectId: project.id, ...facts, ...kindRules };
}

function explain(
  kind: GrantKind,
  fund: Fund,
  today: string,
  candidate: Candidate,
  allocation: Allocation,
  index: number,
) {
  const line = allocation.lines[index] as AllocationLine;
  const from = Math.max(0, index - COMPETITORS_SHOWN_EACH_SIDE);
  const competitors = allocation.lines
    .slice(from, index + COMPETITORS_SHOWN_EACH_SIDE + 1)
    .filter((other) => other.projectId !== line.projectId);
  const granted =
    line.outcome === 'full'
      ? `${euros(line.grantedCents)} réservés`
      : `${euros(line.grantedCents)} réservés sur ${euros(line.requestedCents)} demandés (ce qui restait dans le fonds)`;
  const summary =
    `${GRANT_KIND_LABELS[kind]} par « ${fund.name} » : ${granted}. ` +
    `Priorité : rang ${line.rank} sur ${allocation.lines.length} (${line.scoreLabel}).`;
  const explanation: GrantExplanation = {
    rule: kind,
    summary,
    decidedOn: today,
    fund: { id: fund.id, name: fund.name, availableCents: allocation.availableCents },
    inputs: inputsOf(kind, fund, candidate.project),
    conditions: candidate.conditions,
    amount: {
      computedCents: candidate.amount.amountCents,
      grantedCents: line.grantedCents,
      steps: candidate.amount.steps,
    },
    score: { key: candidate.score.key, label: candidate.score.label, rank: line.rank, of: allocation.lines.length },
    competitorCount: allocation.lines.length - 1,
    competitors,
  };
  return explanation;
}

/**
 * The grants of one kind that one fund makes among the given projects: those eligible whose trigger
 * holds ask the amount the rules call for, and the fund's available money is shared by priority
 * (see allocate). Each grant carries its explanation.
 */
export function planGrants(input: {
  kind: GrantKind;
  fund: Fund;
  availableCents: Cents;
  projects: ProjectFacts[];
  today: string;
}): GrantPlan {
  const { kind, fund, today } = input;
  const candidates = input.projects.flatMap((project) => candidateFor(kind, fund, project, today) ?? []);
  const allocation = allocate(
    input.availableCents,
    candidates.map(({ project, amount, score }) => ({ projectId: project.id, amountCents: amount.amountCents, score })),
  );
  const byProject = new Map(candidates.map((candidate) => [candidate.project.id, candidate]));
  const grants = allocation.lines.flatMap((line, index): PlannedGrant[] => {
    if (line.grantedCents === 0) return [];
    const explanation = explain(kind, fund, today, byProject.get(line.projectId) as Candidate, allocation, index);
    return [{ fundId: fund.id, projectId: line.projectId, kind, amountCents: line.grantedCents, explanation }];
  });
  return { grants, allocation };
}
