import { z } from '@hono/zod-openapi';
import { RECEIPT_STATUSES } from '../../domain/tax-receipts.ts';
import { listQuery } from './common.schemas.ts';

export const ReceiptListQuery = listQuery(['id', 'paidAt', 'amountCents'] as const, 'id').extend({
  status: z.enum(RECEIPT_STATUSES).optional(),
});

export const ReceiptIds = z
  .object({ ids: z.array(z.number().int().positive()).min(1, 'Choisissez au moins un reçu.').max(1000) })
  .openapi('ReceiptIds');

export const YearRequest = z
  .object({ year: z.number().int().min(2020, 'Année invalide.').max(2100, 'Année invalide.') })
  .openapi('StatementYear');
