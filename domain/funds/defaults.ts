import type { FundRestrictions, FundRules } from './types.ts';

/** The rules of DESIGN.md §Funds, used when a fund does not set its own (the funds table has the same defaults). */
export const DEFAULT_FUND_RULES: FundRules = {
  seedingShareBp: 2000,
  seedingCapCents: 50_000,
  topUpThresholdPct: 60,
  topUpMinDonors: 5,
  topUpDaysLeft: 7,
  topUpCapCents: 100_000,
};

/** No restriction: the fund may help any collecting project. */
export const NO_RESTRICTIONS: FundRestrictions = {
  themes: [],
  academies: [],
  departements: [],
  levels: [],
  prioritySchoolsOnly: false,
};
