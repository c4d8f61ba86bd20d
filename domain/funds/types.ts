import type { Cents } from '../money.ts';
import type { PriorityEducation } from '../schools.ts';

/** The two kinds of grant a fund makes: seeding at publication, top-up near the deadline. */
export const GRANT_KINDS = ['seeding', 'topup'] as const;
export type GrantKind = (typeof GRANT_KINDS)[number];
export const GRANT_STATUSES = ['reserved', 'committed', 'released'] as const;
export type GrantStatus = (typeof GRANT_STATUSES)[number];

/** French names of the kinds of grant, as shown in the back office and the sponsor report. */
export const GRANT_KIND_LABELS: Record<GrantKind, string> = { seeding: 'Amorçage', topup: 'Abondement' };

/** French names of a grant's states, as shown in the back office and the sponsor report. */
export const GRANT_STATUS_LABELS: Record<GrantStatus, string> = {
  reserved: 'Réservée',
  committed: 'Versée',
  released: 'Libérée',
};

/** Who a fund may help; an empty list means no restriction on that criterion. */
export interface FundRestrictions {
  themes: string[];
  academies: string[];
  departements: string[];
  /** A project matches when at least one of its levels is listed. */
  levels: string[];
  /** Only REP+, REP or rural/isolated schools (see isPrioritySchool). */
  prioritySchoolsOnly: boolean;
}

/** How much a fund gives and when. */
export interface FundRules {
  /** Share of the minimum goal granted at publication, in basis points (2000 = 20 %). */
  seedingShareBp: number;
  seedingCapCents: Cents;
  /** The top-up needs at least this percentage of the minimum goal collected. */
  topUpThresholdPct: number;
  topUpMinDonors: number;
  /** The top-up waits until this many days or fewer remain. */
  topUpDaysLeft: number;
  topUpCapCents: Cents;
}

/** A fund as the engine sees it; dates are ISO calendar days (YYYY-MM-DD), bounds included. */
export interface Fund {
  id: number;
  name: string;
  validFrom: string;
  validUntil: string;
  isGeneralSolidarity: boolean;
  restrictions: FundRestrictions;
  rules: FundRules;
}

/** What the engine knows of a project when it decides. */
export interface ProjectFacts {
  id: number;
  priorityEducation: PriorityEducation;
  rural: boolean;
  /** The school's social position index (IPS), null when unknown. */
  ips: number | null;
  theme: string;
  levels: string[];
  academy: string;
  departement: string;
  minimumGoalCents: Cents;
  optimumGoalCents: Cents;
  /** Paid donations in the project's account plus the grants reserved for it. */
  collectedCents: Cents;
  /** Gifts being paid (their Checkout Session still open): they hold their share of the optimum. */
  heldCents: Cents;
  /** Distinct donors whose gift is paid. */
  donorCount: number;
  /** Whole days until the campaign ends, rounded up. */
  daysLeft: number;
  /** The campaign's length in days, as the porteur set it (its deadline is that many days after its opening). */
  campaignDays: number;
  /** True while the campaign is collecting. */
  published: boolean;
  /** The day the campaign opened, null before publication. */
  publishedOn: string | null;
}

/** A yes/no decision with the conditions that made it, each in French. */
export interface Check {
  ok: boolean;
  conditions: { label: string; met: boolean }[];
}
