import { z } from '@hono/zod-openapi';
import { PROJECT_STATUSES } from '../domain/project-status.ts';

/** One change of a project's status, as GET /api/projects/{id}/timeline lists it; the admin imports its type. */
export const TimelineEntry = z
  .object({
    fromStatus: z.enum(PROJECT_STATUSES).nullable(),
    toStatus: z.enum(PROJECT_STATUSES),
    actorName: z.string().nullable(),
    comment: z.string().nullable(),
    at: z.string(),
  })
  .openapi('TimelineEntry');

/** A project whose workflow failed or stopped, as GET /api/stuck-projects lists it. */
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

/** What the admin reads of a project's history, and of a stuck project. */
export type TimelineEntryResponse = z.output<typeof TimelineEntry>;
export type StuckProjectResponse = z.output<typeof StuckProject>;
