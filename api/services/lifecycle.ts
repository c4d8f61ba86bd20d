import {
  ApplicationFailure,
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { actionsByRole } from '../../domain/lifecycle.ts';
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

/** Every lifecycle duration, from the rules of DESIGN.md, compressed by the time scale in demos and tests. */
export function lifecycleDurations(campaignDays: number, timeScale: number): LifecycleDurations {
  const days = (count: number) => Math.max(1, Math.round(count * DAY * timeScale));
  return {
    reviewSla: days(7), // 5 working days
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
 * Sends a human step to a project's lifecycle workflow, starting the workflow from the read model first
 * if the project has none yet. A forbidden action becomes a 409, an unacceptable input a 422, each
 * carrying the workflow's French explanation.
 */
export async function sendProjectUpdate<Input extends ActorInput>(
  temporal: Client,
  start: LifecycleStart,
  update: UpdateDefinition<ProjectState, [Input]>,
  input: Input,
): Promise<ProjectState> {
  const startWorkflowOperation = new WithStartWorkflowOperation('projectLifecycleWorkflow', startOptions(start));
  try {
    return await temporal.workflow.executeUpdateWithStart(update, { args: [input], startWorkflowOperation });
  } catch (error) {
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

/** Starts a project's lifecycle from its read model, unless it runs or ran already (then nothing happens). */
export async function startLifecycle(temporal: Client, start: LifecycleStart): Promise<void> {
  await temporal.workflow
    .start('projectLifecycleWorkflow', { ...startOptions(start), workflowIdReusePolicy: 'REJECT_DUPLICATE' })
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
