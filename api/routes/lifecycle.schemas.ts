import { z } from '@hono/zod-openapi';
import { PROJECT_STATUSES } from '../../domain/project-status.ts';

export const TimelineEntry = z
  .object({
    fromStatus: z.enum(PROJECT_STATUSES).nullable(),
    toStatus: z.enum(PROJECT_STATUSES),
    actorName: z.string().nullable(),
    comment: z.string().nullable(),
    at: z.string(),
  })
  .openapi('TimelineEntry');

export const StuckProject = z
  .object({
    id: z.number().openapi({ description: 'the project id' }),
    projectId: z.number(),
    title: z.string(),
    status: z.enum(PROJECT_STATUSES),
    kind: z.enum(['incident', 'stopped']).openapi({
      description: 'incident: a step failed for good and the workflow waits; stopped: no workflow runs',
    }),
    reason: z.string(),
    since: z.string(),
  })
  .openapi('StuckProject');

export const Resumed = z.object({ resumed: z.enum(['step_retried', 'restarted']) }).openapi('Resumed');
