import { z } from '@hono/zod-openapi';
import { listQuery } from './common.schemas.ts';

export const PayoutListQuery = listQuery(['id'] as const, 'id').extend({
  status: z.enum(['recorded', 'exported', 'confirmed']).optional(),
  batchId: z.coerce.number().int().positive().optional(),
});

export const BatchListQuery = listQuery(['id'] as const, 'id');

export const Payout = z
  .object({
    id: z.number(),
    projectId: z.number(),
    projectTitle: z.string(),
    structureId: z.number(),
    structureName: z.string(),
    amountCents: z.number(),
    status: z.enum(['recorded', 'exported', 'confirmed']),
    batchId: z.number().nullable(),
    bankDetailsValidated: z.boolean(),
    createdAt: z.date(),
  })
  .openapi('Payout');

export const PayoutBatch = z
  .object({
    id: z.number(),
    messageId: z.string(),
    payoutCount: z.number(),
    totalCents: z.number(),
    requestedExecutionDate: z.string(),
    createdAt: z.date(),
    confirmedAt: z.date().nullable(),
  })
  .openapi('PayoutBatch');

const LeftOut = z.object({
  payoutId: z.number(),
  projectTitle: z.string(),
  structureName: z.string(),
  reason: z.string(),
});

export const ExportResult = z
  .object({
    batchId: z.number(),
    messageId: z.string(),
    exported: z.number(),
    totalCents: z.number(),
    leftOut: z.array(LeftOut).openapi({ description: 'payouts left recorded, with the reason' }),
  })
  .openapi('PayoutExport');

export const ConfirmResult = z
  .object({ batchId: z.number(), confirmed: z.number(), newlySettled: z.number() })
  .openapi('PayoutBatchConfirmation');
