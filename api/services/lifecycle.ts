import {
  ApplicationFailure,
  WithStartWorkflowOperation,
  WorkflowUpdateFailedError,
  type Client,
  type UpdateDefinition,
} from '@temporalio/client';
import type { ProjectStatus } from '../../domain/project-status.ts';
import {
  INVALID_TRANSITION,
  projectWorkflowId,
  type ProjectState,
} from '../../workflows/project-lifecycle.messages.ts';
import { ApiError } from '../errors.ts';

/**
 * Sends a human step to a project's lifecycle workflow, starting the workflow first if the project has
 * none yet. An action the state forbids becomes a 409 carrying the workflow's French explanation.
 */
export async function sendProjectUpdate<Args extends unknown[]>(
  temporal: Client,
  options: { taskQueue: string; project: { id: number; status: ProjectStatus } },
  update: UpdateDefinition<ProjectState, Args>,
  ...args: Args
): Promise<ProjectState> {
  const startWorkflowOperation = new WithStartWorkflowOperation('projectLifecycleWorkflow', {
    workflowId: projectWorkflowId(options.project.id),
    taskQueue: options.taskQueue,
    args: [{ projectId: options.project.id, status: options.project.status }],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
  try {
    return await temporal.workflow.executeUpdateWithStart(update, { args, startWorkflowOperation });
  } catch (error) {
    if (
      error instanceof WorkflowUpdateFailedError &&
      error.cause instanceof ApplicationFailure &&
      error.cause.type === INVALID_TRANSITION
    ) {
      throw new ApiError(409, 'invalid_transition', error.cause.message);
    }
    throw error;
  }
}
