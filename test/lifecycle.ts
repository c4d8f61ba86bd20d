import { mkdirSync, writeFileSync } from 'node:fs';
import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { expect } from 'vitest';
import { signalDonationChanged } from '../api/services/lifecycle.ts';
import type { Db } from '../db/client.ts';
import type { ProjectStatus } from '../domain/project-status.ts';
import type { Role } from '../domain/roles.ts';
import { projectWorkflowId, stateQuery } from '../workflows/project-lifecycle.messages.ts';
import type { Browser, createTestApp } from './app.ts';
import { insertUser } from './fixtures.ts';
import { recordPaidDonation } from './money.ts';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** One simulated day of the lifecycle in tests, in ms: a 7-day campaign lasts 0.7 s. */
export const TEST_DAY_MS = 100;
/** The API's LIFECYCLE_TIME_SCALE for that day length. */
export const TEST_TIME_SCALE = String(TEST_DAY_MS / 86_400_000);

/** Waits until the project's status in Postgres (the read model) is the one expected. */
export async function waitForStatus(db: Db, projectId: number, status: ProjectStatus, timeoutMs = 20_000) {
  const statusNow = async () => {
    const [row] = await db<{ status: string }[]>`select status from projects where id = ${projectId}`;
    return row?.status;
  };
  await expect.poll(statusNow, { timeout: timeoutMs }).toBe(status);
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
  const response = await client.request('POST', `/api/projects/${projectId}/${step}`, body);
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

/** A new user holding the role (scoped as given), signed in: its id, e-mail and HTTP client. */
export async function signIn(
  app: Pick<TestApp, 'db' | 'browser'>,
  role: Role,
  scope: Parameters<typeof insertUser>[2] = {},
): Promise<{ id: number; email: string; client: Browser }> {
  const user = await insertUser(app.db, role, scope);
  const client = app.browser();
  expect((await client.login(user.email)).status).toBe(200);
  return { ...user, client };
}

/** Submit, accept, attest (1er degré) through the API, each step answered as expected: the campaign is open. */
export async function publish(projectId: number, as: (role: 'porteur' | 'validateur' | 'directeur') => Browser) {
  expect((await act(as('porteur'), projectId, 'submit')).body.status).toBe('submitted');
  expect((await act(as('validateur'), projectId, 'review', { decision: 'accept' })).body.status).toBe(
    'awaiting_attestation',
  );
  const attested = await act(as('directeur'), projectId, 'attest', { ienApproved: true, dasenApproved: true });
  expect(attested.body.status).toBe('published');
}

/** A paid donation committed to Postgres, then signalled to the project's workflow, as the payment webhook does. */
export async function give(
  app: Pick<TestApp, 'db' | 'temporal'>,
  projectId: number,
  amountCents: number,
  donation: Omit<Parameters<typeof recordPaidDonation>[1], 'projectId' | 'amountCents'> = {},
): Promise<number> {
  const donationId = await recordPaidDonation(app.db, { projectId, amountCents, ...donation });
  await signalDonationChanged(app.temporal, projectId, donationId);
  return donationId;
}

/**
 * Keeps a workflow's history (the project's lifecycle unless another id is given) in .data/histories for the
 * replay test; copy the files to workflows/histories to commit them.
 */
export async function keepHistory(temporal: Client, name: string, workflowId: string, runId?: string) {
  const history = await temporal.workflow.getHandle(workflowId, runId).fetchHistory();
  mkdirSync('.data/histories', { recursive: true });
  writeFileSync(`.data/histories/${name}.json`, historyToJSON(history));
}
