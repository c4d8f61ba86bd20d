import type { Client } from '@temporalio/client';
import nodemailer from 'nodemailer';
import type { MailDeps } from '../activities/email-delivery.ts';
import { temporalDeliveryKicker } from '../workflows/email-delivery.messages.ts';

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

/** What the e-mail activities need: the transport, links, and a kick that starts the shards' deliveries at once. */
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
    kickDelivery: temporalDeliveryKicker(options.temporal, options.taskQueue),
  };
}
