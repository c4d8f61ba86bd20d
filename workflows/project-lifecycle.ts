import {
  condition,
  continueAsNew,
  executeChild,
  proxyActivities,
  setHandler,
  workflowInfo,
  allHandlersFinished,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { Activities } from '../activities/index.ts';
import { actionsByRole, isActionAllowed, type LifecycleAction } from '../domain/lifecycle.ts';
import { milestonesReached } from '../domain/campaign.ts';
import type { ProjectStatus } from '../domain/project-status.ts';
import { failedCampaignResolutionWorkflow } from './failed-campaign-resolution.ts';
import { resolutionWorkflowId } from './failed-campaign-resolution.messages.ts';
import { DATABASE_ACTIVITY } from './lib/activity-options.ts';
import { now } from './lib/clock.ts';
import { busy, invalidInput, refused } from './lib/failures.ts';
import { recordSearchAttributes } from './lib/search-attributes.ts';
import {
  attestUpdate,
  cancelUpdate,
  donationChangedSignal,
  reviewReportUpdate,
  reviewUpdate,
  stateQuery,
  submitReportUpdate,
  submitUpdate,
  type ActorInput,
  type CancelInput,
  type ProjectLifecycleInput,
  type ProjectState,
} from './project-lifecycle.messages.ts';

const db = proxyActivities<Activities>(DATABASE_ACTIVITY);

const IN_REVIEW: ProjectStatus[] = ['draft', 'submitted', 'changes_requested'];

/** The lifecycle of one project (DESIGN.md §Lifecycle), from its draft to its final report. */
export async function projectLifecycleWorkflow(input: ProjectLifecycleInput): Promise<ProjectStatus> {
  const { project, durations } = input;
  const { projectId } = project;
  const state = { ...input.carried };
  const progress = { collectedCents: 0, reservedGrantCents: 0, donorCount: 0, stale: true };
  let cancellation: CancelInput | undefined;
  let recording = false;

  // ---- how the lifecycle records what happens --------------------------------------------------------
  const moveTo = async (to: ProjectStatus, actorId: number | null, comment?: string) => {
    state.transitions += 1;
    await db.recordStatusChange({
      projectId,
      from: state.status,
      to,
      actorId,
      comment,
      eventKey: `${workflowInfo().workflowId}-${workflowInfo().firstExecutionRunId}-${state.transitions}`,
      campaign: to === 'published' ? { endsAt: state.campaignEndsAt as string } : undefined,
    });
    state.status = to;
    recordSearchAttributes(project, state);
  };
  const notify = (
    template: string,
    audience: 'porteur' | 'directeur' | 'validateurs' | 'donors' | 'sponsors',
    key = '',
  ) => db.queueProjectEmail({ projectId, template, audience, eventKey: `${template}-${state.transitions}${key}` });
  const view = (): ProjectState => ({
    projectId,
    status: state.status,
    campaignEndsAt: state.campaignEndsAt ?? null,
    collectedCents: progress.collectedCents,
    reservedGrantCents: progress.reservedGrantCents,
    donorCount: progress.donorCount,
    actions: recording ? {} : actionsByRole(state.status),
  });
  /** A human step: refused synchronously when the state forbids it, recorded one at a time. */
  const humanStep = <T extends ActorInput>(
    update: UpdateDefinition<ProjectState, [T]>,
    action: LifecycleAction,
    check: (stepInput: T) => void,
    handle: (stepInput: T) => Promise<void>,
  ) =>
    setHandler(
      update,
      async (stepInput: T) => {
        recording = true;
        try {
          await handle(stepInput);
        } finally {
          recording = false;
        }
        return view();
      },
      {
        validator: (stepInput: T) => {
          if (recording) throw busy();
          if (!isActionAllowed(action, state.status) || cancellation) throw refused(action);
          check(stepInput);
        },
      },
    );
  const refreshProgress = async () => {
    progress.stale = false;
    const before = { ...progress };
    Object.assign(progress, await db.getCampaignProgress({ projectId }));
    for (const milestone of milestonesReached(before, progress, input.project)) {
      await notify(milestone, 'donors', `-${milestone}`);
      await notify(milestone, 'porteur', `-${milestone}`);
    }
  };
  /** Waits until the predicate holds or a cancellation arrives; with a timeout, false when it ran out. */
  const wait = (until: () => boolean, timeoutMs?: number) => {
    const done = () => until() || cancellation !== undefined;
    return timeoutMs === undefined ? condition(done).then(() => true) : condition(done, timeoutMs);
  };
  const campaignTotal = () => progress.collectedCents + progress.reservedGrantCents;

  // ---- human steps ---------------------------------------------------------------------------------------
  setHandler(stateQuery, view);
  humanStep(
    submitUpdate,
    'submit',
    () => {},
    async ({ actorId }) => {
      await moveTo('submitted', actorId);
      await notify('project_submitted', 'porteur');
      await notify('new_submission', 'validateurs');
    },
  );
  humanStep(
    reviewUpdate,
    'review',
    ({ decision, comment, actorId }) => {
      if (actorId === project.porteurId) throw invalidInput('Vous ne pouvez pas examiner votre propre projet.');
      if (decision !== 'accept' && !comment?.trim()) {
        throw invalidInput(
          decision === 'reject' ? 'Indiquez la raison du refus.' : 'Indiquez les modifications attendues.',
        );
      }
    },
    async ({ decision, comment, actorId }) => {
      if (decision === 'reject') {
        await moveTo('rejected', actorId, comment);
        await notify('project_rejected', 'porteur');
      } else if (decision === 'request_changes') {
        await moveTo('changes_requested', actorId, comment);
        await notify('changes_requested', 'porteur');
      } else {
        await moveTo('accepted', actorId, comment);
        await notify('project_accepted', 'porteur');
        await moveTo('awaiting_attestation', null);
        await notify('attestation_requested', 'directeur');
      }
    },
  );
  humanStep(
    attestUpdate,
    'attest',
    (attestation) => {
      const complete =
        project.degree === 'premier'
          ? attestation.ienApproved === true && attestation.dasenApproved === true
          : Boolean(attestation.caVoteOn);
      if (!complete) {
        throw invalidInput(
          project.degree === 'premier'
            ? "Attestez les avis favorables de l'IEN et du DASEN."
            : "Indiquez la date du vote du conseil d'administration.",
        );
      }
    },
    async (attestation) => {
      await db.recordAttestation({ projectId, ...attestation });
      state.campaignEndsAt = new Date(now() + durations.campaign).toISOString();
      await moveTo('published', attestation.actorId);
      await notify('project_published', 'porteur');
    },
  );
  humanStep(
    cancelUpdate,
    'cancel',
    ({ reason }) => {
      if (!reason?.trim()) throw invalidInput("Indiquez la raison de l'annulation.");
    },
    async (request) => {
      cancellation = request;
      await condition(() => state.status === 'cancelled');
    },
  );
  humanStep(
    submitReportUpdate,
    'submitReport',
    ({ actorId, whatWasDone }) => {
      if (actorId !== project.porteurId) throw invalidInput('Seul le porteur du projet peut déposer son bilan.');
      if (!whatWasDone?.trim()) throw invalidInput('Décrivez ce qui a été réalisé.');
    },
    async (report) => {
      state.reportVersion += 1;
      await db.recordReport({ projectId, version: state.reportVersion, ...report });
      await moveTo('report_submitted', report.actorId);
    },
  );
  humanStep(
    reviewReportUpdate,
    'reviewReport',
    ({ decision, comment }) => {
      if (decision === 'request_changes' && !comment?.trim()) throw invalidInput('Indiquez les compléments attendus.');
    },
    async ({ decision, comment, actorId }) => {
      await moveTo(decision === 'accept' ? 'completed' : 'report_changes_requested', actorId, comment);
      if (decision === 'accept') {
        await notify('report_published', 'donors');
        await notify('report_published', 'sponsors');
      } else {
        await notify('report_changes_requested', 'porteur');
      }
    },
  );
  setHandler(donationChangedSignal, () => {
    progress.stale = true;
  });

  // ---- the lifecycle, top to bottom ---------------------------------------------------------------------
  recordSearchAttributes(project, state);

  // 1. The porteur drafts and submits; a validator reviews (changes may be requested any number of times).
  while (IN_REVIEW.includes(state.status) && !cancellation) {
    if (state.status !== 'submitted') {
      await wait(() => state.status !== 'draft' && state.status !== 'changes_requested');
      continue;
    }
    const submittedAt = state.transitions;
    if (!(await wait(() => state.transitions !== submittedAt, durations.reviewSla))) {
      await notify('review_sla_breached', 'validateurs');
      await wait(() => state.transitions !== submittedAt);
    }
  }
  if (state.status === 'rejected') return await finish();

  // 2. The directeur attests the official approvals; that publishes the project.
  await wait(() => state.status === 'published');
  if (cancellation) return await cancel(cancellation);

  // 3. The campaign: seeding at launch, a top-up near the deadline, closed early at the optimum.
  const deadline = new Date(state.campaignEndsAt as string).getTime();
  if (!state.seedingRequested) {
    await db.requestSeedingGrants({ projectId });
    state.seedingRequested = true;
  }
  while (!cancellation) {
    if (progress.stale) await refreshProgress();
    if (campaignTotal() >= project.optimumGoalCents || now() >= deadline) break;
    if (!state.topUpGranted && now() >= deadline - durations.topUpWindow) {
      const { grants } = await db.requestTopUpGrants({ projectId });
      state.topUpGranted = grants.length > 0;
      progress.stale = grants.length > 0;
      if (progress.stale) continue;
    }
    if (workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof projectLifecycleWorkflow>({ ...input, carried: state });
    }
    const nextTimer =
      state.topUpGranted || now() >= deadline - durations.topUpWindow ? deadline : deadline - durations.topUpWindow;
    await wait(() => progress.stale, Math.max(nextTimer - now(), 1));
  }
  if (cancellation) return await cancel(cancellation);
  await refreshProgress();
  if (campaignTotal() >= project.optimumGoalCents) await moveTo('closed_optimum', null);
  else if (campaignTotal() >= project.minimumGoalCents) await moveTo('succeeded', null);
  else return await resolveFailure();
  await notify('campaign_succeeded', 'porteur');
  await notify('campaign_succeeded', 'donors');

  // 4. Success: the grants become project money, and the whole sum goes to the receiving structure.
  await db.commitGrants({ projectId });
  await db.recordPayout({ projectId });
  await moveTo('paid_out', null);

  // 5. The final report: reminders before and at the due date, the directeur told when it is late.
  await moveTo('report_due', null);
  const due = new Date(project.activityEndsOn).getTime() + durations.reportDueAfterActivity;
  const reported = () => state.status !== 'report_due';
  if (!(await wait(reported, Math.max(due - durations.reportReminderBefore - now(), 1)))) {
    await notify('report_reminder', 'porteur');
    if (!(await wait(reported, Math.max(due - now(), 1)))) {
      await notify('report_due_today', 'porteur');
      if (!(await wait(reported, Math.max(due + durations.lateReportEscalation - now(), 1)))) {
        await notify('report_late', 'directeur');
      }
    }
  }
  await wait(() => state.status === 'completed');
  return await finish();

  /** Ends the run once every human step in progress has answered. */
  async function finish(): Promise<ProjectStatus> {
    await condition(allHandlersFinished);
    return state.status;
  }

  /** Failure: reservations released; each donation refunded or redirected as its donor chooses. */
  async function resolveFailure(): Promise<ProjectStatus> {
    await moveTo('failed', null);
    await db.releaseGrants({ projectId });
    await moveTo('resolving', null);
    await executeChild(failedCampaignResolutionWorkflow, {
      workflowId: resolutionWorkflowId(projectId),
      args: [{ projectId, choiceWindow: durations.failureChoiceWindow, refundAll: false }],
    });
    await moveTo('closed', null);
    return await finish();
  }

  /** Cancellation by an admin: reservations released, every donor refunded. */
  async function cancel({ actorId, reason }: CancelInput): Promise<ProjectStatus> {
    await moveTo('cancelled', actorId, reason);
    await notify('project_cancelled', 'porteur');
    await db.releaseGrants({ projectId });
    await executeChild(failedCampaignResolutionWorkflow, {
      workflowId: resolutionWorkflowId(projectId),
      args: [{ projectId, choiceWindow: 0, refundAll: true }],
    });
    return await finish();
  }
}
