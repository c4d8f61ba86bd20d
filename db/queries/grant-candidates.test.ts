import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkEligibility } from '../../domain/funds/eligibility.ts';
import { loosestTopUpBounds } from '../../domain/funds/sweep.ts';
import { checkTrigger } from '../../domain/funds/triggers.ts';
import type { Fund, GrantKind, ProjectFacts } from '../../domain/funds/types.ts';
import { createTestDatabase } from '../../test/db.ts';
import { insertFundPorteur, insertFundSchool, insertPaidDonations, insertPublishedProject } from '../../test/funds.ts';
import { fundCandidates, topUpCandidates } from './grant-candidates.ts';
import { currentDay, projectFacts } from './grants.ts';

// The SQL only narrows what the engine reads: it must never leave out a project the engine would accept.
const { db } = await createTestDatabase();
let today: string;
let everyone: ProjectFacts[];

beforeAll(async () => {
  today = await currentDay(db);
  const porteurId = await insertFundPorteur(db);
  const ids: number[] = [];
  for (let index = 0; index < 40; index += 1) {
    const schoolUai = await insertFundSchool(db, {
      academy: index % 3 === 0 ? 'reims' : 'lille',
      priorityEducation: (['none', 'rep', 'rep_plus'] as const)[index % 3],
      rural: index % 4 === 0,
    });
    const minimumGoalCents = 20_000 + (index % 7) * 15_000;
    const projectId = await insertPublishedProject(db, {
      schoolUai,
      porteurId,
      minimumGoalCents,
      daysLeft: 1 + (index % 14),
    });
    await insertPaidDonations(db, projectId, { count: index % 8, amountCents: 500 + (index % 5) * 2_500 });
    await db`
      update projects set theme = ${index % 2 === 0 ? 'sport' : 'classe_decouverte'},
             levels = ${index % 3 === 0 ? ['6e'] : ['CM1', 'CM2']},
             campaign_starts_at = now() - make_interval(days => ${index % 40}),
             status = ${index % 9 === 0 ? 'succeeded' : 'published'}
      where id = ${projectId}`;
    ids.push(projectId);
  }
  everyone = await projectFacts(db, ids);
});

const pick = (values: string[]) => fc.subarray(values, { maxLength: 2 });
const fundArb: fc.Arbitrary<Fund> = fc.record({
  id: fc.constant(999),
  name: fc.constant('Fonds'),
  validFrom: fc.constantFrom('2020-01-01', 'today-20', 'today'),
  validUntil: fc.constant('2099-12-31'),
  isGeneralSolidarity: fc.boolean(),
  restrictions: fc.record({
    themes: pick(['sport', 'classe_decouverte']),
    academies: pick(['lille', 'reims']),
    departements: pick(['59', '34']),
    levels: pick(['CM1', '6e']),
    prioritySchoolsOnly: fc.boolean(),
  }),
  rules: fc.record({
    seedingShareBp: fc.constant(2000),
    seedingCapCents: fc.constant(50_000),
    topUpThresholdPct: fc.integer({ min: 1, max: 100 }),
    topUpMinDonors: fc.integer({ min: 0, max: 8 }),
    topUpDaysLeft: fc.integer({ min: 0, max: 20 }),
    topUpCapCents: fc.constant(100_000),
  }),
});

/** The fund's validity start as a day: a fixed date, or so many days before today. */
const dated = (fund: Fund): Fund => {
  if (!fund.validFrom.startsWith('today')) return fund;
  const day = new Date(`${today}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - Number(fund.validFrom.slice(6) || 0));
  return { ...fund, validFrom: day.toISOString().slice(0, 10) };
};

const acceptedByEngine = (fund: Fund, kind: GrantKind) =>
  everyone
    .filter((project) => checkEligibility(fund, project, today).ok && checkTrigger(kind, fund, project).ok)
    .map((project) => project.id);

describe('narrowing the candidates in SQL', () => {
  it.each(['seeding', 'topup'] as const)(
    'keeps every project the engine would accept for a %s, whatever the fund’s restrictions and rules',
    async (kind) => {
      let accepted = 0;
      await fc.assert(
        fc.asyncProperty(fundArb.map(dated), async (fund) => {
          const narrowed = new Set((await fundCandidates(db, fund, kind)).map((project) => project.id));
          const engine = acceptedByEngine(fund, kind);
          accepted += engine.length;
          expect(engine.filter((id) => !narrowed.has(id))).toEqual([]);
          if (kind === 'topup') {
            const loosest = new Set((await topUpCandidates(db, loosestTopUpBounds([fund]))).map((p) => p.id));
            expect(engine.filter((id) => !loosest.has(id))).toEqual([]);
          }
        }),
        { numRuns: 60 },
      );
      expect(accepted).toBeGreaterThan(0);
    },
  );
});
