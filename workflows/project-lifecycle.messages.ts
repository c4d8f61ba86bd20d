import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { LifecycleAction } from '../domain/lifecycle.ts';
import type { ProjectStatus } from '../domain/project-status.ts';
import type { Role } from '../domain/roles.ts';

/** The workflow id of a project's lifecycle. */
export const projectWorkflowId = (projectId: number) => `project-${projectId}`;

/** Every wait of the lifecycle, in milliseconds, so tests can run a year in seconds. */
export interface LifecycleDurations {
  /** a submission waiting longer is escalated to the validators (default 5 working days) */
  reviewSla: number;
  /** length of the campaign, from publication to deadline (the project's campaign_days) */
  campaign: number;
  /** how long before the deadline a top-up may first be asked for (default 7 days) */
  topUpWindow: number;
  /** the final report is due this long after the activity ends (default 30 days) */
  reportDueAfterActivity: number;
  /** the porteur is reminded this long before the report is due (default 7 days) */
  reportReminderBefore: number;
  /** the directeur is told of a late report this long after it was due (default 25 days) */
  lateReportEscalation: number;
  /** donors of a failed campaign have this long to choose refund or redirect (default 14 days) */
  failureChoiceWindow: number;
  /** one calendar day (V2: the review SLA counts working days from the date of submission) */
  day?: number;
  /** the review SLA in French working days (V2, default 5) */
  reviewSlaWorkingDays?: number;
}

/** Facts about the project the lifecycle needs; read from Postgres when the workflow starts. */
export interface ProjectFacts {
  projectId: number;
  porteurId: number;
  schoolUai: string;
  academyCode: string;
  degree: 'premier' | 'second';
  minimumGoalCents: number;
  optimumGoalCents: number;
  /** ISO date the activity ends (the report is due after it) */
  activityEndsOn: string;
}

/** What a lifecycle run carries forward (continue-as-new, or a restart from the read model). */
export interface CarriedState {
  status: ProjectStatus;
  transitions: number;
  campaignEndsAt?: string;
  seedingRequested: boolean;
  topUpGranted: boolean;
  reportVersion: number;
}

/** What a project's lifecycle starts from. */
export interface ProjectLifecycleInput {
  project: ProjectFacts;
  durations: LifecycleDurations;
  carried: CarriedState;
}

/** The lifecycle's state as queries and updates return it. */
export interface ProjectState {
  projectId: number;
  status: ProjectStatus;
  campaignEndsAt: string | null;
  collectedCents: number;
  reservedGrantCents: number;
  donorCount: number;
  /** the actions each role may take now */
  actions: Partial<Record<Role, LifecycleAction[]>>;
  /** why the lifecycle waits for an admin to resume it, if it does */
  incident?: string | null;
}

/** Who acts, for the timeline. */
export interface ActorInput {
  actorId: number;
}

/** A validator's decision on a submitted project. */
export interface ReviewInput extends ActorInput {
  decision: 'accept' | 'request_changes' | 'reject';
  comment?: string;
}

/** The directeur's attestation: 1er degré, IEN and DASEN approvals; 2nd degré, the date of the CA vote. */
export interface AttestInput extends ActorInput {
  ienApproved?: boolean;
  dasenApproved?: boolean;
  caVoteOn?: string;
  documentId?: number;
}

/** An admin cancels the project; every donor is refunded. */
export interface CancelInput extends ActorInput {
  reason: string;
}

/** The porteur's final report (bilan). */
export interface ReportInput extends ActorInput {
  whatWasDone: string;
  pupilsReached: number;
  actualSpendCents: number;
  /** what was spent on each budget line (reports filed before these existed have none) */
  spendLines?: { budgetLineId: number; spentCents: number }[];
  /** the porteur agrees to share the report in the resource centre */
  shareConsent?: boolean;
}

/** A validator's decision on the final report. */
export interface ReportReviewInput extends ActorInput {
  decision: 'accept' | 'request_changes';
  comment?: string;
}

/** Error type of an action the current state forbids (the API answers 409). */
export const INVALID_TRANSITION = 'InvalidTransition';
/** Error type of an action whose input the lifecycle refuses (the API answers 422). */
export const INVALID_ACTION_INPUT = 'InvalidActionInput';

export const submitUpdate = defineUpdate<ProjectState, [ActorInput]>('submit');
export const reviewUpdate = defineUpdate<ProjectState, [ReviewInput]>('review');
export const attestUpdate = defineUpdate<ProjectState, [AttestInput]>('attest');
export const cancelUpdate = defineUpdate<ProjectState, [CancelInput]>('cancel');
export const submitReportUpdate = defineUpdate<ProjectState, [ReportInput]>('submitReport');
export const reviewReportUpdate = defineUpdate<ProjectState, [ReportReviewInput]>('reviewReport');

/** A donation to the project was paid, refunded or disputed: committed to Postgres before the signal. */
export const donationChangedSignal = defineSignal<[{ donationId: number }]>('donationChanged');

/** An admin resumed a lifecycle stopped by an incident: the failed step is tried again. */
export const resumeSignal = defineSignal<[{ actorId: number }]>('resume');

/** The receiving structure's bank details were validated: a payout waiting for them may go. */
export const payoutReadySignal = defineSignal<[]>('payoutReady');

/** The current state and the actions each role may take now. */
export const stateQuery = defineQuery<ProjectState>('state');
