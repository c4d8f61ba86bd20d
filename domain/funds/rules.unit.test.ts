import { describe, expect, it } from 'vitest';
import { allocate } from './allocate.ts';
import { seedingAmount, topUpAmount } from './amounts.ts';
import { DEFAULT_FUND_RULES, NO_RESTRICTIONS } from './defaults.ts';
import { checkEligibility, isEligible } from './eligibility.ts';
import { planGrants } from './plan.ts';
import { comparePriority, priorityScore } from './priority.ts';
import { checkTopUpTrigger, topUpTriggerHolds } from './triggers.ts';
import type { Fund, ProjectFacts } from './types.ts';

const TODAY = '2026-03-10';

const fund = (overrides: Partial<Fund> = {}): Fund => ({
  id: 7,
  name: 'Fonds Mécénat Hauts-de-France',
  validFrom: '2026-01-01',
  validUntil: '2026-12-31',
  isGeneralSolidarity: false,
  restrictions: NO_RESTRICTIONS,
  rules: DEFAULT_FUND_RULES,
  ...overrides,
});

const project = (overrides: Partial<ProjectFacts> = {}): ProjectFacts => ({
  id: 12,
  priorityEducation: 'rep_plus',
  rural: false,
  ips: 78.4,
  theme: 'classe_decouverte',
  levels: ['CM1', 'CM2'],
  academy: 'lille',
  departement: '59',
  minimumGoalCents: 180_000,
  optimumGoalCents: 240_000,
  collectedCents: 0,
  heldCents: 0,
  donorCount: 0,
  daysLeft: 30,
  campaignDays: 45,
  published: true,
  publishedOn: TODAY,
  ...overrides,
});

describe('eligibility', () => {
  it('lets an unrestricted active fund help any collecting project', () => {
    expect(isEligible(fund(), project(), TODAY)).toBe(true);
  });

  it('refuses a project of another académie, and says why in French', () => {
    const restricted = fund({ restrictions: { ...fund().restrictions, academies: ['montpellier'] } });
    const check = checkEligibility(restricted, project(), TODAY);
    expect(check.ok).toBe(false);
    expect(check.conditions.filter((condition) => !condition.met).map((condition) => condition.label)).toEqual([
      'académie lille parmi celles du fonds (montpellier)',
    ]);
  });

  it('refuses when the fund has expired or the campaign is not collecting', () => {
    expect(isEligible(fund(), project(), '2027-01-01')).toBe(false);
    expect(isEligible(fund(), project({ published: false }), TODAY)).toBe(false);
  });

  it('matches a level restriction when one of the project’s levels is listed', () => {
    const cm2 = fund({ restrictions: { ...fund().restrictions, levels: ['CM2', '6e'] } });
    expect(isEligible(cm2, project(), TODAY)).toBe(true);
    expect(isEligible(cm2, project({ levels: ['CP'] }), TODAY)).toBe(false);
  });

  it('counts REP+, REP and rural schools as priority schools, and no other', () => {
    const priorityOnly = fund({ restrictions: { ...fund().restrictions, prioritySchoolsOnly: true } });
    expect(isEligible(priorityOnly, project({ priorityEducation: 'rep' }), TODAY)).toBe(true);
    expect(isEligible(priorityOnly, project({ priorityEducation: 'none', rural: true }), TODAY)).toBe(true);
    expect(isEligible(priorityOnly, project({ priorityEducation: 'none' }), TODAY)).toBe(false);
  });
});

describe('amounts', () => {
  it('seeds 20 % of the minimum, rounded down to the cent', () => {
    expect(seedingAmount(fund(), project({ minimumGoalCents: 180_001 })).amountCents).toBe(36_000);
  });

  it('caps the seeding at the fund’s cap and at what the optimum still needs', () => {
    expect(seedingAmount(fund(), project({ minimumGoalCents: 400_000, optimumGoalCents: 800_000 })).amountCents).toBe(
      50_000,
    );
    expect(seedingAmount(fund(), project({ collectedCents: 230_000 })).amountCents).toBe(10_000);
  });

  it('leaves to the gifts being paid their share of the optimum, and says so', () => {
    const holding = project({ collectedCents: 150_000, heldCents: 85_000 });
    expect(seedingAmount(fund(), holding).amountCents).toBe(5_000);
    expect(topUpAmount(fund(), holding).steps).toEqual([
      'écart au minimum de 1 800,00 € : 300,00 €',
      'plafond d’abondement par projet : 1 000,00 €',
      'reste à collecter jusqu’à l’optimum, 850,00 € de dons en cours de paiement déduits : 50,00 €',
      'montant retenu, le plus petit : 50,00 €',
    ]);
    expect(topUpAmount(fund(), project({ collectedCents: 230_000, heldCents: 20_000 })).amountCents).toBe(0);
  });

  it('explains the seeding amount step by step in French', () => {
    expect(seedingAmount(fund(), project()).steps).toEqual([
      '20 % du minimum de 1 800,00 € : 360,00 €',
      'plafond d’amorçage du fonds : 500,00 €',
      'reste à collecter jusqu’à l’optimum : 2 400,00 €',
      'montant retenu, le plus petit : 360,00 €',
    ]);
  });

  it('tops up the gap to the minimum, capped per project', () => {
    expect(topUpAmount(fund(), project({ collectedCents: 150_000 })).amountCents).toBe(30_000);
    expect(
      topUpAmount(fund(), project({ minimumGoalCents: 400_000, optimumGoalCents: 500_000, collectedCents: 250_000 }))
        .amountCents,
    ).toBe(100_000);
  });
});

describe('the top-up trigger', () => {
  const near = project({ collectedCents: 108_000, donorCount: 5, daysLeft: 7 });

  it('holds at 60 % of the minimum with 5 donors and 7 days left', () => {
    expect(topUpTriggerHolds(fund(), near)).toBe(true);
  });

  it('does not hold below the threshold, with too few donors, too early, or once the minimum is reached', () => {
    expect(topUpTriggerHolds(fund(), { ...near, collectedCents: 107_999 })).toBe(false);
    expect(topUpTriggerHolds(fund(), { ...near, donorCount: 4 })).toBe(false);
    expect(topUpTriggerHolds(fund(), { ...near, daysLeft: 8 })).toBe(false);
    expect(topUpTriggerHolds(fund(), { ...near, collectedCents: 180_000 })).toBe(false);
  });

  it('opens for a short campaign no earlier than its half (defect 13): a 7-day campaign not on its first day', () => {
    const short = { ...near, campaignDays: 7 };
    expect(topUpTriggerHolds(fund(), short)).toBe(false);
    expect(topUpTriggerHolds(fund(), { ...short, daysLeft: 4 })).toBe(false);
    expect(topUpTriggerHolds(fund(), { ...short, daysLeft: 3 })).toBe(true);
    expect(topUpTriggerHolds(fund(), { ...near, campaignDays: 14 })).toBe(true);
    expect(checkTopUpTrigger(fund(), short).conditions[2]).toEqual({
      label: 'au plus 3,5 jours restants, la moitié de la campagne (7)',
      met: false,
    });
  });

  it('names each condition in French', () => {
    expect(checkTopUpTrigger(fund(), { ...near, donorCount: 3 }).conditions).toEqual([
      { label: 'au moins 60 % du minimum collecté (1 080,00 € sur 1 800,00 €)', met: true },
      { label: 'au moins 5 donateurs (3)', met: false },
      { label: 'au plus 7 jours restants (7)', met: true },
      { label: 'minimum pas encore atteint', met: true },
    ]);
  });
});

describe('the priority score', () => {
  const order = (projects: ProjectFacts[]) =>
    projects
      .map((facts) => ({ id: facts.id, score: priorityScore(facts) }))
      .sort((a, b) => comparePriority(a.score, b.score))
      .map((entry) => entry.id);

  it('puts REP+ before REP before rural before the lower IPS band before the smallest gap', () => {
    const projects = [
      project({ id: 1, priorityEducation: 'none', rural: false, ips: 95, minimumGoalCents: 100_000 }),
      project({ id: 2, priorityEducation: 'none', rural: false, ips: 95, minimumGoalCents: 50_000 }),
      project({ id: 3, priorityEducation: 'none', rural: false, ips: 81 }),
      project({ id: 4, priorityEducation: 'none', rural: true, ips: 120 }),
      project({ id: 5, priorityEducation: 'rep', rural: false, ips: 110 }),
      project({ id: 6, priorityEducation: 'rep_plus', rural: false, ips: 130 }),
      project({ id: 7, priorityEducation: 'none', rural: false, ips: null }),
    ];
    expect(order(projects)).toEqual([6, 5, 4, 3, 2, 1, 7]);
  });

  it('ranks IPS by bands of ten points, so a close IPS does not beat a smaller gap', () => {
    const projects = [
      project({ id: 1, priorityEducation: 'none', ips: 71, minimumGoalCents: 200_000 }),
      project({ id: 2, priorityEducation: 'none', ips: 79.9, minimumGoalCents: 100_000 }),
    ];
    expect(order(projects)).toEqual([2, 1]);
  });

  it('reads the score in French', () => {
    expect(priorityScore(project()).label).toBe(
      'REP+ · hors zone rurale · IPS 78,4 (tranche 70 à 80) · 1 800,00 € manquent pour atteindre le minimum',
    );
  });
});

describe('the choice among competing projects', () => {
  it('gives the last euros to the highest-ranked project that does not fit, and nothing after it', () => {
    const requests = [1, 2, 3].map((id) => ({
      projectId: id,
      amountCents: 30_000,
      score: priorityScore(project({ id, priorityEducation: id === 3 ? 'rep_plus' : 'none' })),
    }));
    const allocation = allocate(50_000, requests);
    expect(allocation.lines.map((line) => [line.projectId, line.grantedCents, line.outcome])).toEqual([
      [3, 30_000, 'full'],
      [1, 20_000, 'partial'],
      [2, 0, 'none'],
    ]);
    expect(allocation.lines[2]?.reason).toBe(
      'rang 3 sur 3 : non servi, le fonds était épuisé par les projets mieux classés',
    );
  });

  it('explains a grant: rule, amount, score and the competitors that lost', () => {
    const plan = planGrants({
      kind: 'seeding',
      fund: fund(),
      availableCents: 40_000,
      projects: [project(), project({ id: 13, priorityEducation: 'rep', ips: 90 })],
      today: TODAY,
    });
    const [winner] = plan.grants;
    expect(winner?.amountCents).toBe(36_000);
    expect(winner?.explanation.summary).toBe(
      'Amorçage par « Fonds Mécénat Hauts-de-France » : 360,00 € réservés. Priorité : rang 1 sur 2 ' +
        '(REP+ · hors zone rurale · IPS 78,4 (tranche 70 à 80) · 1 800,00 € manquent pour atteindre le minimum).',
    );
    expect(winner?.explanation.conditions).toContain('campagne en cours de collecte');
    expect(winner?.explanation.competitors.map((line) => [line.projectId, line.grantedCents, line.reason])).toEqual([
      [13, 4_000, 'rang 2 sur 2 : servi en partie (40,00 € sur 360,00 € demandés), ce qui restait dans le fonds'],
    ]);
    expect(plan.grants[1]?.explanation.summary).toContain('40,00 € réservés sur 360,00 € demandés');
  });
});
