import { beforeAll, describe, expect, it } from 'vitest';
import { LIFECYCLE_WORKFLOW_TYPE, lifecycleInput } from '../api/services/lifecycle.ts';
import { findCampaignProgress } from '../db/queries/grants.ts';
import { findLifecycleFacts } from '../db/queries/projects.ts';
import { CANCEL_WHILE_CLOSING } from '../domain/lifecycle.ts';
import { createTestApp, type Browser } from '../test/app.ts';
import { insertProject, insertSchool } from '../test/fixtures.ts';
import {
  act,
  emailsTo,
  give,
  keepHistory,
  publish,
  signIn,
  TEST_TIME_SCALE,
  waitForStatus,
} from '../test/lifecycle.ts';
import { ActivityGate, startGatedWorker } from '../test/lifecycle-worker.ts';
import {
  expectLedgerConsistent,
  insertReceivingStructure,
  insertSolidarityFund,
  recordPaidDonation,
} from '../test/money.ts';
import { projectWorkflowId, stateQuery } from './project-lifecycle.messages.ts';

// The lifecycle's edges (issue 12), on the real Temporal server, with a worker whose activities a test can
// hold (to land a signal or an update while one runs) or make fail for good once.
const app = await createTestApp({ config: { LIFECYCLE_TIME_SCALE: TEST_TIME_SCALE } });
const { db, temporal, taskQueue } = app;
const gate = new ActivityGate();
await startGatedWorker(taskQueue, { db, stripe: app.stripe, mail: app.mail }, gate);

let schoolUai: string;
const people: Record<string, { id: number; email: string; client: Browser }> = {};
const as = (name: string) => people[name]!.client;

beforeAll(async () => {
  schoolUai = await insertSchool(db);
  await insertSolidarityFund(db);
  const roles = { porteur: 'porteur', validateur: 'validateur', directeur: 'directeur', admin: 'admin' } as const;
  for (const [name, role] of Object.entries(roles)) people[name] = await signIn(app, role, { schoolUai });
});

const POLL = { timeout: 15_000 };
const handleOf = (projectId: number) => temporal.workflow.getHandle(projectWorkflowId(projectId));
const keep = (projectId: number, name: string) => keepHistory(temporal, name, projectWorkflowId(projectId));
const stateOf = (projectId: number) => handleOf(projectId).query(stateQuery);

/** A project with its receiving structure (bank details validated unless told), published through the API. */
async function publishedProject(goals: { minimumGoalCents: number; optimumGoalCents: number }, validated = true) {
  const projectId = await insertProject(db, { schoolUai, porteurId: people.porteur!.id, campaignDays: 7, ...goals });
  const structureId = await insertReceivingStructure(db, { projectId, bankDetailsValidated: validated });
  await publish(projectId, as);
  return { projectId, structureId };
}

/**
 * A project collecting from now for `hours`, its lifecycle started with a two-hour campaign's durations and that
 * top-up window (the window opens at the later of the deadline minus it and the campaign's half).
 */
async function collecting(hours: number, topUpWindowMs: number) {
  const projectId = await insertProject(db, { schoolUai, porteurId: people.porteur!.id, campaignDays: 90 });
  await insertReceivingStructure(db, { projectId });
  await db`update projects set status = 'published', campaign_starts_at = now(),
           campaign_ends_at = now() + make_interval(hours => ${hours}) where id = ${projectId}`;
  const input = lifecycleInput((await findLifecycleFacts(db, projectId))!, Number(TEST_TIME_SCALE));
  input.durations = { ...input.durations, campaign: 7_200_000, topUpWindow: topUpWindowMs };
  const workflowId = projectWorkflowId(projectId);
  await temporal.workflow.start(LIFECYCLE_WORKFLOW_TYPE, { workflowId, taskQueue, args: [input] });
  return projectId;
}

describe('live figures (defect 1)', () => {
  it('count a gift whose signal lands while the top-up request runs, long before the deadline', async () => {
    const held = gate.hold('requestTopUpGrants');
    // an hour left of a campaign whose top-up window is two hours: open at once
    const projectId = await collecting(1, 7_200_000);
    await held;
    await give(app, projectId, 3_000);
    await give(app, projectId, 2_000);
    gate.release();
    const ledger = await findCampaignProgress(db, projectId);
    expect(ledger.collectedCents).toBe(5_000);
    await expect
      .poll(async () => {
        const { status, collectedCents, donorCount } = await stateOf(projectId);
        return { status, collectedCents, donorCount };
      }, POLL)
      .toEqual({ status: 'published', collectedCents: 5_000, donorCount: ledger.donorCount });
    await keep(projectId, 'gifts-during-top-up-request');
    await handleOf(projectId).terminate('test over');
  });
});

describe('the top-up window (defect 13)', () => {
  it('opens no earlier than the campaign’s half, even when D days are longer than the campaign', async () => {
    // a two-hour campaign whose top-up window (D) is as long: the window opens at its half, in an hour
    const projectId = await collecting(2, 7_200_000);
    await give(app, projectId, 3_000);
    await expect.poll(async () => (await stateOf(projectId)).collectedCents, POLL).toBe(3_000);
    const history = await handleOf(projectId).fetchHistory();
    const scheduled = (history.events ?? []).map((event) => event.activityTaskScheduledEventAttributes?.activityType);
    expect(scheduled.map((type) => type?.name).filter(Boolean)).not.toContain('requestTopUpGrants');
    await handleOf(projectId).terminate('test over');
  });
});

describe('the campaign’s timer', () => {
  it('stays one timer however many gifts wake the campaign before its top-up window', async () => {
    // the top-up window opens in an hour: until then the campaign waits for it on one timer
    const projectId = await collecting(2, 3_600_000);
    let collected = 0;
    for (const cents of [1_000, 2_000, 3_000]) {
      await give(app, projectId, cents);
      collected += cents;
      // each gift seen before the next: three wakes of the campaign, each in its own workflow task
      await expect.poll(async () => (await stateOf(projectId)).collectedCents, POLL).toBe(collected);
    }
    const events = (await handleOf(projectId).fetchHistory()).events ?? [];
    expect({
      signals: events.filter((event) => event.workflowExecutionSignaledEventAttributes).length,
      timersStarted: events.filter((event) => event.timerStartedEventAttributes).length,
      timersCancelled: events.filter((event) => event.timerCanceledEventAttributes).length,
    }).toEqual({ signals: 3, timersStarted: 1, timersCancelled: 0 });
    await keep(projectId, 'gifts-on-one-timer');
    await handleOf(projectId).terminate('test over');
  });
});

describe('a cancellation while the campaign closes (defect 3)', () => {
  it('is refused at once with a French reason, and the campaign closes', async () => {
    const projectId = await insertProject(db, { schoolUai, porteurId: people.porteur!.id, campaignDays: 7 });
    await insertReceivingStructure(db, { projectId });
    await db`update projects set status = 'published', campaign_starts_at = now() - interval '8 days',
             campaign_ends_at = now() - interval '1 second' where id = ${projectId}`;
    // the first read of the figures opens the loop; the second is the closing one
    const held = gate.hold('getCampaignProgress', 1);
    const input = lifecycleInput((await findLifecycleFacts(db, projectId))!, Number(TEST_TIME_SCALE));
    await temporal.workflow.start(LIFECYCLE_WORKFLOW_TYPE, {
      workflowId: projectWorkflowId(projectId),
      taskQueue,
      args: [input],
    });
    await held;
    // the held read is a local activity: the closing's workflow task stays open, and the update is judged and
    // answered at its heartbeats (every 8 s), still closing
    const cancel = await act(as('admin'), projectId, 'cancel', { reason: 'Sortie annulée par la préfecture.' });
    expect(cancel).toEqual({ status: 409, body: expect.objectContaining({ message: CANCEL_WHILE_CLOSING }) });
    gate.release();
    await waitForStatus(db, projectId, 'closed');
    await handleOf(projectId).result();
    await keep(projectId, 'cancel-refused-while-closing');
  });
});

describe('a payout waiting for bank details (defects 2 and 4)', () => {
  it('waits visibly, tells the gestionnaire and the admins, and pays once the details are validated', async () => {
    const { projectId, structureId } = await publishedProject(
      { minimumGoalCents: 50_000, optimumGoalCents: 60_000 },
      false,
    );
    const gestionnaire = await signIn(app, 'gestionnaire', { structureId });
    await give(app, projectId, 60_000);
    await waitForStatus(db, projectId, 'payout_pending');
    for (const email of [gestionnaire.email, people.admin!.email]) {
      await expect.poll(() => emailsTo(db, projectId, email), POLL).toContain('payout_waiting_bank_details');
    }
    expect((await handleOf(projectId).describe()).status.name).toBe('RUNNING');

    const [reviewed] = await db`select legal_name, iban, bic from receiving_structures where id = ${structureId}`;
    const validated = await as('admin').request(
      'POST',
      `/api/structures/${structureId}/validate-bank-details`,
      reviewed,
    );
    expect(validated.status).toBe(200);
    await waitForStatus(db, projectId, 'paid_out');
    const [payout] = await db`select amount_cents, structure_id from payouts where project_id = ${projectId}`;
    expect(payout).toEqual({ amountCents: 60_000, structureId });
    await keep(projectId, 'payout-waiting-for-bank-details');
  });

  it('may still be cancelled: every donor is refunded and told why (defect 10)', async () => {
    const { projectId } = await publishedProject({ minimumGoalCents: 20_000, optimumGoalCents: 60_000 }, false);
    const gifts = [await give(app, projectId, 12_000), await give(app, projectId, 10_000)];
    await waitForStatus(db, projectId, 'payout_pending');
    const reason = 'Le séjour est annulé : le centre d’accueil a fermé.';
    const cancelled = await act(as('admin'), projectId, 'cancel', { reason });
    expect(cancelled).toEqual({ status: 200, body: expect.objectContaining({ status: 'cancelled' }) });
    const statuses = () => db`select status from donations where id = any(${gifts}) order by id`;
    await expect
      .poll(async () => (await statuses()).map((row) => row.status), { timeout: 15_000 })
      .toEqual(['refund_requested', 'refund_requested']);
    const mails = await db<{ textBody: string }[]>`
      select text_body from email_outbox where project_id = ${projectId} and template = 'project_cancelled'
        and audience = 'donors'`;
    expect(mails).toHaveLength(2);
    for (const mail of mails) {
      expect(mail.textBody).toContain(reason);
      expect(mail.textBody).toContain('intégralement remboursé');
    }
    expect(await db`select id from payouts where project_id = ${projectId}`).toHaveLength(0);
    await expectLedgerConsistent(db);
    await handleOf(projectId).result();
    await keep(projectId, 'cancelled-awaiting-payout');
  });
});

describe('a stopped lifecycle (defect 9)', () => {
  it('is never restarted by a refused step; admins see it among stuck projects and resume it', async () => {
    const projectId = await insertProject(db, { schoolUai, porteurId: people.porteur!.id, campaignDays: 60 });
    await insertReceivingStructure(db, { projectId });
    await publish(projectId, as);
    await recordPaidDonation(db, { projectId, amountCents: 5_000 });
    const { runId } = await handleOf(projectId).describe();
    await handleOf(projectId).terminate('panne simulée');

    const refused = await act(as('admin'), projectId, 'cancel', { reason: 'Sortie annulée par la préfecture.' });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('Le processus de ce projet est arrêté');
    const after = await handleOf(projectId).describe();
    expect({ runId: after.runId, status: after.status.name }).toEqual({ runId, status: 'TERMINATED' });
    expect((await db`select status from projects where id = ${projectId}`)[0]?.status).toBe('published');

    await expect
      .poll(async () => (await as('admin').getJson('/api/stuck-projects')).body.data, { timeout: 15_000 })
      .toContainEqual(expect.objectContaining({ projectId, kind: 'stopped', status: 'published' }));
    const resumed = await as('admin').request('POST', `/api/projects/${projectId}/lifecycle/resume`);
    expect(await resumed.json()).toEqual({ resumed: 'restarted' });
    const again = await as('admin').request('POST', `/api/projects/${projectId}/lifecycle/resume`);
    expect(again.status).toBe(409);
    expect((await again.json()).message).toBe('Ce projet n’est pas bloqué : son processus suit son cours.');
    const cancelled = await act(as('admin'), projectId, 'cancel', { reason: 'Sortie annulée par la préfecture.' });
    expect(cancelled.body.status).toBe('cancelled');
    await keep(projectId, 'restarted-then-cancelled');
  });
});

describe('a step that fails for good', () => {
  it('stops the project for an admin instead of failing its workflow; once resumed, it carries on', async () => {
    gate.failOnce('commitGrants');
    const { projectId } = await publishedProject({ minimumGoalCents: 30_000, optimumGoalCents: 30_000 });
    await give(app, projectId, 30_000);
    await expect.poll(async () => (await stateOf(projectId)).incident ?? '', POLL).toContain('Panne simulée');
    expect((await handleOf(projectId).describe()).status.name).toBe('RUNNING');
    await expect.poll(() => emailsTo(db, projectId, people.admin!.email), POLL).toContain('lifecycle_incident');
    const stuck = await as('admin').getJson('/api/stuck-projects');
    expect(stuck.body.data).toContainEqual(expect.objectContaining({ projectId, kind: 'incident' }));
    const blocked = await act(as('admin'), projectId, 'cancel', { reason: 'Sortie annulée par la préfecture.' });
    expect(blocked.status).toBe(409);

    const resumed = await as('admin').request('POST', `/api/projects/${projectId}/lifecycle/resume`);
    expect(await resumed.json()).toEqual({ resumed: 'step_retried' });
    await waitForStatus(db, projectId, 'paid_out');
    const open = await db`select id from lifecycle_incidents where project_id = ${projectId} and resolved_at is null`;
    expect(open).toHaveLength(0);
    await keep(projectId, 'incident-resumed');
  });
});
