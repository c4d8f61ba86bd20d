import { defineSignal } from '@temporalio/workflow';

/** The workflow id of a project's donation resolution (failed or cancelled campaign). */
export const resolutionWorkflowId = (projectId: number) => `resolution-${projectId}`;

/** What the resolution starts from; afterDonationId lets it continue as new through long lists. */
export interface ResolutionInput {
  projectId: number;
  /** how long donors may choose, in ms (0 for a cancellation: everyone is refunded) */
  choiceWindow: number;
  refundAll: boolean;
  afterDonationId?: number;
  choices?: Record<string, 'refund' | 'redirect'>;
  /** a second pass after an incident: the donors were told and chose already */
  donorsTold?: boolean;
  /** gifts that failed for good in earlier runs of this resolution (continue-as-new) */
  failures?: { donationId: number; message: string }[];
}

/** How the donations were resolved. */
export interface ResolutionResult {
  refunded: number;
  redirected: number;
  /** gifts that failed for good (left for an admin), with the donors' choices to try them again */
  failures?: { donationId: number; message: string }[];
  choices?: Record<string, 'refund' | 'redirect'>;
}

/** A donor chose, from the link in the failure e-mail, what happens to their gift. */
export const donorChoiceSignal = defineSignal<[{ donationId: number; choice: 'refund' | 'redirect' }]>('donorChoice');
