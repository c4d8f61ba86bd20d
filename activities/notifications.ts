import { ApplicationFailure } from '@temporalio/activity';
import type { Db, Tx } from '../db/client.ts';
import { listPaidDonations, takeDueThanks } from '../db/queries/donations.ts';
import { accountOf } from '../db/queries/users.ts';
import {
  donorsOf,
  enqueueEmailsInShards,
  progressWindows,
  projectTitle,
  recipientsOf,
  type Audience,
} from '../db/queries/outbox.ts';
import { EMAIL_DELIVERY_SHARDS, emailKindOf, progressSendAfter, type DeliveryShard } from '../domain/emails.ts';
import type { MailDeps } from './email-delivery.ts';
import { prepareEmail } from './email-render.ts';
import { formatEuros } from '../domain/format.ts';
import { donorSpaceUrlFor, manageGiftUrlFor, messageIdFor, projectUrlFor, unsubscribeUrlFor } from './email-urls.ts';
import { emailTextOf } from './notification-texts.ts';

/** How a donor e-mail differs from its template's defaults. */
interface DonorEmailOptions {
  actionLabel?: string;
  tx?: Tx;
  /** about the donor's space rather than the gift's project: no project line */
  account?: boolean;
  links?: { label: string; url: string }[];
  /** a paragraph of its own (the receipt's number, sum and date…) */
  message?: string;
}

/**
 * Activities that write project e-mails to the outbox, rendered (French, HTML and plain text); delivery
 * over SMTP is a separate step. Each e-mail is unique per (template, project, triggering event, recipient):
 * a retry writes nothing twice. A progress e-mail waits while the recipient's last one is under 3 days old.
 */
export function createNotificationActivities({ db, mail }: { db: Db; mail: MailDeps }) {
  const now = mail.now ?? (() => new Date());

  /** Writes e-mails to the outbox; outside a transaction, asks their delivery shards to send them at once. */
  async function enqueue(tx: Tx, emails: Parameters<typeof enqueueEmailsInShards>[1]) {
    const { queued, shards } = await enqueueEmailsInShards(tx, emails, EMAIL_DELIVERY_SHARDS);
    if (tx === db) mail.kickDelivery?.(shards);
    return { queued, shards };
  }

  /**
   * Queues one transactional e-mail per gift to its donor (gifts to the same project or fund), whose button opens
   * the gift's `actionUrl` (their gift's page, their receipt…) or else the project's page; returns how many were new.
   */
  async function queueDonorEmails(
    template: string,
    eventKey: string,
    gifts: { donationId: number; actionUrl?: string }[],
    options: DonorEmailOptions = {},
  ): Promise<{ queued: number; shards: number[] }> {
    const { actionLabel, tx = db, account, links, message } = options;
    const words = wordsOf(template, 'donors');
    const donors = await donorsOf(
      tx,
      gifts.map((gift) => gift.donationId),
    );
    const first = donors[0];
    if (!first) return { queued: 0, shards: [] };
    const fill = await prepareEmail({
      words: { ...words, action: actionLabel ?? words.action },
      projectTitle: first.supported,
      projectUrl: first.projectId === null ? mail.publicUrl : projectUrlFor(mail.publicUrl, first.projectId, 'donors'),
      earlier: [],
      unsubscribable: false,
      account,
      links,
      message,
    });
    const actionUrls = new Map(gifts.map((gift) => [gift.donationId, gift.actionUrl]));
    const at = now();
    const emails = donors.map((donor) => {
      const content = fill({
        name: donor.name,
        actionUrl: actionUrls.get(donor.donationId),
        amount: formatEuros(donor.amountCents),
      });
      const dedupeKey = `${template}:donation-${donor.donationId}:${eventKey}`;
      return {
        dedupeKey,
        messageId: messageIdFor(dedupeKey, mail.from),
        template,
        kind: 'transactional' as const,
        audience: 'donors' as const,
        toAddress: donor.email,
        recipientName: donor.name,
        subject: content.subject,
        textBody: content.text,
        htmlBody: content.html,
        projectId: donor.projectId,
        sendAfter: at,
      };
    });
    return enqueue(tx, emails);
  }

  return {
    /**
     * Queues one e-mail per recipient of the audience (with the person's `message`, if any, after the
     * template's words) and asks for a delivery; returns how many were new.
     */
    async queueProjectEmail(request: {
      projectId: number;
      template: string;
      audience: Audience;
      eventKey: string;
      message?: string;
    }): Promise<{ queued: number }> {
      const { projectId, template, audience } = request;
      const words = wordsOf(template, audience);
      const kind = emailKindOf(template, audience);
      const recipients = await recipientsOf(db, projectId, audience);
      if (recipients.length === 0) return { queued: 0 };
      const fill = await prepareEmail({
        words,
        projectTitle: (await projectTitle(db, projectId)) ?? `n° ${projectId}`,
        projectUrl: projectUrlFor(mail.publicUrl, projectId, audience),
        earlier: [],
        unsubscribable: kind !== 'transactional',
        message: request.message,
      });
      const windows =
        kind === 'progress'
          ? await progressWindows(
              db,
              projectId,
              recipients.map((r) => r.email),
            )
          : null;
      const at = now();
      const emails = await Promise.all(
        recipients.map(async (recipient) => {
          const dedupeKey = `${template}:${projectId}:${request.eventKey}:${recipient.email.toLowerCase()}`;
          const unsubscribeUrl =
            kind === 'transactional'
              ? undefined
              : await unsubscribeUrlFor(mail.publicUrl, mail.linkSecret, { email: recipient.email, projectId });
          const content = fill({ name: recipient.name, unsubscribeUrl });
          const window = windows?.get(recipient.email.toLowerCase()) ?? { lastSentAt: null, heldUntil: null };
          return {
            dedupeKey,
            messageId: messageIdFor(dedupeKey, mail.from),
            template,
            kind,
            audience,
            toAddress: recipient.email,
            recipientName: recipient.name,
            subject: content.subject,
            textBody: content.text,
            htmlBody: content.html,
            projectId,
            sendAfter: kind === 'progress' ? progressSendAfter(at, window) : at,
          };
        }),
      );
      const { queued } = await enqueue(db, emails);
      return { queued };
    },

    /**
     * Queues, for each paid gift of a failed project, one e-mail to its donor with their signed "manage my
     * gift" link, where they choose a refund or a redirect; returns how many were new.
     */
    /**
     * Queues the thank-you e-mail of every gift the webhook marked paid since the last run (at most `limit`; with a
     * shard, only its gifts), in the transaction that clears their marks, then asks their recipients' shards to
     * send them; returns how many were new.
     */
    async queueDueThanks({ limit, shard }: { limit: number; shard?: DeliveryShard }): Promise<{ queued: number }> {
      const thanksLinks = [
        { label: 'Mon espace donateur (dons, reçus, nouvelles)', url: donorSpaceUrlFor(mail.publicUrl) },
      ];
      const { queued, shards } = await db.begin(async (tx) => {
        const due = await takeDueThanks(tx, limit, shard);
        const bySupported = new Map<string, typeof due>();
        for (const gift of due) {
          const key = `${gift.projectId}:${gift.fundId}`;
          bySupported.set(key, [...(bySupported.get(key) ?? []), gift]);
        }
        const written = { queued: 0, shards: new Set<number>() };
        for (const gifts of bySupported.values()) {
          const { queued, shards } = await queueDonorEmails('donation_thanks', 'paid', gifts, {
            tx,
            links: thanksLinks,
          });
          written.queued += queued;
          for (const index of shards) written.shards.add(index);
        }
        return written;
      });
      mail.kickDelivery?.([...shards]);
      return { queued };
    },

    /**
     * Queues one e-mail to an account's owner about their account (an invitation…), naming the project it is about
     * if any; returns how many were new.
     */
    async queueAccountEmail(request: {
      userId: number;
      template: string;
      eventKey: string;
      actionUrl: string;
      projectId?: number;
    }): Promise<{ queued: number }> {
      const { userId, template, eventKey, actionUrl, projectId = null } = request;
      const words = wordsOf(template, 'porteur');
      const owner = await accountOf(db, userId);
      if (!owner) throw ApplicationFailure.nonRetryable(`Unknown account ${userId}`, 'AccountNotFound');
      const fill = await prepareEmail({
        words,
        projectTitle: (projectId !== null && (await projectTitle(db, projectId))) || 'Trousse à Projets',
        projectUrl: actionUrl,
        earlier: [],
        unsubscribable: false,
        account: true,
      });
      const content = fill({ name: owner.name });
      const dedupeKey = `${template}:user-${userId}:${eventKey}`;
      const { queued } = await enqueue(db, [
        {
          dedupeKey,
          messageId: messageIdFor(dedupeKey, mail.from),
          template,
          kind: 'transactional',
          audience: 'porteur',
          toAddress: owner.email,
          recipientName: owner.name,
          subject: content.subject,
          textBody: content.text,
          htmlBody: content.html,
          projectId,
          sendAfter: now(),
        },
      ]);
      return { queued };
    },

    async queueFailureChoiceEmails({ projectId }: { projectId: number }): Promise<{ queued: number }> {
      const gifts = await Promise.all(
        (await listPaidDonations(db, projectId)).map(async ({ donationId }) => ({
          donationId,
          actionUrl: await manageGiftUrlFor(mail.publicUrl, mail.linkSecret, donationId),
        })),
      );
      const { queued } = await queueDonorEmails('campaign_failed_choice', 'failure-choice', gifts, {
        actionLabel: 'Choisir : remboursement ou fonds de solidarité',
      });
      return { queued };
    },

    /**
     * Queues one transactional e-mail to a donation's donor, whose button opens `actionUrl` (their gift's page,
     * their receipt…) or else the supported project's page; returns how many were new (0 or 1).
     */
    async queueDonorEmail(request: {
      donationId: number;
      template: string;
      eventKey: string;
      actionUrl?: string;
      actionLabel?: string;
      account?: boolean;
      message?: string;
    }): Promise<{ queued: number }> {
      const { donationId, template, eventKey, actionUrl, actionLabel, account, message } = request;
      const { queued } = await queueDonorEmails(template, eventKey, [{ donationId, actionUrl }], {
        actionLabel,
        account,
        message,
      });
      return { queued };
    },
  };
}

function wordsOf(template: string, audience: Audience) {
  const words = emailTextOf(template, audience);
  if (!words) throw ApplicationFailure.nonRetryable(`Unknown e-mail template ${template}`, 'UnknownTemplate');
  return words;
}
