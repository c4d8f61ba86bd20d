import { z } from '@hono/zod-openapi';

/** A line of a project's budget, as GET /api/projects/{id}/budget-lines lists it for the report's form. */
export const BudgetLine = z.object({ id: z.number().int(), label: z.string(), amountCents: z.number().int() });

/** A project's latest final report, as GET /api/projects/{id}/report answers it; the admin imports its type. */
export const ProjectReport = z
  .object({
    version: z.number().int(),
    whatWasDone: z.string(),
    pupilsReached: z.number().int(),
    actualSpendCents: z.number().int(),
    submittedAt: z.string(),
    plannedCents: z.number().int().openapi({ description: 'the sum of the budget lines planned' }),
    shareConsent: z.boolean().openapi({ description: 'the porteur agrees to share it in the resource centre' }),
    budgetLines: z.array(BudgetLine.extend({ spentCents: z.number().int().nullable() })),
    photos: z.array(
      z.object({ id: z.number(), filename: z.string(), contentType: z.string(), imageRights: z.boolean() }),
    ),
  })
  .openapi('ProjectReport');

/** What the admin reads of a budget line, and of a final report. */
export type BudgetLineResponse = z.output<typeof BudgetLine>;
export type ProjectReportResponse = z.output<typeof ProjectReport>;
