import { z } from '@hono/zod-openapi';
import { PAYOUT_STATUSES } from '../../domain/payouts.ts';
import { listQuery } from './common.schemas.ts';

export const PayoutListQuery = listQuery(['id'] as const, 'id').extend({
  status: z.enum(PAYOUT_STATUSES).optional(),
  batchId: z.coerce.number().int().positive().optional(),
});

export const BatchListQuery = listQuery(['id'] as const, 'id');
