import { z } from '@hono/zod-openapi';

/** A document attached to a project, as POST /api/projects/{id}/documents answers it; the admin imports its type. */
export const DocumentInfo = z
  .object({
    id: z.number(),
    projectId: z.number(),
    kind: z.string(),
    filename: z.string(),
    contentType: z.string(),
    size: z.number(),
    imageRights: z.boolean(),
    uploadedAt: z.string(),
  })
  .openapi('Document');

/** What the admin reads of a document it uploaded. */
export type DocumentResponse = z.output<typeof DocumentInfo>;
