import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ProjectStatus } from '../domain/project-status.ts';

/** The workflow id of a project's lifecycle. */
export const projectWorkflowId = (projectId: number) => `project-${projectId}`;

/** What a project's lifecycle starts from. */
export interface ProjectLifecycleInput {
  projectId: number;
  status: ProjectStatus;
}

/** The lifecycle's state as queries and updates return it. */
export interface ProjectState {
  projectId: number;
  status: ProjectStatus;
}

/** Who acts, for the timeline. */
export interface ActorInput {
  actorId: number;
}

/** Error type of an action the current state forbids (the API answers 409). */
export const INVALID_TRANSITION = 'InvalidTransition';

/** The porteur submits the draft (or the revised project) for review. */
export const submitUpdate = defineUpdate<ProjectState, [ActorInput]>('submit');

/** The current state. */
export const stateQuery = defineQuery<ProjectState>('state');
