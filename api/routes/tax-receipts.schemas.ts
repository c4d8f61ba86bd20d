import { z } from '@hono/zod-openapi';
import { listQuery } from './common.schemas.ts';

export const ReceiptListQuery = listQuery(['id', 'paidAt', 'amountCents'] as const, 'id').extend({
  status: z.enum(['draft', 'validated', 'sent']).optional(),
});

export const ReceiptIds = z
  .object({ ids: z.array(z.number().int().positive()).min(1, 'Choisissez au moins un reçu.').max(1000) })
  .openapi('ReceiptIds');

export const YearRequest = z
  .object({ year: z.number().int().min(2020, 'Année invalide.').max(2100, 'Année invalide.') })
  .openapi('StatementYear');

export const Receipt = z
  .object({
    id: z.number(),
    donationId: z.number(),
    structureId: z.number(),
    structureName: z.string(),
    projectTitle: z.string(),
    status: z.enum(['draft', 'validated', 'sent']),
    year: z.number().nullable(),
    number: z.number().nullable(),
    amountCents: z.number(),
    donorName: z.string(),
    donorEmail: z.string(),
    paidAt: z.date(),
    sentAt: z.date().nullable(),
  })
  .openapi('TaxReceipt');

export const Count = z.object({ count: z.number() }).openapi('Count');
