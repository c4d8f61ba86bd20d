import { z } from '@hono/zod-openapi';
import { LIFECYCLE_ACTIONS } from '../domain/lifecycle.ts';
import { PROJECT_STATUSES } from '../domain/project-status.ts';
import { ROLES } from '../domain/roles.ts';

/*
 * The requests of the project actions, shared by the API (which validates them and documents them in OpenAPI) and
 * the admin (which imports their types only, never zod).
 */

const comment = z.string().trim().max(4000).optional();

/** POST /api/projects/{id}/review: a validator's decision. */
export const ReviewBody = z
  .object({ decision: z.enum(['accept', 'request_changes', 'reject']), comment })
  .refine((body) => body.decision === 'accept' || Boolean(body.comment), {
    message: 'un commentaire est obligatoire pour demander des modifications ou refuser',
    path: ['comment'],
  })
  .openapi('ReviewBody');

/** POST /api/projects/{id}/attest: the directeur's attestation. */
export const AttestBody = z
  .object({
    ienApproved: z.boolean().optional(),
    dasenApproved: z.boolean().optional(),
    caVoteOn: z.iso.date('date au format AAAA-MM-JJ').optional(),
    documentId: z.number().int().positive().optional().describe('an approval document uploaded beforehand'),
  })
  .openapi('AttestBody');

/** POST /api/projects/{id}/cancel: why the project is cancelled. */
export const CancelBody = z
  .object({ reason: z.string().trim().min(5, 'indiquez la raison de l’annulation (5 caractères au moins)').max(2000) })
  .openapi('CancelBody');

const spentCents = z.number().int('montant en centimes entiers').min(0, 'une dépense ne peut pas être négative');

/** POST /api/projects/{id}/report: the porteur's final report. */
export const ReportBody = z
  .object({
    whatWasDone: z.string().trim().min(20, 'décrivez ce qui a été réalisé (20 caractères au moins)').max(20_000),
    pupilsReached: z.number().int().min(0).max(10_000),
    actualSpendCents: spentCents.optional().openapi({ description: 'the total; the sum of spendLines when omitted' }),
    spendLines: z
      .array(z.object({ budgetLineId: z.number().int().positive('poste de budget inconnu'), spentCents }))
      .max(200)
      .optional()
      .openapi({ description: 'what was spent on each budget line of the project, every line once' }),
    shareConsent: z
      .boolean()
      .default(false)
      .openapi({ description: 'the porteur agrees to share the report as a « retour d’expérience »' }),
  })
  .refine((body) => body.actualSpendCents !== undefined || body.spendLines !== undefined, {
    message: 'indiquez les dépenses réelles de chaque poste du budget',
    path: ['spendLines'],
  })
  .openapi('ReportBody');

/** POST /api/projects/{id}/report/review: the decision on the final report. */
export const ReportReviewBody = z
  .object({ decision: z.enum(['accept', 'request_changes']), comment })
  .refine((body) => body.decision === 'accept' || Boolean(body.comment), {
    message: 'indiquez les compléments attendus',
    path: ['comment'],
  })
  .openapi('ReportReviewBody');

/** The answer of each action and of GET /api/projects/{id}/lifecycle: the state and who may do what now. */
export const LifecycleState = z
  .object({
    projectId: z.number(),
    status: z.enum(PROJECT_STATUSES),
    campaignEndsAt: z.string().nullable(),
    collectedCents: z.number().int(),
    reservedGrantCents: z.number().int(),
    donorCount: z.number().int(),
    actions: z.partialRecord(z.enum(ROLES), z.array(z.enum(LIFECYCLE_ACTIONS))),
    workflowUrl: z.string().optional().openapi({ description: 'the project’s workflow in the Temporal Web UI' }),
    incident: z.string().nullable().optional().openapi({ description: 'why the lifecycle waits for an admin' }),
  })
  .openapi('LifecycleState');

/** What the admin sends to each action, as the API's schemas accept it. */
export type ReviewRequest = z.input<typeof ReviewBody>;
export type AttestRequest = z.input<typeof AttestBody>;
export type CancelRequest = z.input<typeof CancelBody>;
export type ReportRequest = z.input<typeof ReportBody>;
export type ReportReviewRequest = z.input<typeof ReportReviewBody>;

/** What the admin reads of the project's lifecycle. */
export type LifecycleStateResponse = z.output<typeof LifecycleState>;
