import { z } from '@hono/zod-openapi';
import { EMAIL_SORT_FIELDS } from '../../db/queries/email-list.ts';
import { EMAIL_STATUSES } from '../../domain/emails.ts';
import { listQuery, optionalText } from './common.schemas.ts';

export const EmailListQuery = listQuery(EMAIL_SORT_FIELDS, 'id').extend({
  status: z.enum(EMAIL_STATUSES).optional(),
  template: optionalText,
  projectId: z.coerce.number().int().positive().optional(),
  q: optionalText,
});

export const OutboxEmail = z
  .object({
    id: z.number(),
    template: z.string(),
    kind: z.enum(['transactional', 'progress', 'news']),
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
