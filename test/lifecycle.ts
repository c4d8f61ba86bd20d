import type { Client } from '@temporalio/client';
import { expect } from 'vitest';
import type { Db } from '../db/client.ts';
import type { ProjectStatus } from '../domain/project-status.ts';
import { projectWorkflowId, stateQuery } from '../workflows/project-lifecycle.messages.ts';
import type { Browser } from './app.ts';

/** One simulated day of the lifecycle in tests, in ms: a 7-day campaign lasts 0.7 s. */
export const TEST_DAY_MS = 100;
/** The API's LIFECYCLE_TIME_SCALE for that day length. */
export const TEST_TIME_SCALE = String(TEST_DAY_MS / 86_400_000);

/** Waits until the project's status in Postgres (the read model) is the one expected. */
export async function waitForStatus(db: Db, projectId: number, status: ProjectStatus, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  let current: string | undefined;
  while (Date.now() < deadline) {
    [{ status: current } = { status: undefined }] = await db<{ status: string }[]>`
      select status from projects where id = ${projectId}`;
    if (current === status) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect.fail(`project ${projectId} stayed ${current}, expected ${status}`);
}

/** The statuses of the project's timeline, in order. */
export async function timelineOf(db: Db, projectId: number): Promise<string[]> {
  const rows = await db<{ toStatus: string }[]>`
    select to_status from project_status_history where project_id = ${projectId} order by id`;
  return rows.map((row) => row.toStatus);
}

/** The templates queued for a recipient about a project, in order. */
export async function emailsTo(db: Db, projectId: number, email: string): Promise<string[]> {
  const rows = await db<{ template: string }[]>`
    select template from email_outbox where project_id = ${projectId} and to_address = ${email} order by id`;
  return rows.map((row) => row.template);
}

/** Posts a human step as a signed-in user and returns the status code and body. */
export async function act(client: Browser, projectId: number, step: string, body?: object) {
  const response = await client.request('POST', `/api/projects/${projectId}/${step}`, body ?? undefined);
  return { status: response.status, body: (await response.json()) as { status?: string; message?: string } };
}

/**
 * Waits until the project's workflow itself is in the status (its state query), which follows the read
 * model by a workflow task: a human step sent right after must wait for this, not only for Postgres.
 */
export async function waitForWorkflowStatus(temporal: Client, projectId: number, status: ProjectStatus) {
  await expect
    .poll(async () => (await temporal.workflow.getHandle(projectWorkflowId(projectId)).query(stateQuery)).status, {
      timeout: 20_000,
    })
    .toBe(status);
}
