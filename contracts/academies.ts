import { z } from '@hono/zod-openapi';

/** An académie as GET /api/academies lists it (its id is its code); the admin imports its type only. */
export const Academy = z
  .object({
    id: z.string(),
    name: z.string(),
    pilotEnabled: z.boolean(),
    schoolCount: z.number(),
    projectCount: z.number(),
  })
  .openapi('Academy');

/** What the admin reads of an académie. */
export type AcademyResponse = z.output<typeof Academy>;
