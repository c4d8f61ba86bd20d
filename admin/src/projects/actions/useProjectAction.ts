import type { DocumentResponse } from '../../../../contracts/documents.ts';
import { fetchApi } from '../../providers/http.ts';
import { useApiAction, type ApiRequest } from '../../providers/useApiAction.ts';

/** One request of a project action: the path under /api/projects/{id}/, its body and what to say once done. */
export interface ActionRequest {
  path: string;
  body: object | FormData;
  done: string;
}

/**
 * The admin's one mutation hook applied to a project: posts under /api/projects/{id}/ and re-reads the project (its
 * lifecycle, report and page); `send` throws a refusal to its form, `sendNow` notifies it.
 */
export function useProjectAction(projectId: number) {
  const { send, sendNow } = useApiAction();
  const full = ({ path, body, done }: ActionRequest): ApiRequest<unknown> => ({
    path: `/projects/${projectId}/${path}`,
    body,
    done,
    invalidate: [
      ['lifecycle', projectId],
      ['report', projectId],
    ],
  });
  return {
    send: async (request: ActionRequest): Promise<void> => void (await send(full(request))),
    sendNow: (request: ActionRequest) => sendNow(full(request)),
  };
}

/** Uploads a document of the given kind to the project's dossier and gives its id. */
export async function uploadDocument(projectId: number, kind: string, file: File): Promise<number> {
  const form = new FormData();
  form.set('file', file);
  form.set('kind', kind);
  return (await fetchApi<DocumentResponse>(`/projects/${projectId}/documents`, { method: 'POST', body: form })).id;
}
