import { z } from '@hono/zod-openapi';
import { ANOMALY_KINDS, DONATION_STATUSES } from '../domain/payments.ts';
import type { Json } from './json.ts';

/** A donation as GET /api/donations lists it; the admin imports its type only. */
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

/** A payment anomaly, as GET /api/anomalies lists it. */
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

/** What the admin reads of a donation, and of a payment anomaly. */
export type DonationListItemResponse = Json<z.output<typeof DonationListItem>>;
export type AnomalyResponse = Json<z.output<typeof Anomaly>>;
