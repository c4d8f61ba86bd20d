import { fileURLToPath } from 'node:url';
import { Worker } from '@temporalio/worker';
import { afterAll, describe, expect, it } from 'vitest';
import { createNotificationActivities } from '../activities/notifications.ts';
import { createTestApp } from '../test/app.ts';
import { projectWithDonors } from '../test/emails.ts';
import { caughtEmailsTo } from '../test/mailbox.ts';
import { ensureEmailDeliverySchedule } from '../worker/schedules.ts';
import { emailDeliveryNowWorkflowId, type EmailDeliveryResult } from './email-delivery.messages.ts';

// The delivery workflow on the real Temporal server, with the test app's worker sending to MailDev.
const { db, mail, temporal, taskQueue } = await createTestApp({ worker: true });
const WORKFLOWS = fileURLToPath(new URL('./index.ts', import.meta.url));
const scheduleId = `email-delivery-${taskQueue}`;

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

    const handle = temporal.workflow.getHandle(emailDeliveryNowWorkflowId(taskQueue));
    await handle.result();
    const history = await handle.fetchHistory();
    await expect(Worker.runReplayHistory({ workflowsPath: WORKFLOWS }, history)).resolves.toBeUndefined();
    const again = await temporal.workflow.execute<(input: object) => Promise<EmailDeliveryResult>>(
      'emailDeliveryWorkflow',
      { workflowId: `email-delivery-again-${taskQueue}`, taskQueue, args: [{}] },
    );
    expect(again).toEqual({ sent: 0, retrying: 0, failed: 0, skipped: 0, errored: 0 });
    expect(await caughtEmailsTo(donors[0]!.email)).toHaveLength(1);
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
