import { z } from '@hono/zod-openapi';
import { EMAIL_KINDS, EMAIL_STATUSES } from '../domain/emails.ts';
import type { Json } from './json.ts';

/** An e-mail of the outbox, as GET /api/emails lists it; the admin imports its type only. */
export const OutboxEmail = z
  .object({
    id: z.number(),
    template: z.string(),
    kind: z.enum(EMAIL_KINDS),
    toAddress: z.string(),
    recipientName: z.string(),
    subject: z.string(),
    status: z.enum(EMAIL_STATUSES),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    projectId: z.number().nullable(),
    projectTitle: z.string().nullable(),
    mergedTemplates: z.array(z.string()).openapi({ description: 'progress e-mails folded into this one' }),
    mergedInto: z.number().nullable().openapi({ description: 'the e-mail this one went out with' }),
    createdAt: z.date(),
    sendAfter: z.date(),
    sentAt: z.date().nullable(),
  })
  .openapi('OutboxEmail');

/** What the admin reads of an outbox e-mail. */
export type OutboxEmailResponse = Json<z.output<typeof OutboxEmail>>;
