import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNotify, useRefresh } from 'react-admin';
import { fetchApi } from '../../providers/http.ts';

/** One request of a project action: the path under /api/projects/{id}/, its body and what to say once done. */
export interface ActionRequest {
  path: string;
  body: object | FormData;
  done: string;
}

/**
 * The one way the admin acts on a project: `send` posts the request, says in French that it is done, re-reads the
 * project (its lifecycle, report and page) and throws a refusal to the form that sent it (whose fields show the
 * API's errors); `sendNow` does the same from a plain button, showing a refusal as a notification.
 */
export function useProjectAction(projectId: number) {
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: ({ path, body }: ActionRequest) =>
      fetchApi(`/projects/${projectId}/${path}`, {
        method: 'POST',
        body: body instanceof FormData ? body : JSON.stringify(body),
      }),
    onSuccess: async (_, { done }) => {
      notify(done, { type: 'success' });
      await Promise.all(
        ['lifecycle', 'report'].map((key) => queryClient.invalidateQueries({ queryKey: [key, projectId] })),
      );
      refresh();
    },
  });
  const send = async (request: ActionRequest): Promise<void> => {
    await mutation.mutateAsync(request);
  };
  const sendNow = (request: ActionRequest) =>
    send(request).catch((error: Error) => notify(error.message, { type: 'error' }));
  return { send, sendNow };
}

/** Uploads a document of the given kind to the project's dossier and gives its id. */
export async function uploadDocument(projectId: number, kind: string, file: File): Promise<number> {
  const form = new FormData();
  form.set('file', file);
  form.set('kind', kind);
  return (await fetchApi<{ id: number }>(`/projects/${projectId}/documents`, { method: 'POST', body: form })).id;
}
