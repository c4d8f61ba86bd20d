import { OpenAPIHono, z } from '@hono/zod-openapi';
import { ROLE_GROUPS } from '../../domain/role-groups.ts';
import { DocumentInfo } from '../../contracts/documents.ts';
import { findDocument, insertDocument } from '../../db/queries/documents.ts';
import { findProject } from '../../db/queries/projects.ts';
import { DOCUMENT_KINDS, MAX_DOCUMENT_BYTES, sniffContentType } from '../../domain/documents.ts';
import { PROJECT_ROLES } from '../../domain/roles.ts';
import { currentUser, defineRoute } from '../auth/access.ts';
import { projectScopeOf, visibleProject } from '../auth/scopes.ts';
import type { AppEnv } from '../context.ts';
import { ApiError, validationHook } from '../errors.ts';
import { invalidInput, jsonResponse, refusalResponses } from './common.schemas.ts';
import { IdParam } from './resources.schemas.ts';

const UploadForm = z.object({
  file: z
    .custom<File>((value) => value instanceof File, 'joignez un fichier')
    .refine((file) => file.size > 0 && file.size <= MAX_DOCUMENT_BYTES, 'le fichier doit peser au plus 5 Mo')
    .openapi({ type: 'string', format: 'binary', description: 'PDF, JPEG or PNG, as its content shows' }),
  kind: z.enum(DOCUMENT_KINDS, { error: 'Choisissez le type de pièce.' }),
  imageRights: z.enum(['true', 'false']).default('false'),
});

const upload = defineRoute(ROLE_GROUPS.documentUploaders, {
  method: 'post',
  path: '/projects/{id}/documents',
  summary: 'Joindre un document au projet (autorisation, devis, photo, bilan ; PDF, JPEG ou PNG, 5 Mo au plus)',
  request: { params: IdParam, body: { content: { 'multipart/form-data': { schema: UploadForm } }, required: true } },
  responses: { 201: jsonResponse(DocumentInfo, 'Document enregistré'), ...invalidInput, 404: refusalResponses[404] },
});

const download = defineRoute(PROJECT_ROLES, {
  method: 'get',
  path: '/projects/{id}/documents/{documentId}',
  summary: 'Télécharger un document du projet',
  request: { params: IdParam.extend({ documentId: z.coerce.number().int().positive() }) },
  responses: { 200: { description: 'Le fichier' }, ...invalidInput, 404: refusalResponses[404] },
});

/** Documents attached to projects, for those whose role covers the project. */
export const documentRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(upload, async (c) => {
    const user = currentUser(c);
    const { db } = c.get('deps');
    const { id } = c.req.valid('param');
    await visibleProject(c, id);
    const form = c.req.valid('form');
    const content = Buffer.from(await form.file.arrayBuffer());
    const contentType = sniffContentType(content);
    if (!contentType) {
      const message = 'Ce fichier n’est ni un PDF, ni une image JPEG ou PNG.';
      throw new ApiError(400, 'invalid_file_type', message, [{ code: 'custom', path: ['file'], message }]);
    }
    const document = await insertDocument(db, {
      projectId: id,
      kind: form.kind,
      filename: form.file.name.slice(0, 200) || 'document',
      contentType,
      content,
      imageRights: form.imageRights === 'true',
      uploadedBy: user.id,
    });
    return c.json({ ...document, uploadedAt: document.uploadedAt.toISOString() }, 201);
  })
  .openapi(download, async (c) => {
    const { db } = c.get('deps');
    const { id, documentId } = c.req.valid('param');
    const visible = await findProject(db, id, projectScopeOf(currentUser(c)));
    const document = visible && (await findDocument(db, id, documentId));
    if (!document) throw new ApiError(404, 'not_found', 'Document introuvable.');
    c.header('Content-Type', document.contentType);
    c.header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(document.filename)}`);
    return c.body(new Uint8Array(document.content), 200);
  });
