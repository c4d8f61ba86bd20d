import type { DocumentKind } from '../../domain/documents.ts';
import type { Tx } from '../client.ts';

/** A file attached to a project, without its content. */
export interface DocumentInfo {
  id: number;
  projectId: number;
  kind: DocumentKind;
  filename: string;
  contentType: string;
  size: number;
  imageRights: boolean;
  uploadedAt: Date;
}

/** Stores a project's document and returns its description. */
export async function insertDocument(
  db: Tx,
  document: {
    projectId: number;
    kind: DocumentInfo['kind'];
    filename: string;
    contentType: string;
    content: Buffer;
    imageRights: boolean;
    uploadedBy: number;
  },
): Promise<DocumentInfo> {
  const [row] = await db<DocumentInfo[]>`
    insert into project_documents (project_id, kind, filename, content_type, content, image_rights, uploaded_by)
    values (${document.projectId}, ${document.kind}, ${document.filename}, ${document.contentType},
            ${document.content}, ${document.imageRights}, ${document.uploadedBy})
    returning id, project_id, kind, filename, content_type, octet_length(content) as size, image_rights, uploaded_at`;
  return row as DocumentInfo;
}

/** A project's document with its content, or undefined when it is not this project's. */
export async function findDocument(
  db: Tx,
  projectId: number,
  documentId: number,
): Promise<(DocumentInfo & { content: Buffer }) | undefined> {
  const [row] = await db<(DocumentInfo & { content: Buffer })[]>`
    select id, project_id, kind, filename, content_type, octet_length(content) as size, image_rights, uploaded_at, content
    from project_documents where id = ${documentId} and project_id = ${projectId}`;
  return row;
}

/** True when the document is attached to the project (without loading its content). */
export async function isProjectDocument(db: Tx, projectId: number, documentId: number): Promise<boolean> {
  const rows = await db`select 1 from project_documents where id = ${documentId} and project_id = ${projectId}`;
  return rows.count > 0;
}
