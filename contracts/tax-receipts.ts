import { z } from '@hono/zod-openapi';
import { RECEIPT_STATUSES } from '../domain/tax-receipts.ts';
import type { Json } from './json.ts';

/** A tax receipt as GET /api/tax-receipts lists it; the admin imports its type only. */
export const Receipt = z
  .object({
    id: z.number(),
    donationId: z.number(),
    structureId: z.number(),
    structureName: z.string(),
    projectTitle: z.string(),
    status: z.enum(RECEIPT_STATUSES),
    year: z.number().nullable(),
    number: z.number().nullable(),
    amountCents: z.number(),
    donorName: z.string(),
    donorEmail: z.string(),
    paidAt: z.date(),
    sentAt: z.date().nullable(),
  })
  .openapi('TaxReceipt');

/** How many receipts an action on several of them validated or sent. */
export const Count = z.object({ count: z.number() }).openapi('Count');

/** What the admin reads of a tax receipt, and of an action on several. */
export type ReceiptResponse = Json<z.output<typeof Receipt>>;
export type CountResponse = z.output<typeof Count>;
