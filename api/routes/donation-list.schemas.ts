import { z } from '@hono/zod-openapi';
import { DONATION_SORT_FIELDS } from '../../db/queries/donation-list.ts';
import { DONATION_STATUSES } from '../../domain/payments.ts';
import { listQuery, optionalText } from './common.schemas.ts';

const filters = {
  status: z.enum(DONATION_STATUSES).optional(),
  projectId: z.coerce.number().int().positive().optional(),
  fundId: z.coerce.number().int().positive().optional(),
  q: optionalText,
};

export const DonationListQuery = listQuery(DONATION_SORT_FIELDS, 'id').extend(filters);
export const DonationExportQuery = z.object(filters);

export const AnomalyListQuery = listQuery(['createdAt'] as const, 'createdAt').extend({
  all: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});
