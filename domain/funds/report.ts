import type { Cents } from '../money.ts';
import { FAILED_CAMPAIGN, SUCCESSFUL_CAMPAIGN, type ProjectStatus } from '../project-status.ts';
import type { PriorityEducation } from '../schools.ts';
import type { GrantKind } from './types.ts';

/** Where a project's campaign stands, as a sponsor's report counts it. */
export type CampaignOutcome = 'collecting' | 'succeeded' | 'failed' | 'cancelled' | 'other';

/** The priority category of a school: REP+ and REP first, then rural/isolated, else none. */
export type PriorityCategory = 'rep_plus' | 'rep' | 'rural' | 'none';

export const CAMPAIGN_OUTCOME_LABELS: Record<CampaignOutcome, string> = {
  collecting: 'En collecte',
  succeeded: 'Réussie',
  failed: 'Échouée',
  cancelled: 'Annulée',
  other: 'Autre',
};

export const PRIORITY_CATEGORY_LABELS: Record<PriorityCategory, string> = {
  rep_plus: 'REP+',
  rep: 'REP',
  rural: 'Rural ou isolé',
  none: 'Non prioritaire',
};

/** The outcome of a project's campaign from its status. */
export function campaignOutcome(status: ProjectStatus): CampaignOutcome {
  if (status === 'published') return 'collecting';
  if (SUCCESSFUL_CAMPAIGN.includes(status)) return 'succeeded';
  if (FAILED_CAMPAIGN.includes(status)) return 'failed';
  return status === 'cancelled' ? 'cancelled' : 'other';
}

/** The priority category of a school; an REP or REP+ school in a rural area counts as REP or REP+. */
export function priorityCategory(school: { priorityEducation: PriorityEducation; rural: boolean }): PriorityCategory {
  if (school.priorityEducation !== 'none') return school.priorityEducation;
  return school.rural ? 'rural' : 'none';
}

/** One grant of a fund as its report reads it. */
export interface ReportedGrant {
  projectId: number;
  kind: GrantKind;
  status: 'reserved' | 'committed' | 'released';
  amountCents: Cents;
  projectStatus: ProjectStatus;
  priorityEducation: PriorityEducation;
  rural: boolean;
}

/** What a sponsor reads about their fund: the money, who it reached and how the campaigns ended. */
export interface FundReportSummary {
  grantCount: number;
  projectsReached: number;
  /** Reserved or committed; released grants went back to the fund and count only in releasedCents. */
  grantedCents: Cents;
  reservedCents: Cents;
  committedCents: Cents;
  releasedCents: Cents;
  /** The granted money that went to priority schools, and its share of grantedCents in % (one decimal). */
  priorityCents: Cents;
  prioritySharePct: number;
  byCategory: { category: PriorityCategory; label: string; projects: number; grantedCents: Cents }[];
  /** The projects reached, counted by the outcome of their campaign. */
  outcomes: Record<CampaignOutcome, number>;
}

const sum = (grants: ReportedGrant[]) => grants.reduce((total, grant) => total + grant.amountCents, 0);
const distinctProjects = (grants: ReportedGrant[]) => new Set(grants.map((grant) => grant.projectId)).size;

/** Sums a fund's grants into its sponsor report (DESIGN.md §Funds, issue 5 §6). */
export function summarizeFundGrants(grants: ReportedGrant[]): FundReportSummary {
  const kept = grants.filter((grant) => grant.status !== 'released');
  const grantedCents = sum(kept);
  const priority = kept.filter((grant) => priorityCategory(grant) !== 'none');
  const priorityCents = sum(priority);
  const categories = Object.keys(PRIORITY_CATEGORY_LABELS) as PriorityCategory[];
  const outcomes: Record<CampaignOutcome, number> = { collecting: 0, succeeded: 0, failed: 0, cancelled: 0, other: 0 };
  const projectStatus = new Map(grants.map((grant) => [grant.projectId, grant.projectStatus]));
  for (const status of projectStatus.values()) outcomes[campaignOutcome(status)] += 1;
  return {
    grantCount: grants.length,
    projectsReached: projectStatus.size,
    grantedCents,
    reservedCents: sum(grants.filter((grant) => grant.status === 'reserved')),
    committedCents: sum(grants.filter((grant) => grant.status === 'committed')),
    releasedCents: sum(grants.filter((grant) => grant.status === 'released')),
    priorityCents,
    prioritySharePct: grantedCents === 0 ? 0 : Math.round((priorityCents * 1000) / grantedCents) / 10,
    byCategory: categories.map((category) => {
      const inCategory = kept.filter((grant) => priorityCategory(grant) === category);
      return {
        category,
        label: PRIORITY_CATEGORY_LABELS[category],
        projects: distinctProjects(inCategory),
        grantedCents: sum(inCategory),
      };
    }),
    outcomes,
  };
}
