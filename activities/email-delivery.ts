import type { SendMailOptions } from 'nodemailer';
import type { Db } from '../db/client.ts';
import { projectTitle } from '../db/queries/outbox.ts';
import {
  claimEmail,
  dueEmailIds,
  markEmailSent,
  recordEmailFailure,
  saveEmailContent,
  type ClaimedEmail,
} from '../db/queries/outbox-delivery.ts';
import { DELIVERY_LEASE_MS, MAX_DELIVERY_ATTEMPTS, retryDelayMs, type DeliveryShard } from '../domain/emails.ts';
import { prepareEmail, type EmailContent } from './email-render.ts';
import { projectUrlFor, unsubscribeUrlFor } from './email-urls.ts';
import { emailTextOf } from './notification-texts.ts';

/** What e-mail activities are built from: an SMTP transport, the sender, link settings and a clock. */
export interface MailDeps {
  transport: { sendMail(message: SendMailOptions): Promise<unknown>; close?(): void };
  from: string;
  /** base of the links in e-mails (PUBLIC_URL) */
  publicUrl: string;
  /** signs unsubscribe links (EMAIL_LINK_SECRET) */
  linkSecret: string;
  /**
   * asks, without waiting and never failing, for delivery runs of these shards at once, after e-mails were queued
   * in them (the schedule runs one over the whole outbox every minute anyway)
   */
  kickDelivery?: (shards: number[]) => void;
  now?: () => Date;
}

/** What one delivery attempt of one e-mail came to. */
export type DeliveryOutcome = 'sent' | 'retrying' | 'failed' | 'skipped' | 'not_deliverable';

/** SMTP replies 5xx mean the message will never be accepted: no point in trying again. */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

function describe(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  return [code, message ?? String(error)].filter(Boolean).join(' : ').slice(0, 1000);
}

/**
 * Activities that deliver the outbox over SMTP. Each e-mail is claimed before it is sent, so a retried
 * activity or a second delivery run never sends it twice; see deliverEmail for the one edge.
 */
export function createEmailDeliveryActivities({ db, mail }: { db: Db; mail: MailDeps }) {
  const now = mail.now ?? (() => new Date());
  const clock = () => {
    const at = now();
    return { now: at, staleBefore: new Date(at.getTime() - DELIVERY_LEASE_MS) };
  };

  const unsubscribeUrlOf = (email: ClaimedEmail) =>
    email.kind === 'transactional' || email.projectId === null
      ? undefined
      : unsubscribeUrlFor(mail.publicUrl, mail.linkSecret, { email: email.toAddress, projectId: email.projectId });

  async function mergedContent(email: ClaimedEmail, unsubscribeUrl: string | undefined): Promise<EmailContent> {
    const audience = email.audience ?? 'donors';
    const projectId = email.projectId ?? 0;
    const words = emailTextOf(email.template, audience);
    if (!words) return { subject: email.subject, text: email.textBody, html: email.htmlBody ?? '' };
    const fill = await prepareEmail({
      words,
      projectTitle: (await projectTitle(db, projectId)) ?? `n° ${projectId}`,
      projectUrl: projectUrlFor(mail.publicUrl, projectId, audience),
      earlier: email.mergedTemplates.map((template) => emailTextOf(template, audience)?.milestone ?? template),
      unsubscribable: unsubscribeUrl !== undefined,
    });
    const content = fill({ name: email.recipientName, unsubscribeUrl });
    await saveEmailContent(db, email.id, content);
    return content;
  }

  return {
    /**
     * The ids of the e-mails due now (retries and throttled progress e-mails wait their turn), at most `limit`;
     * with a shard, only its recipients'.
     */
    async listDueEmails(request: { limit: number; shard?: DeliveryShard }): Promise<{ emailIds: number[] }> {
      return { emailIds: await dueEmailIds(db, { ...clock(), ...request }) };
    },

    /**
     * Sends one outbox e-mail over SMTP and marks it sent; a failure is recorded and retried later with
     * backoff, up to MAX_DELIVERY_ATTEMPTS (an SMTP 5xx fails at once). Only a claim that outlived its lease
     * (a crash between the SMTP send and the mark) sends again, with the same Message-ID: at least once.
     */
    async deliverEmail(request: { emailId: number }): Promise<{ outcome: DeliveryOutcome }> {
      const claim = clock();
      const email = await claimEmail(db, { ...claim, id: request.emailId });
      if (!email) return { outcome: 'not_deliverable' };
      if (email.unsubscribed) return { outcome: 'skipped' };
      const unsubscribeUrl = await unsubscribeUrlOf(email);
      const content = email.mergedTemplates.length
        ? await mergedContent(email, unsubscribeUrl)
        : { subject: email.subject, text: email.textBody, html: email.htmlBody ?? undefined };
      try {
        await mail.transport.sendMail({
          from: mail.from,
          to: { name: email.recipientName, address: email.toAddress },
          subject: content.subject,
          text: content.text,
          html: content.html,
          messageId: email.messageId ?? undefined,
          headers: {
            'X-Trousse-Template': email.template,
            ...(unsubscribeUrl
              ? { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
              : {}),
          },
        });
      } catch (error) {
        const retry = !isPermanent(error) && email.attempts < MAX_DELIVERY_ATTEMPTS;
        const retryAt = retry ? new Date(now().getTime() + retryDelayMs(email.attempts)) : null;
        await recordEmailFailure(db, { id: email.id, claimedAt: claim.now, error: describe(error), retryAt });
        return { outcome: retry ? 'retrying' : 'failed' };
      }
      await markEmailSent(db, { id: email.id, claimedAt: claim.now, sentAt: now() });
      return { outcome: 'sent' };
    },
  };
}
