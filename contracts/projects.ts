import { z } from '@hono/zod-openapi';
import { PROJECT_STATUSES } from '../domain/project-status.ts';
import { THEMES } from '../domain/projects.ts';
import { PRIORITY_EDUCATION } from '../domain/schools.ts';
import type { Json } from './json.ts';

/** A project as GET /api/projects lists it and GET /api/projects/{id} reads it; the admin imports its type only. */
export const Project = z
  .object({
    id: z.number(),
    title: z.string(),
    summary: z.string(),
    status: z.enum(PROJECT_STATUSES),
    theme: z.enum(THEMES),
    schoolUai: z.string(),
    schoolName: z.string(),
    academyCode: z.string(),
    departement: z.string(),
    porteurId: z.number(),
    porteurName: z.string(),
    minimumGoalCents: z.number().int(),
    optimumGoalCents: z.number().int(),
    collectedCents: z.number().int(),
    campaignEndsAt: z.date().nullable(),
    statusChangedAt: z.date(),
    priorityEducation: z.enum(PRIORITY_EDUCATION),
    rural: z.boolean(),
  })
  .openapi('Project');

/** What the admin reads of a project in a list or on its page (its dossier is read apart). */
export type ProjectResponse = Json<z.output<typeof Project>>;
