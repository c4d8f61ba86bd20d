import {
  ActivityFailure,
  ApplicationFailure,
  ChildWorkflowFailure,
  condition,
  workflowInfo,
} from '@temporalio/workflow';
import { milestonesReached } from '../../domain/campaign.ts';
import type { Audience, EmailTemplate } from '../../domain/emails.ts';
import { actionsByRole } from '../../domain/lifecycle.ts';
import type { PayoutBlocker } from '../../activities/lifecycle.ts';
import type { ProjectStatus } from '../../domain/project-status.ts';
import type {
  CarriedState,
  LifecycleDurations,
  ProjectFacts,
  ProjectLifecycleInput,
  ProjectState,
} from '../project-lifecycle.messages.ts';
import { ACTIVITY_STEPS, emails, records, type LifecycleSteps } from './activities.ts';
import { Decisions } from './decisions.ts';
import { recordSearchAttributes } from './search-attributes.ts';

/** How a step fails for good: an activity, a child, or a local activity (its own error, not wrapped). */
const isStepFailure = (error: unknown) =>
  error instanceof ActivityFailure || error instanceof ChildWorkflowFailure || error instanceof ApplicationFailure;

/** Where the main function is: a cancel is refused while the outcome or the payout is being recorded. */
export type Phase = 'open' | 'closing' | 'paying';

/** The state of one project's lifecycle and the ways it records what happens. */
export class Lifecycle {
  readonly project: ProjectFacts;
  readonly durations: LifecycleDurations;
  readonly state: CarriedState;
  readonly progress = { collectedCents: 0, reservedGrantCents: 0, donorCount: 0 };
  /** the human steps accepted by a handler, waiting for the main function to apply them */
  readonly decisions = new Decisions();
  phase: Phase = 'open';
  /** donationChanged signals received, and how many the figures were last read after */
  donationSignals = 1;
  private donationSignalsRead = 0;
  /** payoutReady signals received */
  payoutSignals = 0;
  /** resume signals received, and why the lifecycle waits for one (a step that failed for good) */
  resumes = 0;
  incident: string | undefined;
  /**
   * the short database steps: activities, then local activities from a campaign that took `campaign-local-reads`
   * (or a closing that took `closing-local-activities`) on
   */
  steps: LifecycleSteps = ACTIVITY_STEPS;

  constructor(input: ProjectLifecycleInput) {
    this.project = input.project;
    this.durations = input.durations;
    this.state = { ...input.carried };
  }

  get status(): ProjectStatus {
    return this.state.status;
  }

  /** Records a status change in Postgres (status and timeline, once) and in the Temporal UI. */
  async moveTo(to: ProjectStatus, actorId: number | null, comment?: string): Promise<void> {
    this.state.transitions += 1;
    const { workflowId, firstExecutionRunId } = workflowInfo();
    await this.guard(`statut ${to}`, () =>
      this.steps.records.recordStatusChange({
        projectId: this.project.projectId,
        from: this.state.status,
        to,
        actorId,
        comment,
        eventKey: `${workflowId}-${firstExecutionRunId}-${this.state.transitions}`,
        campaign: to === 'published' ? { endsAt: this.state.campaignEndsAt as string } : undefined,
      }),
    );
    this.state.status = to;
    recordSearchAttributes(this.project, this.state);
  }

  /**
   * Records the campaign's outcome and what follows it at once (one activity): a failure with its grants released,
   * `resolving`, and `closed` when no gift is left to resolve; a success with what keeps its payout back.
   */
  async recordOutcome(outcome: 'failed' | 'succeeded' | 'closed_optimum'): Promise<{ blocker: PayoutBlocker }> {
    const { workflowId, firstExecutionRunId } = workflowInfo();
    const eventKeys = [1, 2, 3].map((n) => `${workflowId}-${firstExecutionRunId}-${this.state.transitions + n}`);
    const { projectId } = this.project;
    const recorded = await this.guard(`statut ${outcome}`, () =>
      this.steps.records.recordCampaignOutcome({ projectId, from: this.state.status, outcome, eventKeys }),
    );
    this.state.transitions += recorded.statuses.length;
    this.state.status = recorded.statuses.at(-1) ?? outcome;
    recordSearchAttributes(this.project, this.state);
    return recorded;
  }

  /** Queues the template's e-mail to an audience, once per triggering event, with a person's words if any. */
  async notify(template: EmailTemplate, audience: Audience, options: { key?: string; message?: string } = {}) {
    const eventKey = `${template}-${this.state.transitions}${options.key ?? ''}`;
    const request = { projectId: this.project.projectId, template, audience, eventKey, message: options.message };
    await this.guard(`e-mail ${template}`, () => this.steps.emails.queueProjectEmail(request));
  }

  /** True when a donation changed since the figures were last read. */
  get progressStale(): boolean {
    return this.donationSignals !== this.donationSignalsRead;
  }

  /** Reads the campaign's money from Postgres, telling donors and porteur of the milestones crossed. */
  async refreshProgress(): Promise<void> {
    const seen = this.donationSignals;
    const before = { ...this.progress };
    const { projectId } = this.project;
    Object.assign(
      this.progress,
      await this.guard('lecture de la collecte', () => this.steps.records.getCampaignProgress({ projectId })),
    );
    this.donationSignalsRead = seen;
    for (const milestone of milestonesReached(before, this.progress, this.project)) {
      await this.notify(milestone as EmailTemplate, 'donors', { key: `-${milestone}` });
      await this.notify(milestone as EmailTemplate, 'porteur', { key: `-${milestone}` });
    }
  }

  /** Donations plus the fund grants reserved for the campaign. */
  campaignTotal(): number {
    return this.progress.collectedCents + this.progress.reservedGrantCents;
  }

  /**
   * Runs a step; if it fails for good (an activity's or a local activity's non-retryable failure, or a failed
   * child), the project waits visibly for an admin: the incident is recorded, the admins are told, and the step
   * is tried again when they resume it. No failure ends the workflow.
   */
  async guard<T>(step: string, run: (attempt: number) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await run(attempt);
      } catch (error) {
        if (!isStepFailure(error)) throw error;
        await this.stopForIncident(step, error.cause?.message ?? error.message);
      }
    }
  }

  /** Records why the lifecycle stops, tells the admins, and waits until one of them resumes it. */
  async stopForIncident(step: string, cause: string): Promise<void> {
    const { projectId } = this.project;
    const { workflowId, runId } = workflowInfo();
    const resumesBefore = this.resumes;
    this.incident = `${step} : ${cause}`;
    const incidentKey = `${workflowId}-${runId}-${this.state.transitions}-${resumesBefore}-${step}`;
    await records.recordLifecycleIncident({ projectId, incidentKey, step, message: this.incident });
    await emails.queueProjectEmail({
      projectId,
      template: 'lifecycle_incident' satisfies EmailTemplate,
      audience: 'admins',
      eventKey: incidentKey,
      message: this.incident,
    });
    await condition(() => this.resumes > resumesBefore);
    await records.resolveLifecycleIncidents({ projectId });
    this.incident = undefined;
  }

  /** The state as queries and updates return it, with the actions each role may take now. */
  view(): ProjectState {
    const actions = this.decisions.busy || this.incident ? {} : actionsByRole(this.state.status);
    if (this.phase !== 'open') {
      for (const [role, allowed] of Object.entries(actions)) {
        actions[role as keyof typeof actions] = allowed.filter((action) => action !== 'cancel');
      }
    }
    return {
      projectId: this.project.projectId,
      status: this.state.status,
      campaignEndsAt: this.state.campaignEndsAt ?? null,
      collectedCents: this.progress.collectedCents,
      reservedGrantCents: this.progress.reservedGrantCents,
      donorCount: this.progress.donorCount,
      actions,
      incident: this.incident ?? null,
    };
  }
}
