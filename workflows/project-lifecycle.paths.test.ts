import { tsToMs } from '@temporalio/common/lib/time.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { balanceOf } from '../db/queries/ledger.ts';
import { createTestApp, type Browser } from '../test/app.ts';
import { insertProject, insertSchool } from '../test/fixtures.ts';
import {
  act,
  emailsTo,
  give,
  keepHistory,
  publish,
  signIn,
  TEST_DAY_MS,
  TEST_TIME_SCALE,
  timelineOf,
  waitForStatus,
} from '../test/lifecycle.ts';
import { ActivityGate, startGatedWorker } from '../test/lifecycle-worker.ts';
import { expectLedgerConsistent, insertReceivingStructure } from '../test/money.ts';
import { deliver, sessionCompleted, startGift } from '../test/stripe-events.ts';
import { projectWorkflowId } from './project-lifecycle.messages.ts';

// Paths of issue 12 seen from outside, on the real Temporal server: the review SLA in French working days
// (the calendar day of submission pinned, the rest real), cancellation before publication, and a payment
// landing after the payout. Each history is kept for the replay test.
const app = await createTestApp({ config: { LIFECYCLE_TIME_SCALE: TEST_TIME_SCALE } });
const { db, temporal, taskQueue } = app;
const gate = new ActivityGate();
await startGatedWorker(taskQueue, { db, stripe: app.stripe, mail: app.mail }, gate);

// the Monday before Christmas 2026, in Paris: its 5th working day is Tuesday 29 December, 8 calendar days on
const MONDAY_BEFORE_CHRISTMAS = '2026-12-21T09:00:00+01:00';
gate.rewrite('workingDaysToCalendarDays', (input) => ({ ...input, from: MONDAY_BEFORE_CHRISTMAS }));

let schoolUai: string;
const people: Record<string, { id: number; email: string; client: Browser }> = {};
const as = (name: string) => people[name]!.client;

beforeAll(async () => {
  schoolUai = await insertSchool(db);
  const roles = { porteur: 'porteur', validateur: 'validateur', directeur: 'directeur', admin: 'admin' } as const;
  for (const [name, role] of Object.entries(roles)) people[name] = await signIn(app, role, { schoolUai });
});

const POLL = { timeout: 15_000 };
const handleOf = (projectId: number) => temporal.workflow.getHandle(projectWorkflowId(projectId));
const keep = (projectId: number, name: string) => keepHistory(temporal, name, projectWorkflowId(projectId));

/** A project with its receiving structure, its bank details validated. */
async function newProject(options: Partial<Parameters<typeof insertProject>[1]> = {}) {
  const projectId = await insertProject(db, { schoolUai, porteurId: people.porteur!.id, campaignDays: 20, ...options });
  await insertReceivingStructure(db, { projectId });
  return projectId;
}

describe('the review SLA (defect 5)', () => {
  it('escalates after 5 French working days: submitted the Monday before Christmas, 8 days later, not 7', async () => {
    const projectId = await newProject();
    expect((await act(as('porteur'), projectId, 'submit')).body.status).toBe('submitted');
    await expect
      .poll(() => emailsTo(db, projectId, people.validateur!.email), POLL)
      .toEqual(['new_submission', 'review_sla_breached']);

    const events = (await handleOf(projectId).fetchHistory()).events ?? [];
    const timer = events.find((event) => event.timerStartedEventAttributes)?.timerStartedEventAttributes;
    expect(tsToMs(timer?.startToFireTimeout)).toBe(8 * TEST_DAY_MS);
    const fired = events.findIndex((event) => event.timerFiredEventAttributes?.timerId === timer?.timerId);
    const lastEmail = events.findLastIndex(
      (event) => event.activityTaskScheduledEventAttributes?.activityType?.name === 'queueProjectEmail',
    );
    expect(fired).toBeGreaterThan(0);
    expect(lastEmail).toBeGreaterThan(fired);
    await keep(projectId, 'review-sla-breached-after-holiday');
  });
});

describe('cancellation before publication', () => {
  it('ends a project under review: the porteur is told why, there is nothing to refund', async () => {
    const projectId = await newProject();
    await act(as('porteur'), projectId, 'submit');
    const cancelled = await act(as('admin'), projectId, 'cancel', { reason: 'Projet déposé deux fois.' });
    expect(cancelled).toEqual({ status: 200, body: expect.objectContaining({ status: 'cancelled' }) });
    expect(await handleOf(projectId).result()).toBe('cancelled');
    expect(await timelineOf(db, projectId)).toEqual(['submitted', 'cancelled']);
    expect(await emailsTo(db, projectId, people.porteur!.email)).toEqual(['project_submitted', 'project_cancelled']);
    await keep(projectId, 'cancelled-in-review');
  });

  it('ends a project awaiting the directeur’s attestation, who is asked nothing more', async () => {
    const projectId = await newProject();
    await act(as('porteur'), projectId, 'submit');
    await act(as('validateur'), projectId, 'review', { decision: 'accept' });
    const cancelled = await act(as('admin'), projectId, 'cancel', { reason: 'L’école a fermé.' });
    expect(cancelled.body.status).toBe('cancelled');
    expect(await handleOf(projectId).result()).toBe('cancelled');
    expect(await timelineOf(db, projectId)).toEqual(['submitted', 'accepted', 'awaiting_attestation', 'cancelled']);
    const attest = await act(as('directeur'), projectId, 'attest', { ienApproved: true, dasenApproved: true });
    expect(attest.status).toBe(409);
    await keep(projectId, 'cancelled-awaiting-attestation');
  });
});

describe('a payment landing after the payout (defect 12)', () => {
  it('is counted in the project’s account and flagged for an admin to forward or refund: no money is lost', async () => {
    const projectId = await newProject({ campaignDays: 90, minimumGoalCents: 20_000, optimumGoalCents: 60_000 });
    await publish(projectId, as);
    const late = await startGift(app.browser(), db, { projectId, amountCents: 5_000 });
    await give(app, projectId, 60_000);
    await waitForStatus(db, projectId, 'paid_out');
    const [payout] = await db`select amount_cents from payouts where project_id = ${projectId}`;
    expect(payout?.amountCents).toBe(60_000);

    const paid = await deliver(app.app, sessionCompleted(late));
    expect(await paid.json()).toMatchObject({ outcome: 'paid' });
    expect(await balanceOf(db, `project:${projectId}`)).toBe(5_000);
    const anomalies = await db`select kind from payment_anomalies where donation_id = ${late.id}`;
    expect(anomalies).toEqual([{ kind: 'paid_after_close' }]);
    expect((await db`select amount_cents from payouts where project_id = ${projectId}`).length).toBe(1);
    await expectLedgerConsistent(db);
  });
});
