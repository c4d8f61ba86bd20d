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

/**
 * The top-ups a sweep makes: each fund in paying order shares its available money among the projects
 * it has not topped up yet (planGrants decides who and how much), and what a fund grants counts as
 * collected when the next fund decides, exactly as if each project had asked in turn.
 */
export function planTopUpSweep(input: {
  funds: Fund[];
  availableCents: Map<number, Cents>;
  projects: ProjectFacts[];
  /** For each project, the funds that already topped it up. */
  toppedUpBy: Map<number, Set<number>>;
  today: string;
}): PlannedGrant[] {
  const facts = new Map(input.projects.map((project) => [project.id, { ...project }]));
  const planned: PlannedGrant[] = [];
  for (const fund of payingOrder(input.funds)) {
    const availableCents = input.availableCents.get(fund.id) ?? 0;
    if (availableCents <= 0) continue;
    const projects = [...facts.values()].filter((project) => !input.toppedUpBy.get(project.id)?.has(fund.id));
    const { grants } = planGrants({ kind: 'topup', fund, availableCents, projects, today: input.today });
    for (const grant of grants) {
      const project = facts.get(grant.projectId) as ProjectFacts;
      project.collectedCents += grant.amountCents;
      planned.push(grant);
    }
  }
  return planned;
}
