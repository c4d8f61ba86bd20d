import type { Client } from '@temporalio/client';
import type { Db } from '../db/client.ts';
import { resolutionWorkflowId } from '../workflows/failed-campaign-resolution.messages.ts';
import { projectWorkflowId } from '../workflows/project-lifecycle.messages.ts';

/**
 * What one workflow's history holds: events, workflow tasks (round trips), activities by type, children, timers, and
 * the events and workflow tasks from its last timer fired (the deadline's) on.
 */
export async function historyCost(temporal: Client, workflowId: string) {
  const history = await temporal.workflow.getHandle(workflowId).fetchHistory();
  const events = history.events ?? [];
  const activities: Record<string, number> = {};
  let workflowTasks = 0;
  let children = 0;
  let timers = 0;
  let signals = 0;
  let localActivities = 0;
  const deadline = events.findLastIndex((event) => event.timerFiredEventAttributes);
  const closing = events.slice(deadline);
  const closingTasks = closing.filter((event) => event.workflowTaskCompletedEventAttributes).length;
  for (const event of events) {
    const type = event.activityTaskScheduledEventAttributes?.activityType?.name;
    if (type) activities[type] = (activities[type] ?? 0) + 1;
    if (event.markerRecordedEventAttributes?.markerName === 'core_local_activity') localActivities += 1;
    if (event.workflowTaskCompletedEventAttributes) workflowTasks += 1;
    if (event.startChildWorkflowExecutionInitiatedEventAttributes) children += 1;
    if (event.timerStartedEventAttributes) timers += 1;
    if (event.workflowExecutionSignaledEventAttributes) signals += 1;
  }
  return {
    events: events.length,
    workflowTasks,
    activities,
    children,
    timers,
    signals,
    localActivities,
    closing: closing.length,
    closingTasks,
  };
}

/** The cost of one project's lifecycle from its start in the campaign to its closing, as its histories show it. */
export async function closingCost(
  db: Db,
  temporal: Client,
  projectId: number,
): Promise<Record<string, string | number>> {
  const lifecycle = await historyCost(temporal, projectWorkflowId(projectId));
  const child = await historyCost(temporal, resolutionWorkflowId(projectId)).catch(() => undefined);
  const [outbox] = await db<{ queued: number }[]>`
    select count(*)::int as queued from email_outbox where project_id = ${projectId}`;
  const activityCount = (cost: typeof lifecycle) => Object.values(cost.activities).reduce((sum, n) => sum + n, 0);
  return {
    'lifecycle history events': lifecycle.events,
    'lifecycle workflow tasks (round trips)': lifecycle.workflowTasks,
    'from the deadline timer on: events / workflow tasks': `${lifecycle.closing} / ${lifecycle.closingTasks}`,
    'lifecycle activities': `${activityCount(lifecycle)} (${Object.entries(lifecycle.activities)
      .map(([name, n]) => `${name}×${n}`)
      .join(', ')}) and ${lifecycle.localActivities} local`,
    'child workflows / timers / signals': `${lifecycle.children} / ${lifecycle.timers} / ${lifecycle.signals}`,
    'child history events / workflow tasks / activities': child
      ? `${child.events} / ${child.workflowTasks} / ${activityCount(child)}`
      : 'none',
    'e-mails queued for the project': outbox!.queued,
  };
}
