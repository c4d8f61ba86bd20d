import { z } from '@hono/zod-openapi';
import { DEGREES, PRIORITY_EDUCATION, SCHOOL_KINDS, SECTORS } from '../domain/schools.ts';

/** A school of the directory, as GET /api/schools lists it; the admin imports its type only. */
export const School = z
  .object({
    id: z.string(),
    uai: z.string(),
    name: z.string(),
    kind: z.enum(SCHOOL_KINDS),
    degree: z.enum(DEGREES),
    academyCode: z.string(),
    departement: z.string(),
    commune: z.string(),
    sector: z.enum(SECTORS),
    priorityEducation: z.enum(PRIORITY_EDUCATION),
    rural: z.boolean(),
    ips: z.number().nullable(),
  })
  .openapi('School');

/** What the admin reads of a school (react-admin's record id is its UAI). */
export type SchoolResponse = z.output<typeof School>;

/** A school as a signed-out teacher sees it when signing up: the directory's open data, nothing else. */
export const SchoolChoice = School.pick({ uai: true, name: true, commune: true, departement: true }).openapi(
  'SchoolChoice',
);
export type SchoolChoiceResponse = z.output<typeof SchoolChoice>;
