import { z } from '@hono/zod-openapi';
import type { AdminHome, DirecteurHome, GestionnaireHome, MeceneHome, ValidateurHome } from '../domain/homes.ts';
import { PAYOUT_STATUSES } from '../domain/payouts.ts';
import { PROJECT_STATUSES } from '../domain/project-status.ts';

/*
 * Each role's home page as GET /api/home/{role} answers it. The queries of db/ build the domain's types (db/ does not
 * import contracts/), so each schema satisfies its domain type; the admin imports the types inferred here.
 */

const cents = z.number().int();
const count = z.number().int();
const total = z.object({ count, cents });

const HomeProject = z.object({
  id: z.number(),
  title: z.string(),
  schoolName: z.string(),
  status: z.enum(PROJECT_STATUSES),
  since: z.string(),
});

export const DirecteurHomeSchema = z
  .object({ attestations: z.array(HomeProject) })
  .openapi('DirecteurHome') satisfies z.ZodType<DirecteurHome>;

export const GestionnaireHomeSchema = z
  .object({
    structures: z.array(
      z.object({
        id: z.number(),
        legalName: z.string(),
        schoolName: z.string(),
        bankDetails: z.enum(['missing', 'awaiting_validation', 'validated']),
      }),
    ),
    projectsAwaitingBankDetails: count,
    receiptsToValidate: count,
    payoutsComing: total,
    payoutsDone: total,
    payouts: z.array(
      z.object({
        id: z.number(),
        projectTitle: z.string(),
        amountCents: cents,
        status: z.enum(PAYOUT_STATUSES),
        at: z.string(),
      }),
    ),
  })
  .openapi('GestionnaireHome') satisfies z.ZodType<GestionnaireHome>;

export const MeceneHomeSchema = z
  .object({
    funds: z.array(
      z.object({
        id: z.number(),
        name: z.string(),
        budgetCents: cents,
        projectsReached: count,
        pupils: count,
        grantedCents: cents,
        priorityGrantedCents: cents,
        grantedByMonth: z.array(z.object({ month: z.string(), cents })),
        outcomes: z.object({ collecting: count, funded: count, completed: count, failed: count }),
      }),
    ),
  })
  .openapi('MeceneHome') satisfies z.ZodType<MeceneHome>;

export const ValidateurHomeSchema = z
  .object({
    queue: z.array(
      HomeProject.extend({
        workingDaysWaited: count,
        workingDaysLeft: count,
        sla: z.enum(['on_time', 'due_soon', 'overdue']),
      }),
    ),
    dueSoon: count,
    overdue: count,
    reportsToReview: count,
  })
  .openapi('ValidateurHome') satisfies z.ZodType<ValidateurHome>;

export const AdminHomeSchema = z
  .object({
    collectedCents: cents,
    paidOutCents: cents,
    refundedCents: cents,
    projectsByStatus: z.array(z.object({ status: z.enum(PROJECT_STATUSES), count })),
    stuckProjects: count,
    openAnomalies: count,
  })
  .openapi('AdminHome') satisfies z.ZodType<AdminHome>;

/** What the admin reads of each role's home. */
export type DirecteurHomeResponse = z.output<typeof DirecteurHomeSchema>;
export type GestionnaireHomeResponse = z.output<typeof GestionnaireHomeSchema>;
export type MeceneHomeResponse = z.output<typeof MeceneHomeSchema>;
export type ValidateurHomeResponse = z.output<typeof ValidateurHomeSchema>;
export type AdminHomeResponse = z.output<typeof AdminHomeSchema>;
