import { condition, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.ts';
import { milestonesReached } from '../../domain/campaign.ts';
import { actionsByRole } from '../../domain/lifecycle.ts';
import type { ProjectStatus } from '../../domain/project-status.ts';
import type {
  CancelInput,
  CarriedState,
  LifecycleDurations,
  ProjectFacts,
  ProjectLifecycleInput,
  ProjectState,
} from '../project-lifecycle.messages.ts';
import { DATABASE_ACTIVITY } from '../lib/activity-options.ts';
import { recordSearchAttributes } from '../lib/search-attributes.ts';

/** Activities as the lifecycle calls them: database, ledger and outbox writes. */
export const activities = proxyActivities<Activities>(DATABASE_ACTIVITY);

type Audience = 'porteur' | 'directeur' | 'validateurs' | 'donors' | 'sponsors';

/** The state of one project's lifecycle and the ways it records what happens. */
export class Lifecycle {
  readonly project: ProjectFacts;
  readonly durations: LifecycleDurations;
  readonly state: CarriedState;
  readonly progress = { collectedCents: 0, reservedGrantCents: 0, donorCount: 0, stale: true };
  cancellation: CancelInput | undefined;
  /** true while a human step is being recorded: another one is refused until it is done */
  recording = false;

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
    await activities.recordStatusChange({
      projectId: this.project.projectId,
      from: this.state.status,
      to,
      actorId,
      comment,
      eventKey: `${workflowId}-${firstExecutionRunId}-${this.state.transitions}`,
      campaign: to === 'published' ? { endsAt: this.state.campaignEndsAt as string } : undefined,
    });
    this.state.status = to;
    recordSearchAttributes(this.project, this.state);
  }

  /** Queues the template's e-mail to an audience, once per triggering event. */
  async notify(template: string, audience: Audience, key = ''): Promise<void> {
    const eventKey = `${template}-${this.state.transitions}${key}`;
    await activities.queueProjectEmail({ projectId: this.project.projectId, template, audience, eventKey });
  }

  /** Reads the campaign's money from Postgres, telling donors and porteur of the milestones crossed. */
  async refreshProgress(): Promise<void> {
    this.progress.stale = false;
    const before = { ...this.progress };
    Object.assign(this.progress, await activities.getCampaignProgress({ projectId: this.project.projectId }));
    for (const milestone of milestonesReached(before, this.progress, this.project)) {
      await this.notify(milestone, 'donors', `-${milestone}`);
      await this.notify(milestone, 'porteur', `-${milestone}`);
    }
  }

  /** Donations plus the fund grants reserved for the campaign. */
  campaignTotal(): number {
    return this.progress.collectedCents + this.progress.reservedGrantCents;
  }

  /** Waits until the predicate holds or a cancellation arrives; with a timeout, false when it ran out. */
  wait(until: () => boolean, timeoutMs?: number): Promise<boolean> {
    const done = () => until() || this.cancellation !== undefined;
    return timeoutMs === undefined ? condition(done).then(() => true) : condition(done, Math.max(timeoutMs, 1));
  }

  /** The state as queries and updates return it, with the actions each role may take now. */
  view(): ProjectState {
    return {
      projectId: this.project.projectId,
      status: this.state.status,
      campaignEndsAt: this.state.campaignEndsAt ?? null,
      collectedCents: this.progress.collectedCents,
      reservedGrantCents: this.progress.reservedGrantCents,
      donorCount: this.progress.donorCount,
      actions: this.recording || this.cancellation ? {} : actionsByRole(this.state.status),
    };
  }
}
