import { z } from '@hono/zod-openapi';
import { PAYOUT_STATUSES } from '../domain/payouts.ts';
import type { Json } from './json.ts';

/** A payout as GET /api/payouts lists it; the admin imports its type only. */
export const Payout = z
  .object({
    id: z.number(),
    projectId: z.number(),
    projectTitle: z.string(),
    structureId: z.number(),
    structureName: z.string(),
    amountCents: z.number(),
    status: z.enum(PAYOUT_STATUSES),
    batchId: z.number().nullable(),
    bankDetailsValidated: z.boolean(),
    createdAt: z.date(),
  })
  .openapi('Payout');

/** A SEPA batch of payouts, as GET /api/payout-batches lists it. */
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

/** The answer of POST /api/payout-batches: the batch made, and the payouts left out with why. */
export const ExportResult = z
  .object({
    batchId: z.number(),
    messageId: z.string(),
    exported: z.number(),
    totalCents: z.number(),
    leftOut: z.array(LeftOut).openapi({ description: 'payouts left recorded, with the reason' }),
  })
  .openapi('PayoutExport');

/** The answer of confirming a batch executed by the bank. */
export const ConfirmResult = z
  .object({ batchId: z.number(), confirmed: z.number(), newlySettled: z.number() })
  .openapi('PayoutBatchConfirmation');

/** What the admin reads of a payout, of a batch, and of an export. */
export type PayoutResponse = Json<z.output<typeof Payout>>;
export type PayoutBatchResponse = Json<z.output<typeof PayoutBatch>>;
export type ExportResponse = z.output<typeof ExportResult>;
