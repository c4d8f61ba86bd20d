import { z } from '@hono/zod-openapi';
import { PROJECT_STATUSES } from '../../domain/project-status.ts';
import { Fund } from '../../contracts/funds.ts';

const PRIORITY_CATEGORIES = ['rep_plus', 'rep', 'rural', 'none'] as const;
const OUTCOMES = ['collecting', 'succeeded', 'failed', 'cancelled', 'other'] as const;

export const FundReportSchema = z
  .object({
    fund: Fund,
    summary: z.object({
      grantCount: z.number().int(),
      projectsReached: z.number().int(),
      grantedCents: z.number().int(),
      reservedCents: z.number().int(),
      committedCents: z.number().int(),
      releasedCents: z.number().int(),
      priorityCents: z.number().int(),
      prioritySharePct: z
        .number()
        .openapi({ description: 'part de grantedCents allée aux établissements prioritaires' }),
      byCategory: z.array(
        z.object({
          category: z.enum(PRIORITY_CATEGORIES),
          label: z.string(),
          projects: z.number().int(),
          grantedCents: z.number().int(),
        }),
      ),
      outcomes: z.record(z.enum(OUTCOMES), z.number().int()),
    }),
    grants: z.array(
      z.object({
        grantId: z.number(),
        projectId: z.number(),
        projectTitle: z.string(),
        projectStatus: z.enum(PROJECT_STATUSES),
        schoolName: z.string(),
        schoolUai: z.string(),
        academyCode: z.string(),
        departement: z.string(),
        priorityCategory: z.enum(PRIORITY_CATEGORIES),
        kind: z.enum(['seeding', 'topup']),
        status: z.enum(['reserved', 'committed', 'released']),
        amountCents: z.number().int(),
        outcome: z.enum(OUTCOMES),
        createdAt: z.date(),
        settledAt: z.date().nullable(),
      }),
    ),
  })
  .openapi('FundReport');
