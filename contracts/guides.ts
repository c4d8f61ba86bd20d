import { z } from '@hono/zod-openapi';

/** A guide of the resource centre, as GET /api/guides lists it; the admin imports its type only. */
export const Guide = z
  .object({
    id: z.number(),
    slug: z.string(),
    title: z.string(),
    summary: z.string(),
    bodyMarkdown: z.string(),
    status: z.enum(['draft', 'published']),
    publishedAt: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi('Guide');

/** What the admin reads of a guide. */
export type GuideResponse = z.output<typeof Guide>;
