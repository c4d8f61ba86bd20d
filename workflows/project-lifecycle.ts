import { ApplicationFailure, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../activities/index.ts';
import type { ProjectStatus } from '../domain/project-status.ts';
import { DATABASE_ACTIVITY } from './lib/activity-options.ts';
import {
  INVALID_TRANSITION,
  stateQuery,
  submitUpdate,
  type ActorInput,
  type ProjectLifecycleInput,
  type ProjectState,
} from './project-lifecycle.messages.ts';

const { recordStatusChange } = proxyActivities<Activities>(DATABASE_ACTIVITY);

/** The lifecycle of one project (DESIGN.md §Lifecycle); this first part covers the submission. */
export async function projectLifecycleWorkflow(input: ProjectLifecycleInput): Promise<ProjectState> {
  const state: ProjectState = { projectId: input.projectId, status: input.status };
  let transitions = 0;

  const moveTo = async (to: ProjectStatus, actorId: number | null, comment?: string) => {
    transitions += 1;
    await recordStatusChange({
      projectId: state.projectId,
      from: state.status,
      to,
      actorId,
      comment,
      eventKey: `project-${state.projectId}-${input.status}-${transitions}`,
    });
    state.status = to;
  };

  setHandler(stateQuery, () => state);
  setHandler(
    submitUpdate,
    async ({ actorId }) => {
      await moveTo('submitted', actorId);
      return state;
    },
    {
      validator: (_input: ActorInput) => {
        if (state.status !== 'draft' && state.status !== 'changes_requested') {
          throw ApplicationFailure.nonRetryable(
            'Ce projet a déjà été soumis : il ne peut plus l’être dans son état actuel.',
            INVALID_TRANSITION,
          );
        }
      },
    },
  );

  // the review and everything after it follow in the lifecycle issue; until then the project waits here
  await condition(() => state.status === 'cancelled');
  return state;
}
