import type { Cents } from '../money.ts';
import { planGrants, type PlannedGrant } from './plan.ts';
import type { Fund, ProjectFacts } from './types.ts';

/** The loosest top-up trigger among some funds: no project outside these bounds can be topped up by them. */
export interface TopUpBounds {
  maxDaysLeft: number;
  minDonors: number;
  minThresholdPct: number;
}

/** The loosest top-up trigger of the funds (see TopUpBounds). */
export function loosestTopUpBounds(funds: Fund[]): TopUpBounds {
  return {
    maxDaysLeft: Math.max(...funds.map((fund) => fund.rules.topUpDaysLeft)),
    minDonors: Math.min(...funds.map((fund) => fund.rules.topUpMinDonors)),
    minThresholdPct: Math.min(...funds.map((fund) => fund.rules.topUpThresholdPct)),
  };
}

/** Specific funds pay before the general solidarity fund, which is the fallback; then the oldest first. */
export function payingOrder(funds: Fund[]): Fund[] {
  return [...funds].sort((a, b) => Number(a.isGeneralSolidarity) - Number(b.isGeneralSolidarity) || a.id - b.id);
}

/** One pass over the funds in paying order; what a fund grants counts as collected when the next decides. */
function sweepPass(
  funds: Fund[],
  availableCents: Map<number, Cents>,
  facts: Map<number, ProjectFacts>,
  toppedUpBy: Map<number, Set<number>>,
  today: string,
): PlannedGrant[] {
  const planned: PlannedGrant[] = [];
  for (const fund of payingOrder(funds)) {
    const available = availableCents.get(fund.id) ?? 0;
    if (available <= 0) continue;
    const projects = [...facts.values()].filter((project) => !toppedUpBy.get(project.id)?.has(fund.id));
    for (const grant of planGrants({ kind: 'topup', fund, availableCents: available, projects, today }).grants) {
      (facts.get(grant.projectId) as ProjectFacts).collectedCents += grant.amountCents;
      availableCents.set(fund.id, (availableCents.get(fund.id) ?? 0) - grant.amountCents);
      toppedUpBy.set(grant.projectId, (toppedUpBy.get(grant.projectId) ?? new Set()).add(fund.id));
      planned.push(grant);
    }
  }
  return planned;
}

/**
 * The top-ups a sweep makes: each fund in paying order shares its available money among the projects
 * it has not topped up yet (planGrants decides who and how much), and what a fund grants counts as
 * collected when the next fund decides, exactly as if each project had asked in turn. A top-up can make
 * another fund's trigger hold (its threshold is now reached): the projects topped up are then offered
 * to the funds again, until nothing more is granted, so that a second sweep finds nothing left to do.
 */
export function planTopUpSweep(input: {
  funds: Fund[];
  availableCents: Map<number, Cents>;
  projects: ProjectFacts[];
  /** For each project, the funds that already topped it up. */
  toppedUpBy: Map<number, Set<number>>;
  today: string;
}): PlannedGrant[] {
  const availableCents = new Map(input.availableCents);
  const toppedUpBy = new Map([...input.toppedUpBy].map(([projectId, funds]) => [projectId, new Set(funds)]));
  const planned: PlannedGrant[] = [];
  let offered = new Map(input.projects.map((project) => [project.id, { ...project }]));
  while (offered.size > 0) {
    const pass = sweepPass(input.funds, availableCents, offered, toppedUpBy, input.today);
    planned.push(...pass);
    const changed = new Set(pass.map((grant) => grant.projectId));
    offered = new Map([...offered].filter(([projectId]) => changed.has(projectId)));
  }
  return planned;
}
