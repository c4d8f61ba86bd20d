// The first version of the project lifecycle, frozen: runs started before projectLifecycleWorkflowV2 finish on it.
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  executeChild,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { ProjectStatus } from '../../domain/project-status.ts';
import { failedCampaignResolutionWorkflow } from '../failed-campaign-resolution.ts';
import { resolutionWorkflowId } from '../failed-campaign-resolution.messages.ts';
import { now } from '../lib/clock.ts';
import { registerHumanSteps } from './human-steps.ts';
import { activities as db, Lifecycle } from './lifecycle.ts';
import { recordSearchAttributes } from '../lib/search-attributes.ts';
import { donationChangedSignal, stateQuery, type ProjectLifecycleInput } from '../project-lifecycle.messages.ts';

const IN_REVIEW: ProjectStatus[] = ['draft', 'submitted', 'changes_requested'];
const AWAITING_PUBLICATION: ProjectStatus[] = ['accepted', 'awaiting_attestation'];
const SUCCEEDED: ProjectStatus[] = ['closed_optimum', 'succeeded'];
const REPORTING: ProjectStatus[] = ['report_due', 'report_submitted', 'report_changes_requested'];

/**
 * The lifecycle of one project (DESIGN.md §Lifecycle), from its draft to its final report. It may start
 * from any state of the read model (a project created before its workflow, or a restart), and each phase
 * below runs only if the project has not gone past it.
 */
export async function projectLifecycleWorkflow(input: ProjectLifecycleInput): Promise<ProjectStatus> {
  const lifecycle = new Lifecycle(input);
  const { project, durations, state, progress } = lifecycle;
  const { projectId } = project;
  setHandler(stateQuery, () => lifecycle.view());
  registerHumanSteps(lifecycle);
  setHandler(donationChangedSignal, () => {
    progress.stale = true;
  });
  recordSearchAttributes(project, state);

  // 1. The porteur drafts and submits; a validator reviews (changes may be requested any number of times);
  //    a submission waiting longer than the review SLA is escalated to the validators.
  while (IN_REVIEW.includes(state.status) && !lifecycle.cancellation) {
    if (state.status !== 'submitted') {
      await lifecycle.wait(() => state.status !== 'draft' && state.status !== 'changes_requested');
      continue;
    }
    const submission = state.transitions;
    if (!(await lifecycle.wait(() => state.transitions !== submission, durations.reviewSla))) {
      await lifecycle.notify('review_sla_breached', 'validateurs');
      await lifecycle.wait(() => state.transitions !== submission);
    }
  }
  if (state.status === 'rejected') return await finish();

  // 2. The directeur attests the official approvals; that publishes the project.
  if (AWAITING_PUBLICATION.includes(state.status)) await lifecycle.wait(() => state.status === 'published');
  if (lifecycle.cancellation) return await cancel();

  // 3. The campaign: seeding at launch, a top-up near the deadline, closed at once at the optimum.
  if (state.status === 'published') {
    await campaign();
    if (lifecycle.cancellation) return await cancel();
    await lifecycle.refreshProgress();
    if (lifecycle.campaignTotal() >= project.optimumGoalCents) await lifecycle.moveTo('closed_optimum', null);
    else if (lifecycle.campaignTotal() >= project.minimumGoalCents) await lifecycle.moveTo('succeeded', null);
    else await lifecycle.moveTo('failed', null);
    if (SUCCEEDED.includes(state.status)) {
      await lifecycle.notify('campaign_succeeded', 'porteur');
      await lifecycle.notify('campaign_succeeded', 'donors');
    }
  }
  if (state.status === 'failed' || state.status === 'resolving') return await resolveFailure();

  // 4. Success: the grants become project money, and the whole sum goes to the receiving structure.
  if (SUCCEEDED.includes(state.status)) {
    await db.commitGrants({ projectId });
    await db.recordPayout({ projectId });
    await lifecycle.moveTo('paid_out', null);
  }

  // 5. The final report: reminders before and at the due date, the directeur told when it is late.
  if (state.status === 'paid_out') await lifecycle.moveTo('report_due', null);
  if (REPORTING.includes(state.status)) await finalReport();
  return await finish();

  /** Collects until the deadline or the optimum, asking the funds for a top-up once it may hold. */
  async function campaign(): Promise<void> {
    const deadline = new Date(state.campaignEndsAt as string).getTime();
    const topUpFrom = deadline - durations.topUpWindow;
    if (!state.seedingRequested) {
      await db.requestSeedingGrants({ projectId });
      state.seedingRequested = true;
    }
    while (!lifecycle.cancellation) {
      if (progress.stale) await lifecycle.refreshProgress();
      if (lifecycle.campaignTotal() >= project.optimumGoalCents || now() >= deadline) return;
      if (!state.topUpGranted && now() >= topUpFrom) {
        const { grants } = await db.requestTopUpGrants({ projectId });
        state.topUpGranted = grants.length > 0;
        progress.stale = grants.length > 0;
        if (progress.stale) continue;
      }
      if (workflowInfo().continueAsNewSuggested) {
        await condition(allHandlersFinished);
        await continueAsNew<typeof projectLifecycleWorkflow>({ ...input, carried: state });
      }
      const wakeAt = state.topUpGranted || now() >= topUpFrom ? deadline : topUpFrom;
      await lifecycle.wait(() => progress.stale, wakeAt - now());
    }
  }

  /** Waits for the report, reminding the porteur and then telling the directeur; ends when it is accepted. */
  async function finalReport(): Promise<void> {
    const due = new Date(project.activityEndsOn).getTime() + durations.reportDueAfterActivity;
    const reported = () => state.status !== 'report_due';
    if (!(await lifecycle.wait(reported, due - durations.reportReminderBefore - now()))) {
      await lifecycle.notify('report_reminder', 'porteur');
      if (!(await lifecycle.wait(reported, due - now()))) {
        await lifecycle.notify('report_due_today', 'porteur');
        if (!(await lifecycle.wait(reported, due + durations.lateReportEscalation - now()))) {
          await lifecycle.notify('report_late', 'directeur');
        }
      }
    }
    await lifecycle.wait(() => state.status === 'completed');
  }

  /** Failure: reservations released; each donation refunded or redirected as its donor chooses. */
  async function resolveFailure(): Promise<ProjectStatus> {
    if (state.status === 'failed') {
      await db.releaseGrants({ projectId });
      await lifecycle.moveTo('resolving', null);
    }
    await executeChild(failedCampaignResolutionWorkflow, {
      workflowId: resolutionWorkflowId(projectId),
      args: [{ projectId, choiceWindow: durations.failureChoiceWindow, refundAll: false }],
    });
    await lifecycle.moveTo('closed', null);
    return await finish();
  }

  /** Cancellation by an admin: reservations released, every donor refunded. */
  async function cancel(): Promise<ProjectStatus> {
    const { actorId, reason } = lifecycle.cancellation!;
    await lifecycle.moveTo('cancelled', actorId, reason);
    await lifecycle.notify('project_cancelled', 'porteur');
    await db.releaseGrants({ projectId });
    await executeChild(failedCampaignResolutionWorkflow, {
      workflowId: resolutionWorkflowId(projectId),
      args: [{ projectId, choiceWindow: 0, refundAll: true }],
    });
    return await finish();
  }

  /** Ends the run once every human step in progress has answered. */
  async function finish(): Promise<ProjectStatus> {
    await condition(allHandlersFinished);
    return state.status;
  }
}
