import { fileURLToPath } from 'node:url';
import { Worker } from '@temporalio/worker';
import { afterAll, describe, expect, it } from 'vitest';
import { createNotificationActivities } from '../activities/notifications.ts';
import { recipientShard } from '../db/queries/outbox-delivery.ts';
import { EMAIL_DELIVERY_SHARDS } from '../domain/emails.ts';
import { createTestApp } from '../test/app.ts';
import { keepHistory } from '../test/lifecycle.ts';
import { projectWithDonors } from '../test/emails.ts';
import { caughtEmailsTo } from '../test/mailbox.ts';
import { deliver, sessionCompleted, startGift } from '../test/stripe-events.ts';
import { ensureEmailDeliverySchedule } from '../worker/schedules.ts';
import { emailDeliveryNowWorkflowId, type EmailDeliveryResult } from './email-delivery.messages.ts';

// The delivery workflow on the real Temporal server, with the test app's worker sending to MailDev. No delivery
// schedule runs until the last test creates one: an e-mail delivered before it was delivered because it was asked for.
const { app, browser, db, mail, temporal, taskQueue } = await createTestApp({ worker: true });
const WORKFLOWS = fileURLToPath(new URL('./index.ts', import.meta.url));
const scheduleId = `email-delivery-${taskQueue}`;

/** The delivery shard of each outbox e-mail to these addresses. */
const shardsOf = async (addresses: string[]) =>
  (
    await db<{ shard: number }[]>`
      select ${recipientShard(db, EMAIL_DELIVERY_SHARDS)} as shard from email_outbox o
      where to_address = any(${addresses}::citext[])`
  ).map((row) => row.shard);

afterAll(async () => {
  await temporal.schedule
    .getHandle(scheduleId)
    .delete()
    .catch(() => undefined);
});

describe('the e-mail delivery workflow', () => {
  it('is started as soon as e-mails are queued, and delivers them', async () => {
    const { queueProjectEmail } = createNotificationActivities({ db, mail });
    const { projectId, donors } = await projectWithDonors(db, ['Léa Martin', 'Hugo Petit']);
    await queueProjectEmail({ projectId, template: 'report_published', audience: 'donors', eventKey: 'r' });
    for (const donor of donors) {
      await expect.poll(async () => (await caughtEmailsTo(donor.email)).length, { timeout: 15_000 }).toBe(1);
    }
    const [row] =
      await db`select count(*)::int as n from email_outbox where project_id = ${projectId} and status = 'sent'`;
    expect(row?.n).toBe(2);
  });

  it('sends nothing again when its history is replayed or when it runs once more', async () => {
    const { queueProjectEmail } = createNotificationActivities({ db, mail });
    const { projectId, donors } = await projectWithDonors(db, ['Inès Roux']);
    await queueProjectEmail({ projectId, template: 'campaign_succeeded', audience: 'donors', eventKey: 's' });
    await expect.poll(async () => (await caughtEmailsTo(donors[0]!.email)).length, { timeout: 15_000 }).toBe(1);

    const [shard] = await shardsOf([donors[0]!.email]);
    const handle = temporal.workflow.getHandle(emailDeliveryNowWorkflowId(taskQueue, shard!));
    await handle.result();
    const history = await handle.fetchHistory();
    await expect(Worker.runReplayHistory({ workflowsPath: WORKFLOWS }, history)).resolves.toBeUndefined();
    await keepHistory(temporal, 'email-delivery', handle.workflowId);
    const again = await temporal.workflow.execute<(input: object) => Promise<EmailDeliveryResult>>(
      'emailDeliveryWorkflow',
      { workflowId: `email-delivery-again-${taskQueue}`, taskQueue, args: [{}] },
    );
    expect(again).toEqual({ sent: 0, retrying: 0, failed: 0, skipped: 0, errored: 0 });
    expect(await caughtEmailsTo(donors[0]!.email)).toHaveLength(1);
  });

  it('spreads the e-mails over several delivery workflows, each recipient in one, so none carries them all', async () => {
    const { queueProjectEmail } = createNotificationActivities({ db, mail });
    const names = ['Anna', 'Basile', 'Chloé', 'Denis', 'Emma', 'Fanny', 'Gaspard', 'Hélène', 'Igor', 'Jade', 'Karim'];
    const { projectId, donors } = await projectWithDonors(db, names);
    await queueProjectEmail({ projectId, template: 'report_published', audience: 'donors', eventKey: 'spread' });
    for (const donor of donors) {
      await expect.poll(async () => (await caughtEmailsTo(donor.email)).length, { timeout: 20_000 }).toBe(1);
    }
    const shards = new Set(await shardsOf(donors.map((donor) => donor.email)));
    expect(shards.size).toBeGreaterThan(1);
    for (const shard of shards) {
      const run = await temporal.workflow.getHandle(emailDeliveryNowWorkflowId(taskQueue, shard)).describe();
      expect(run.type).toBe('emailDeliveryWorkflow');
    }
  });

  it('thanks each donor of a burst of payments within seconds, without waiting for a schedule', async () => {
    const { projectId } = await projectWithDonors(db, []);
    const donor = browser();
    const gifts = await Promise.all(
      ['Lina', 'Marius', 'Nora', 'Oscar', 'Paul'].map((name) =>
        startGift(donor, db, {
          projectId,
          amountCents: 2_500,
          donorName: name,
          donorEmail: `${name.toLowerCase()}-${projectId}@example.org`,
        }),
      ),
    );
    const answers = await Promise.all(gifts.map((gift) => deliver(app, sessionCompleted(gift))));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    for (const name of ['Lina', 'Marius', 'Nora', 'Oscar', 'Paul']) {
      const address = `${name.toLowerCase()}-${projectId}@example.org`;
      await expect
        .poll(async () => (await caughtEmailsTo(address)).map((email) => email.subject), { timeout: 20_000 })
        .toEqual(['Merci pour votre don à « Classe de mer à Wimereux »']);
    }
  });

  it('also runs from a schedule, created once however often the worker starts', async () => {
    expect(await ensureEmailDeliverySchedule({ temporal, taskQueue, scheduleId })).toBe('created');
    expect(await ensureEmailDeliverySchedule({ temporal, taskQueue, scheduleId })).toBe('existing');
    const { queueProjectEmail } = createNotificationActivities({ db, mail: { ...mail, kickDelivery: undefined } });
    const { projectId, porteur } = await projectWithDonors(db, []);
    await queueProjectEmail({ projectId, template: 'project_published', audience: 'porteur', eventKey: 'p' });
    await temporal.schedule.getHandle(scheduleId).trigger();
    await expect.poll(async () => (await caughtEmailsTo(porteur.email)).length, { timeout: 15_000 }).toBe(1);
  });
});
