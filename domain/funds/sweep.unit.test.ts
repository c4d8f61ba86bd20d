import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FUND_RULES, NO_RESTRICTIONS } from './defaults.ts';
import { loosestTopUpBounds, payingOrder, planTopUpSweep } from './sweep.ts';
import type { Fund, ProjectFacts } from './types.ts';

fc.configureGlobal({ numRuns: 200 });
const TODAY = '2026-03-10';

const fundArb = (id: number): fc.Arbitrary<Fund> =>
  fc.record({
    id: fc.constant(id),
    name: fc.constant(`Fonds ${id}`),
    validFrom: fc.constant('2026-01-01'),
    validUntil: fc.constant('2026-12-31'),
    isGeneralSolidarity: fc.boolean(),
    restrictions: fc.record({
      themes: fc.constant([]),
      academies: fc.constantFrom([], ['lille'], ['reims']),
      departements: fc.constant([]),
      levels: fc.constant([]),
      prioritySchoolsOnly: fc.boolean(),
    }),
    rules: fc.record({
      seedingShareBp: fc.constant(2000),
      seedingCapCents: fc.constant(50_000),
      topUpThresholdPct: fc.integer({ min: 40, max: 80 }),
      topUpMinDonors: fc.integer({ min: 0, max: 6 }),
      topUpDaysLeft: fc.integer({ min: 3, max: 10 }),
      topUpCapCents: fc.integer({ min: 1_000, max: 100_000 }),
    }),
  });

const fundsArb = fc
  .integer({ min: 1, max: 6 })
  .chain((count) => fc.tuple(...[...Array(count)].map((_, i) => fundArb(i + 1))));

const projectsArb = fc
  .array(
    fc.record({
      priorityEducation: fc.constantFrom('none', 'rep', 'rep_plus') as fc.Arbitrary<ProjectFacts['priorityEducation']>,
      rural: fc.boolean(),
      academy: fc.constantFrom('lille', 'reims'),
      minimumGoalCents: fc.integer({ min: 10_000, max: 500_000 }),
      collectedPermille: fc.integer({ min: 300, max: 1000 }),
      donorCount: fc.nat(9),
      daysLeft: fc.nat(12),
      campaignDays: fc.integer({ min: 7, max: 90 }),
    }),
    { maxLength: 30 },
  )
  .map((list) =>
    list.map(({ collectedPermille, ...facts }, index): ProjectFacts => ({
      ...facts,
      id: index + 1,
      ips: null,
      theme: 'sport',
      levels: ['CM2'],
      departement: '59',
      optimumGoalCents: facts.minimumGoalCents * 2,
      collectedCents: Math.floor((facts.minimumGoalCents * collectedPermille) / 1000),
      heldCents: 0,
      published: true,
      publishedOn: '2026-02-01',
    })),
  );

const availableArb = (funds: Fund[]) =>
  fc
    .tuple(...funds.map(() => fc.integer({ min: 0, max: 300_000 })))
    .map((amounts) => new Map(funds.map((fund, index) => [fund.id, amounts[index] as number])));

const scenarioArb = fundsArb.chain((funds) =>
  fc.record({ funds: fc.constant(funds), available: availableArb(funds), projects: projectsArb }),
);

const sweep = (funds: Fund[], availableCents: Map<number, number>, projects: ProjectFacts[], toppedUpBy = new Map()) =>
  planTopUpSweep({ funds, availableCents, projects, toppedUpBy, today: TODAY });

describe('the top-up sweep, over random funds and projects', () => {
  it('never overdraws a fund, tops up each project at most once per fund, never past its minimum', () => {
    fc.assert(
      fc.property(scenarioArb, ({ funds, available, projects }) => {
        const grants = sweep(funds, available, projects);
        expect(new Set(grants.map((grant) => `${grant.fundId}:${grant.projectId}`)).size).toBe(grants.length);
        for (const fund of funds) {
          const spent = grants.filter((grant) => grant.fundId === fund.id).reduce((sum, g) => sum + g.amountCents, 0);
          expect(spent).toBeLessThanOrEqual(available.get(fund.id) as number);
        }
        for (const project of projects) {
          const topUps = grants.filter((grant) => grant.projectId === project.id);
          const total = project.collectedCents + topUps.reduce((sum, grant) => sum + grant.amountCents, 0);
          if (topUps.length > 0) expect(total).toBeLessThanOrEqual(project.minimumGoalCents);
        }
      }),
    );
  });

  it('grants nothing more when run again on what it left', () => {
    fc.assert(
      fc.property(scenarioArb, ({ funds, available, projects }) => {
        const first = sweep(funds, available, projects);
        const left = new Map(available);
        const toppedUpBy = new Map<number, Set<number>>();
        for (const grant of first) {
          left.set(grant.fundId, (left.get(grant.fundId) as number) - grant.amountCents);
          toppedUpBy.set(grant.projectId, (toppedUpBy.get(grant.projectId) ?? new Set()).add(grant.fundId));
        }
        const after = projects.map((project) => ({
          ...project,
          collectedCents:
            project.collectedCents +
            first.filter((grant) => grant.projectId === project.id).reduce((sum, grant) => sum + grant.amountCents, 0),
        }));
        expect(sweep(funds, left, after, toppedUpBy)).toEqual([]);
      }),
    );
  });
});

describe('the order of the funds', () => {
  const fund = (id: number, isGeneralSolidarity: boolean): Fund => ({
    id,
    name: `Fonds ${id}`,
    validFrom: '2026-01-01',
    validUntil: '2026-12-31',
    isGeneralSolidarity,
    restrictions: NO_RESTRICTIONS,
    rules: DEFAULT_FUND_RULES,
  });

  it('lets specific funds pay before the general solidarity fund, the oldest first', () => {
    expect(payingOrder([fund(1, true), fund(3, false), fund(2, false)]).map((f) => f.id)).toEqual([2, 3, 1]);
  });

  it('reads the loosest trigger of the funds', () => {
    const strict = { ...fund(1, false), rules: { ...DEFAULT_FUND_RULES, topUpDaysLeft: 3, topUpMinDonors: 8 } };
    const loose = { ...fund(2, false), rules: { ...DEFAULT_FUND_RULES, topUpThresholdPct: 50 } };
    expect(loosestTopUpBounds([strict, loose])).toEqual({ maxDaysLeft: 7, minDonors: 5, minThresholdPct: 50 });
  });
});
