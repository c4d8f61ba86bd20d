import { ScheduleAlreadyRunning, type Client } from '@temporalio/client';
import nodemailer from 'nodemailer';
import type { MailDeps } from '../activities/email-delivery.ts';
import type { emailDeliveryWorkflow } from '../workflows/email-delivery.ts';
import {
  deliverNowSignal,
  EMAIL_DELIVERY_EVERY,
  EMAIL_DELIVERY_SCHEDULE_ID,
  EMAIL_DELIVERY_WORKFLOW_ID,
  emailDeliveryNowWorkflowId,
} from '../workflows/email-delivery.messages.ts';

/** A pooled SMTP transport from an smtp:// or smtps:// URL, giving up well within the e-mail activity's timeout. */
export function createSmtpTransport(smtpUrl: string) {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  return nodemailer.createTransport({
    pool: true,
    maxConnections: 5,
    host: url.hostname,
    port: Number(url.port) || (secure ? 465 : 587),
    secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}

/** What the e-mail activities need: the transport, links, and a kick that starts a delivery at once. */
export function createMailDeps(options: {
  smtpUrl: string;
  from: string;
  publicUrl: string;
  linkSecret: string;
  temporal: Client;
  taskQueue: string;
}): MailDeps {
  return {
    transport: createSmtpTransport(options.smtpUrl),
    from: options.from,
    publicUrl: options.publicUrl,
    linkSecret: options.linkSecret,
    kickDelivery: async () => {
      await options.temporal.workflow.signalWithStart<typeof emailDeliveryWorkflow, []>('emailDeliveryWorkflow', {
        workflowId: emailDeliveryNowWorkflowId(options.taskQueue),
        taskQueue: options.taskQueue,
        args: [{}],
        signal: deliverNowSignal,
        signalArgs: [],
      });
    },
  };
}

/**
 * Creates the Temporal Schedule that delivers the outbox every minute (never two runs of it at once)
 * unless it already exists; safe at every start of every worker. Returns whether this call created it.
 */
export async function ensureEmailDeliverySchedule(options: {
  temporal: Client;
  taskQueue: string;
  scheduleId?: string;
}): Promise<'created' | 'existing'> {
  try {
    await options.temporal.schedule.create({
      scheduleId: options.scheduleId ?? EMAIL_DELIVERY_SCHEDULE_ID,
      spec: { intervals: [{ every: EMAIL_DELIVERY_EVERY }] },
      action: {
        type: 'startWorkflow',
        workflowType: 'emailDeliveryWorkflow',
        workflowId: EMAIL_DELIVERY_WORKFLOW_ID,
        taskQueue: options.taskQueue,
        args: [{}],
      },
      policies: { overlap: 'SKIP', catchupWindow: '1 minute' },
      memo: { description: 'E-mails : envoi des messages en attente de la boîte d’envoi, chaque minute.' },
    });
    return 'created';
  } catch (error) {
    if (error instanceof ScheduleAlreadyRunning) return 'existing';
    throw error;
  }
}
