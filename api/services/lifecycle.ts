import {
  ApplicationFailure,
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import {
  REVIEW_SLA_WORKING_DAYS,
  actionsByRole,
  isActionAllowed,
  refusalOf,
  type LifecycleAction,
} from '../../domain/lifecycle.ts';
import type { LifecycleFacts } from '../../db/queries/projects.ts';
import {
  INVALID_ACTION_INPUT,
  INVALID_TRANSITION,
  donationChangedSignal,
  projectWorkflowId,
  stateQuery,
  type ActorInput,
  type LifecycleDurations,
  type ProjectLifecycleInput,
  type ProjectState,
} from '../../workflows/project-lifecycle.messages.ts';
import { ApiError } from '../errors.ts';

const DAY = 86_400_000;

/** The workflow type new lifecycles start with (older runs finish on projectLifecycleWorkflow). */
export const LIFECYCLE_WORKFLOW_TYPE = 'projectLifecycleWorkflowV2';

/** Why a step is refused when the project's process has stopped (API: 409; an admin resumes it). */
export const LIFECYCLE_STOPPED =
  'Le processus de ce projet est arrêté : rien n’a été modifié. Un administrateur doit le relancer depuis « Projets bloqués ».';

/** Every lifecycle duration, from the rules of DESIGN.md, compressed by the time scale in demos and tests. */
export function lifecycleDurations(campaignDays: number, timeScale: number): LifecycleDurations {
  const days = (count: number) => Math.max(1, Math.round(count * DAY * timeScale));
  return {
    reviewSla: days(7),
    day: Math.max(1, Math.round(DAY * timeScale)),
    reviewSlaWorkingDays: REVIEW_SLA_WORKING_DAYS,
    campaign: days(campaignDays),
    topUpWindow: days(7),
    reportDueAfterActivity: days(30),
    reportReminderBefore: days(7),
    lateReportEscalation: days(25),
    failureChoiceWindow: days(14),
  };
}

/** The workflow input of a project, from its row in Postgres (the read model is the record). */
export function lifecycleInput(facts: LifecycleFacts, timeScale: number): ProjectLifecycleInput {
  return {
    project: {
      projectId: facts.projectId,
      porteurId: facts.porteurId,
      schoolUai: facts.schoolUai,
      academyCode: facts.academyCode,
      degree: facts.degree,
      minimumGoalCents: facts.minimumGoalCents,
      optimumGoalCents: facts.optimumGoalCents,
      activityEndsOn: facts.activityEndsOn,
    },
    durations: lifecycleDurations(facts.campaignDays, timeScale),
    carried: {
      status: facts.status,
      transitions: 0,
      campaignEndsAt: facts.campaignEndsAt?.toISOString(),
      seedingRequested: false,
      topUpGranted: false,
      reportVersion: facts.reportVersions,
    },
  };
}

/** Where a project's lifecycle runs and what it starts from. */
export interface LifecycleStart {
  taskQueue: string;
  timeScale: number;
  facts: LifecycleFacts;
}

/** Options that start a project's lifecycle from its read model, or find the one already running. */
function startOptions({ taskQueue, timeScale, facts }: LifecycleStart) {
  return {
    workflowId: projectWorkflowId(facts.projectId),
    taskQueue,
    args: [lifecycleInput(facts, timeScale)],
    workflowIdConflictPolicy: 'USE_EXISTING' as const,
  };
}

/**
 * Sends a human step to a project's lifecycle workflow. A project without a workflow yet gets one started
 * from the read model, but only for a step its status allows; a workflow that has stopped is never started
 * again by a step (an admin resumes it). A forbidden action becomes a 409, an unacceptable input a 422, each
 * carrying the workflow's French explanation; a refused step changes nothing.
 */
export async function sendProjectUpdate<Input extends ActorInput>(
  temporal: Client,
  start: LifecycleStart,
  step: { action: LifecycleAction; update: UpdateDefinition<ProjectState, [Input]> },
  input: Input,
): Promise<ProjectState> {
  const { update, action } = step;
  const run = await workflowStatus(temporal, start.facts.projectId);
  if (run !== undefined && run !== 'RUNNING' && run !== 'COMPLETED') {
    throw new ApiError(409, 'lifecycle_stopped', LIFECYCLE_STOPPED);
  }
  if (run !== 'RUNNING' && !isActionAllowed(action, start.facts.status)) {
    throw new ApiError(409, 'invalid_transition', refusalOf(action));
  }
  const startWorkflowOperation = new WithStartWorkflowOperation(LIFECYCLE_WORKFLOW_TYPE, {
    ...startOptions(start),
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
  });
  try {
    return await temporal.workflow.executeUpdateWithStart(update, { args: [input], startWorkflowOperation });
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) {
      throw new ApiError(409, 'lifecycle_stopped', LIFECYCLE_STOPPED);
    }
    const cause = error instanceof WorkflowUpdateFailedError ? error.cause : undefined;
    if (cause instanceof ApplicationFailure && cause.type === INVALID_TRANSITION) {
      throw new ApiError(409, 'invalid_transition', cause.message);
    }
    if (cause instanceof ApplicationFailure && cause.type === INVALID_ACTION_INPUT) {
      throw new ApiError(422, 'invalid_action', cause.message);
    }
    throw error;
  }
}

/** The status of the project's latest workflow run (RUNNING, FAILED, TERMINATED…), or undefined if none. */
export async function workflowStatus(temporal: Client, projectId: number): Promise<string | undefined> {
  try {
    return (await temporal.workflow.getHandle(projectWorkflowId(projectId)).describe()).status.name;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return undefined;
    throw error;
  }
}

/** Starts a project's lifecycle from its read model, unless it runs or ran already (then nothing happens). */
export async function startLifecycle(temporal: Client, start: LifecycleStart): Promise<void> {
  await temporal.workflow
    .start(LIFECYCLE_WORKFLOW_TYPE, { ...startOptions(start), workflowIdReusePolicy: 'REJECT_DUPLICATE' })
    .catch((error: unknown) => {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    });
}

/** The lifecycle state; for a project whose workflow has not started yet, derived from the read model. */
export async function readProjectState(temporal: Client, facts: LifecycleFacts): Promise<ProjectState> {
  try {
    return await temporal.workflow.getHandle(projectWorkflowId(facts.projectId)).query(stateQuery);
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
    return {
      projectId: facts.projectId,
      status: facts.status,
      campaignEndsAt: facts.campaignEndsAt?.toISOString() ?? null,
      collectedCents: 0,
      reservedGrantCents: 0,
      donorCount: 0,
      actions: actionsByRole(facts.status),
    };
  }
}

/** Tells a project's workflow that one of its donations changed; call after the change is committed. */
export async function signalDonationChanged(temporal: Client, projectId: number, donationId: number): Promise<void> {
  try {
    await temporal.workflow.getHandle(projectWorkflowId(projectId)).signal(donationChangedSignal, { donationId });
  } catch (error) {
    // a project without a running lifecycle has no campaign to update
    if (!(error instanceof WorkflowNotFoundError)) throw error;
  }
}
