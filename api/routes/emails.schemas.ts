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
