import { z } from '@hono/zod-openapi';
import { DIFFERENCE_KINDS } from '../domain/reconciliation.ts';
import type { Json } from './json.ts';

const Difference = z
  .object({
    kind: z.enum(DIFFERENCE_KINDS),
    paymentIntent: z.string().nullable(),
    chargeId: z.string().nullable(),
    donationId: z.number().nullable(),
    ledgerCents: z.number(),
    stripeCents: z.number(),
    message: z.string(),
  })
  .partial({ chargeId: true })
  .openapi('ReconciliationDifference');

/** A reconciliation of the ledger with Stripe, as GET /api/reconciliations lists it; the admin imports its type. */
export const Run = z
  .object({
    id: z.number(),
    periodStart: z.date(),
    periodEnd: z.date(),
    comparedCount: z.number(),
    ledgerPaidCents: z.number(),
    stripePaidCents: z.number(),
    ledgerRefundedCents: z.number(),
    stripeRefundedCents: z.number(),
    differenceCount: z.number().describe('toutes les différences ; le détail garde les 1 000 premières'),
    differences: z.array(Difference),
    ranAt: z.date(),
  })
  .openapi('ReconciliationRun');

/** What the reconciliation compares the ledger with (GET /api/reconciliation-mode). */
export const Mode = z
  .object({
    stripeMock: z.boolean().describe('Stripe est simulé par stripe-mock, qui ne garde aucun paiement'),
    daily: z.boolean().describe('le rapprochement quotidien est planifié (jamais contre stripe-mock)'),
  })
  .openapi('ReconciliationMode');

/** What the admin reads of a reconciliation, and of its mode. */
export type RunResponse = Json<z.output<typeof Run>>;
export type ModeResponse = z.output<typeof Mode>;
