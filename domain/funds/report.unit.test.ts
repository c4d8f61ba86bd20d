import { describe, expect, it } from 'vitest';
import { campaignOutcome, priorityCategory, summarizeFundGrants, type ReportedGrant } from './report.ts';

const grant = (overrides: Partial<ReportedGrant>): ReportedGrant => ({
  projectId: 1,
  kind: 'seeding',
  status: 'reserved',
  amountCents: 10_000,
  projectStatus: 'published',
  priorityEducation: 'none',
  rural: false,
  ...overrides,
});

describe('a sponsor’s report', () => {
  it('counts REP+, REP and rural schools as priority, an REP school in the country as REP', () => {
    expect(priorityCategory({ priorityEducation: 'rep_plus', rural: false })).toBe('rep_plus');
    expect(priorityCategory({ priorityEducation: 'rep', rural: true })).toBe('rep');
    expect(priorityCategory({ priorityEducation: 'none', rural: true })).toBe('rural');
    expect(priorityCategory({ priorityEducation: 'none', rural: false })).toBe('none');
  });

  it('reads a campaign’s outcome from its project’s status', () => {
    expect(campaignOutcome('published')).toBe('collecting');
    expect(campaignOutcome('completed')).toBe('succeeded');
    expect(campaignOutcome('closed_optimum')).toBe('succeeded');
    expect(campaignOutcome('resolving')).toBe('failed');
    expect(campaignOutcome('cancelled')).toBe('cancelled');
  });

  it('leaves released grants out of the money granted and of the priority share, but counts their projects', () => {
    const summary = summarizeFundGrants([
      grant({ projectId: 1, amountCents: 30_000, status: 'committed', projectStatus: 'paid_out', rural: true }),
      grant({
        projectId: 1,
        kind: 'topup',
        amountCents: 15_000,
        status: 'committed',
        projectStatus: 'paid_out',
        rural: true,
      }),
      grant({ projectId: 2, amountCents: 25_000, priorityEducation: 'rep_plus' }),
      grant({ projectId: 3, amountCents: 40_000, status: 'released', projectStatus: 'closed' }),
      grant({ projectId: 4, amountCents: 20_000 }),
    ]);
    expect(summary).toMatchObject({
      grantCount: 5,
      projectsReached: 4,
      grantedCents: 90_000,
      reservedCents: 45_000,
      committedCents: 45_000,
      releasedCents: 40_000,
      priorityCents: 70_000,
      prioritySharePct: 77.8,
      outcomes: { collecting: 2, succeeded: 1, failed: 1, cancelled: 0, other: 0 },
    });
    expect(
      summary.byCategory.map(({ category, projects, grantedCents }) => [category, projects, grantedCents]),
    ).toEqual([
      ['rep_plus', 1, 25_000],
      ['rep', 0, 0],
      ['rural', 1, 45_000],
      ['none', 1, 20_000],
    ]);
  });

  it('reports a share of 0 % for a fund that granted nothing yet', () => {
    expect(summarizeFundGrants([])).toMatchObject({ grantCount: 0, grantedCents: 0, prioritySharePct: 0 });
  });
});
