import { z } from '@hono/zod-openapi';
import { PROJECT_STATUSES } from '../domain/project-status.ts';

/** The dashboard's figures, as GET /api/stats answers them; the admin imports its type only. */
export const Stats = z
  .object({
    collectedByMonth: z.array(z.object({ month: z.string(), cents: z.number() })),
    projectsByStatus: z.array(z.object({ status: z.enum(PROJECT_STATUSES), count: z.number() })),
    byAcademy: z.array(
      z.object({
        academyCode: z.string(),
        academyName: z.string(),
        succeeded: z.number(),
        failed: z.number(),
        grantedCents: z.number(),
        priorityGrantedCents: z.number(),
      }),
    ),
  })
  .openapi('PlatformStats');

/** What the admin reads of the dashboard's figures. */
export type StatsResponse = z.output<typeof Stats>;
