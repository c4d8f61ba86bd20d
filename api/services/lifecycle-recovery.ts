import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import {
  listOpenLifecycleIncidents,
  projectHeadline,
  projectsAwaitingBankDetails,
  resolveLifecycleIncidents,
} from '../../db/queries/lifecycle-incidents.ts';
import { findLifecycleFacts } from '../../db/queries/projects.ts';
import { FINAL_STATUSES } from '../../domain/lifecycle.ts';
import type { ProjectStatus } from '../../domain/project-status.ts';
import { resolutionWorkflowId } from '../../workflows/failed-campaign-resolution.messages.ts';
import { payoutReadySignal, projectWorkflowId, resumeSignal } from '../../workflows/project-lifecycle.messages.ts';
import { ApiError } from '../errors.ts';
import { LIFECYCLE_WORKFLOW_TYPE, lifecycleInput, workflowStatus } from './lifecycle.ts';

/** A project whose lifecycle does not move on by itself: a step failed for good, or its workflow stopped. */
export interface StuckProject {
  projectId: number;
  title: string;
  status: ProjectStatus;
  /** incident: the workflow waits for a resume; stopped: no workflow runs (failed, terminated…) */
  kind: 'incident' | 'stopped';
  reason: string;
  since: string;
}

const STOPPED_QUERY =
  "WorkflowType IN ('projectLifecycleWorkflow', 'projectLifecycleWorkflowV2') AND ExecutionStatus IN ('Failed', 'Terminated', 'TimedOut', 'Canceled')";

/** Every stuck project: open incidents, then projects not finished whose latest workflow run stopped abnormally. */
export async function listStuckProjects(temporal: Client, db: Db): Promise<StuckProject[]> {
  const stuck: StuckProject[] = (await listOpenLifecycleIncidents(db)).map((incident) => ({
    projectId: incident.projectId,
    title: incident.projectTitle,
    status: incident.projectStatus,
    kind: 'incident',
    reason: incident.message,
    since: incident.openedAt.toISOString(),
  }));
  const seen = new Set(stuck.map((entry) => entry.projectId));
  for await (const run of temporal.workflow.list({ query: STOPPED_QUERY })) {
    const projectId = Number(run.workflowId.replace(/^project-/, ''));
    if (seen.has(projectId)) continue;
    seen.add(projectId);
    const latest = await workflowStatus(temporal, projectId);
    const project = await projectHeadline(db, projectId);
    if (!project || latest === 'RUNNING' || FINAL_STATUSES.includes(project.status)) continue;
    stuck.push({
      projectId,
      title: project.title,
      status: project.status,
      kind: 'stopped',
      reason: `Processus arrêté (${latest?.toLowerCase() ?? 'inconnu'}) alors que le projet n’est pas terminé.`,
      since: (run.closeTime ?? run.startTime).toISOString(),
    });
  }
  return stuck;
}

/**
 * Resumes a stuck project: a workflow waiting on an incident tries its failed step again; a stopped one is
 * started afresh from the read model. Anything else is refused with a 409 and changes nothing.
 */
export async function resumeLifecycle(
  deps: { temporal: Client; db: Db },
  options: { projectId: number; actorId: number; taskQueue: string; timeScale: number },
): Promise<{ resumed: 'step_retried' | 'restarted' }> {
  const { temporal, db } = deps;
  const facts = await findLifecycleFacts(db, options.projectId);
  if (!facts) throw new ApiError(404, 'not_found', 'Projet introuvable.');
  const run = await workflowStatus(temporal, options.projectId);
  let resumed: 'step_retried' | 'restarted';
  if (run === 'RUNNING') {
    const open = (await listOpenLifecycleIncidents(db)).some((incident) => incident.projectId === facts.projectId);
    const handle = temporal.workflow.getHandle(projectWorkflowId(facts.projectId));
    // a payout waiting for a structure attached since (no validation to signal it) looks again
    if (!open && facts.status === 'payout_pending') await handle.signal(payoutReadySignal);
    else if (!open) throw new ApiError(409, 'not_stuck', 'Ce projet n’est pas bloqué : son processus suit son cours.');
    else await handle.signal(resumeSignal, options);
    await signalIfRunning(temporal, resolutionWorkflowId(facts.projectId), options.actorId);
    resumed = 'step_retried';
  } else {
    if (FINAL_STATUSES.includes(facts.status)) {
      throw new ApiError(409, 'finished', 'Ce projet est terminé : il n’y a rien à relancer.');
    }
    await temporal.workflow.start(LIFECYCLE_WORKFLOW_TYPE, {
      workflowId: projectWorkflowId(facts.projectId),
      taskQueue: options.taskQueue,
      args: [lifecycleInput(facts, options.timeScale)],
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
    });
    await resolveLifecycleIncidents(db, facts.projectId, options.actorId);
    resumed = 'restarted';
  }
  await recordAudit(db, {
    actorId: options.actorId,
    action: 'lifecycle_resumed',
    entityType: 'project',
    entityId: String(facts.projectId),
    details: { resumed, status: facts.status, workflow: run ?? 'none' },
  });
  return { resumed };
}

async function signalIfRunning(temporal: Client, workflowId: string, actorId: number): Promise<void> {
  try {
    await temporal.workflow.getHandle(workflowId).signal(resumeSignal, { actorId });
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
  }
}

/** Tells the lifecycles waiting for this structure's bank details that their payout may go. */
export async function signalPayoutsReady(temporal: Client, db: Db, structureId: number): Promise<void> {
  for (const projectId of await projectsAwaitingBankDetails(db, structureId)) {
    await temporal.workflow
      .getHandle(projectWorkflowId(projectId))
      .signal(payoutReadySignal)
      .catch((error: unknown) => {
        if (!(error instanceof WorkflowNotFoundError)) throw error;
      });
  }
}
