import { z } from '@hono/zod-openapi';
import { DONATION_SORT_FIELDS } from '../../db/queries/donation-list.ts';
import { ANOMALY_KINDS } from '../../domain/payments.ts';
import { listQuery, optionalText } from './common.schemas.ts';

const DONATION_STATUSES = [
  'pending',
  'paid',
  'expired',
  'payment_failed',
  'refund_requested',
  'refunded',
  'redirected',
  'disputed',
] as const;

const filters = {
  status: z.enum(DONATION_STATUSES).optional(),
  projectId: z.coerce.number().int().positive().optional(),
  fundId: z.coerce.number().int().positive().optional(),
  q: optionalText,
};

export const DonationListQuery = listQuery(DONATION_SORT_FIELDS, 'id').extend(filters);
export const DonationExportQuery = z.object(filters);

export const DonationListItem = z
  .object({
    id: z.number(),
    projectId: z.number().nullable(),
    projectTitle: z.string().nullable(),
    fundId: z.number().nullable(),
    fundName: z.string().nullable(),
    amountCents: z.number().nullable().openapi({ description: 'null when the donor hid it (porteur view)' }),
    refundedCents: z.number(),
    status: z.enum(DONATION_STATUSES),
    donorKind: z.enum(['person', 'company']),
    donorName: z.string().nullable().openapi({ description: 'null when the donor hid it (porteur view)' }),
    donorEmail: z.string().nullable().openapi({ description: 'admins and the structure’s gestionnaire only' }),
    companyName: z.string().nullable(),
    siren: z.string().nullable(),
    postalAddress: z.string().nullable(),
    wantsTaxReceipt: z.boolean(),
    failureChoice: z.enum(['refund', 'redirect']),
    createdAt: z.date(),
    paidAt: z.date().nullable(),
  })
  .openapi('DonationListItem');

export const AnomalyListQuery = listQuery(['createdAt'] as const, 'createdAt').extend({
  all: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});

export const Anomaly = z
  .object({
    id: z.number(),
    kind: z.enum(ANOMALY_KINDS),
    donationId: z.number().nullable(),
    stripeEventId: z.string().nullable(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()),
    createdAt: z.date(),
    resolvedAt: z.date().nullable(),
  })
  .openapi('PaymentAnomaly');
