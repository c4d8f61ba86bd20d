import { FAILED_CAMPAIGN, SUCCESSFUL_CAMPAIGN, type ProjectStatus } from './project-status.ts';
import type { PayoutStatus } from './payouts.ts';
import type { ReviewSlaState } from './review-sla.ts';

export { REVIEW_SLA_WORKING_DAYS } from './lifecycle.ts';

/** A project as a home page lists it: what it is, where, and since when it waits. */
export interface HomeProject {
  id: number;
  title: string;
  schoolName: string;
  status: ProjectStatus;
  /** when it entered its current status (ISO-8601) */
  since: string;
}

/** A directeur's home: the projects of their schools waiting for their attestation. */
export interface DirecteurHome {
  attestations: HomeProject[];
}

/** Where a structure's bank details stand: none yet, entered and awaiting an admin, validated. */
export type BankDetailsState = 'missing' | 'awaiting_validation' | 'validated';

/** A gestionnaire's home: their structures' bank details, receipts to validate, payouts coming and done. */
export interface GestionnaireHome {
  structures: { id: number; legalName: string; schoolName: string; bankDetails: BankDetailsState }[];
  /** succeeded campaigns whose payout waits for validated bank details */
  projectsAwaitingBankDetails: number;
  receiptsToValidate: number;
  payoutsComing: { count: number; cents: number };
  payoutsDone: { count: number; cents: number };
  payouts: {
    id: number;
    projectTitle: string;
    amountCents: number;
    status: PayoutStatus;
    at: string;
  }[];
}

/** What became of a project a fund backed: still collecting, funded (activity and report under way), completed, failed. */
export type FundOutcome = 'collecting' | 'funded' | 'completed' | 'failed';

/** The outcome a project's status means for the funds that backed it. */
export function fundOutcomeOf(status: ProjectStatus): FundOutcome {
  if (status === 'completed') return 'completed';
  if (SUCCESSFUL_CAMPAIGN.includes(status)) return 'funded';
  if (FAILED_CAMPAIGN.includes(status) || status === 'cancelled') return 'failed';
  return 'collecting';
}

/** A mécène's home: for each of their funds, its impact. */
export interface MeceneHome {
  funds: {
    id: number;
    name: string;
    budgetCents: number;
    /** projects the fund backed (a grant, even one released since) and their pupils, failed campaigns left out */
    projectsReached: number;
    pupils: number;
    /** grants not released */
    grantedCents: number;
    /** the part of grantedCents that went to REP, REP+ or rural schools */
    priorityGrantedCents: number;
    grantedByMonth: { month: string; cents: number }[];
    outcomes: Record<FundOutcome, number>;
  }[];
}

/** A validateur's home: the review queue of their académies, oldest first, against the SLA. */
export interface ValidateurHome {
  queue: (HomeProject & { workingDaysWaited: number; workingDaysLeft: number; sla: ReviewSlaState })[];
  dueSoon: number;
  overdue: number;
  reportsToReview: number;
}

/** The platform's figures for administrators. */
export interface AdminHome {
  collectedCents: number;
  paidOutCents: number;
  refundedCents: number;
  projectsByStatus: { status: ProjectStatus; count: number }[];
  stuckProjects: number;
  openAnomalies: number;
}
