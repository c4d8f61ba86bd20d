import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from './allocate.ts';
import { isEligible } from './eligibility.ts';
import { planGrants } from './plan.ts';
import { comparePriority, priorityScore } from './priority.ts';
import { checkTrigger } from './triggers.ts';
import type { PriorityEducation } from '../schools.ts';
import type { Fund, GrantKind, ProjectFacts } from './types.ts';

// about half of the random cases make grants, and one in five leaves some project short
fc.configureGlobal({ numRuns: 300 });

const TODAY = '2026-03-10';
const day = fc.constantFrom('2025-11-30', '2026-01-01', '2026-03-01', '2026-03-10', '2027-01-01');
/** Mostly no restriction, so that most random projects compete for the money. */
const some = (values: string[]): fc.Arbitrary<string[]> =>
  fc.oneof(
    { arbitrary: fc.constant<string[]>([]), weight: 4 },
    { arbitrary: fc.subarray(values, { maxLength: 2 }), weight: 1 },
  );
const mostly = fc.integer({ min: 0, max: 9 }).map((draw) => draw > 0);

const fundArb: fc.Arbitrary<Fund> = fc.record({
  id: fc.integer({ min: 1, max: 9 }),
  name: fc.constant('Fonds'),
  validFrom: fc.constantFrom('2025-12-01', '2026-03-10'),
  validUntil: fc.constantFrom('2026-03-10', '2026-12-31'),
  isGeneralSolidarity: fc.boolean(),
  restrictions: fc.record({
    themes: some(['sport', 'numerique']),
    academies: some(['lille', 'reims']),
    departements: some(['59', '51']),
    levels: some(['CP', 'CM2', '6e']),
    prioritySchoolsOnly: fc.boolean(),
  }),
  rules: fc.record({
    seedingShareBp: fc.integer({ min: 0, max: 10_000 }),
    seedingCapCents: fc.integer({ min: 0, max: 200_000 }),
    topUpThresholdPct: fc.integer({ min: 1, max: 100 }),
    topUpMinDonors: fc.integer({ min: 0, max: 8 }),
    topUpDaysLeft: fc.integer({ min: 0, max: 30 }),
    topUpCapCents: fc.integer({ min: 0, max: 200_000 }),
  }),
});

const factsArb = fc
  .record({
    priorityEducation: fc.constantFrom<PriorityEducation>('none', 'rep', 'rep_plus'),
    rural: fc.boolean(),
    ips: fc.option(fc.integer({ min: 400, max: 2000 }).map((tenths) => tenths / 10)),
    theme: fc.constantFrom('sport', 'numerique', 'arts_culture'),
    levels: fc.subarray(['CP', 'CM2', '6e', '2nde'], { minLength: 1 }),
    academy: fc.constantFrom('lille', 'reims'),
    departement: fc.constantFrom('59', '51'),
    minimumGoalCents: fc.integer({ min: 1, max: 600_000 }),
    extraOptimumCents: fc.integer({ min: 0, max: 600_000 }),
    collectedPermille: fc.integer({ min: 0, max: 1500 }),
    heldCents: fc.nat(100_000),
    donorCount: fc.nat(12),
    daysLeft: fc.nat(20),
    campaignDays: fc.integer({ min: 7, max: 90 }),
    published: mostly,
    publishedOn: fc.option(day, { freq: 10 }),
  })
  .map(({ extraOptimumCents, collectedPermille, ...facts }) => ({
    ...facts,
    optimumGoalCents: facts.minimumGoalCents + extraOptimumCents,
    collectedCents: Math.floor((facts.minimumGoalCents * collectedPermille) / 1000),
  }));

const projectsArb = fc
  .array(factsArb, { maxLength: 40 })
  .map((list) => list.map((facts, index): ProjectFacts => ({ ...facts, id: index + 1 })));

const kindArb = fc.constantFrom<GrantKind>('seeding', 'topup');
const availableArb = fc.integer({ min: 0, max: 400_000 });

const plan = (kind: GrantKind, fund: Fund, availableCents: number, projects: ProjectFacts[]) =>
  planGrants({ kind, fund, availableCents, projects, today: TODAY });

describe('fund grants, over random funds and projects', () => {
  it('never grant more than the fund holds, and use it all when the requests exceed it', () => {
    fc.assert(
      fc.property(kindArb, fundArb, availableArb, projectsArb, (kind, fund, available, projects) => {
        const result = plan(kind, fund, available, projects);
        const granted = result.grants.reduce((sum, grant) => sum + grant.amountCents, 0);
        const requested = result.allocation.lines.reduce((sum, line) => sum + line.requestedCents, 0);
        expect(granted).toBeLessThanOrEqual(available);
        expect(granted).toBe(Math.min(available, requested));
        expect(result.allocation.remainingCents).toBe(available - granted);
      }),
    );
  });

  it('grant positive integer cents, within the caps, never beyond the optimum', () => {
    fc.assert(
      fc.property(kindArb, fundArb, availableArb, projectsArb, (kind, fund, available, projects) => {
        for (const grant of plan(kind, fund, available, projects).grants) {
          const project = projects.find((facts) => facts.id === grant.projectId) as ProjectFacts;
          expect(Number.isSafeInteger(grant.amountCents) && grant.amountCents > 0).toBe(true);
          expect(project.collectedCents + project.heldCents + grant.amountCents).toBeLessThanOrEqual(
            project.optimumGoalCents,
          );
          if (kind === 'seeding') {
            expect(grant.amountCents).toBeLessThanOrEqual(fund.rules.seedingCapCents);
            expect(grant.amountCents * 10_000).toBeLessThanOrEqual(
              project.minimumGoalCents * fund.rules.seedingShareBp,
            );
          } else {
            expect(grant.amountCents).toBeLessThanOrEqual(fund.rules.topUpCapCents);
            expect(project.collectedCents + grant.amountCents).toBeLessThanOrEqual(project.minimumGoalCents);
          }
        }
      }),
    );
  });

  it('grant only to eligible projects whose trigger holds, at most once each', () => {
    fc.assert(
      fc.property(kindArb, fundArb, availableArb, projectsArb, (kind, fund, available, projects) => {
        const grants = plan(kind, fund, available, projects).grants;
        expect(new Set(grants.map((grant) => grant.projectId)).size).toBe(grants.length);
        for (const grant of grants) {
          const project = projects.find((facts) => facts.id === grant.projectId) as ProjectFacts;
          expect(isEligible(fund, project, TODAY) && checkTrigger(kind, fund, project).ok).toBe(true);
        }
      }),
    );
  });

  it('respect the priority order when money is short: nobody is served while a better-ranked project is short', () => {
    fc.assert(
      fc.property(kindArb, fundArb, availableArb, projectsArb, (kind, fund, available, projects) => {
        const { lines } = plan(kind, fund, available, projects).allocation;
        const byId = new Map(projects.map((facts) => [facts.id, priorityScore(facts)]));
        lines.forEach((line, index) => {
          const next = lines[index + 1];
          if (!next) return;
          expect(comparePriority(byId.get(line.projectId)!, byId.get(next.projectId)!)).toBeLessThan(0);
          if (next.grantedCents > 0) expect(line.outcome).toBe('full');
        });
        expect(lines.filter((line) => line.outcome === 'partial').length).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('keep the fund’s balance non-negative and conserved over any order of rounds and releases', () => {
    const roundArb = fc.record({ kind: kindArb, projects: projectsArb, release: fc.boolean() });
    fc.assert(
      fc.property(fundArb, availableArb, fc.array(roundArb, { maxLength: 6 }), (fund, endowment, rounds) => {
        let available = endowment;
        let reserved = 0;
        for (const round of rounds) {
          const granted = plan(round.kind, fund, available, round.projects).grants.reduce(
            (sum, grant) => sum + grant.amountCents,
            0,
          );
          available -= granted;
          reserved += granted;
          if (round.release) [available, reserved] = [available + reserved, 0];
          expect(available).toBeGreaterThanOrEqual(0);
          expect(available + reserved).toBe(endowment);
        }
      }),
    );
  });

  it('refuse an amount that is not integer cents', () => {
    const [facts] = fc.sample(factsArb, 1);
    const score = priorityScore({ ...facts!, id: 1 });
    expect(() => allocate(100.5, [])).toThrow(RangeError);
    expect(() => allocate(100, [{ projectId: 1, amountCents: 0.5, score }])).toThrow(RangeError);
  });
});
