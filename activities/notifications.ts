import { ApplicationFailure } from '@temporalio/activity';
import type { Db } from '../db/client.ts';
import { enqueueEmails, projectTitle, recipientsOf, type Audience } from '../db/queries/outbox.ts';
import { NOTIFICATION_TEXTS } from './notification-texts.ts';

/**
 * Activities that write project e-mails to the outbox (delivery over SMTP is a separate step).
 * Each e-mail is unique per (template, project, triggering event, recipient): a retry writes nothing twice.
 */
export function createNotificationActivities({ db }: { db: Db }) {
  return {
    /** Queues one e-mail per recipient of the audience; returns how many were new. */
    async queueProjectEmail(request: {
      projectId: number;
      template: string;
      audience: Audience;
      eventKey: string;
    }): Promise<{ queued: number }> {
      const text = NOTIFICATION_TEXTS[request.template];
      if (!text)
        throw ApplicationFailure.nonRetryable(`Unknown e-mail template ${request.template}`, 'UnknownTemplate');
      const title = (await projectTitle(db, request.projectId)) ?? `n° ${request.projectId}`;
      const recipients = await recipientsOf(db, request.projectId, request.audience);
      const queued = await enqueueEmails(
        db,
        recipients.map((recipient) => ({
          dedupeKey: `${request.template}:${request.projectId}:${request.eventKey}:${recipient.email.toLowerCase()}`,
          template: request.template,
          toAddress: recipient.email,
          subject: text.subject.replaceAll('{title}', title),
          textBody: `Bonjour ${recipient.name},\n\n${text.body.replaceAll('{title}', title)}\n\nL’équipe Trousse à Projets`,
          projectId: request.projectId,
        })),
      );
      return { queued };
    },
  };
}
