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

/** POST /api/payment-anomalies/resolve: the anomalies to mark handled, all or none. */
export const AnomalyIds = z
  .object({
    ids: z
      .array(z.number().int().positive(), { error: 'Indiquez les anomalies à marquer traitées.' })
      .min(1, 'Choisissez au moins une anomalie.')
      .max(500, 'Pas plus de 500 anomalies à la fois.'),
  })
  .openapi('AnomalyIds');

/** How many open anomalies were marked handled. */
export const AnomaliesResolved = z
  .object({ resolved: z.number().openapi({ description: 'anomalies ouvertes qui sont maintenant traitées' }) })
  .openapi('AnomaliesResolved');

/** What the admin reads of a donation, of a payment anomaly, and of anomalies marked handled. */
export type DonationListItemResponse = Json<z.output<typeof DonationListItem>>;
export type AnomalyResponse = Json<z.output<typeof Anomaly>>;
export type AnomaliesResolvedResponse = z.output<typeof AnomaliesResolved>;
export type AnomalyIdsRequest = z.input<typeof AnomalyIds>;
