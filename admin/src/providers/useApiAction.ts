import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { HttpError, useNotify, useRefresh } from 'react-admin';
import type { FieldErrors } from './field-errors.ts';
import { fetchApi } from './http.ts';

type Notice = { message: string; type: 'success' | 'warning' };

/** One request the admin sends to change something, and what to say and re-read once it is done. */
export interface ApiRequest<T> {
  /** POST unless told */
  method?: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** under /api */
  path: string;
  body?: object | FormData;
  /** the French sentence saying it is done, which may depend on the API's answer */
  done?: string | ((result: T) => string | Notice);
  /** queries re-read before the page is */
  invalidate?: QueryKey[];
  /** false when nothing shown depends on it */
  refresh?: boolean;
  /** what else happens once it is done */
  after?: (result: T) => void | Promise<void>;
  /** how to word a refusal, when not by its own message */
  refusal?: (error: Error) => string;
}

type Show = (message: string) => void;

function initOf({ method = 'POST', body }: Pick<ApiRequest<unknown>, 'method' | 'body'>): RequestInit {
  if (body === undefined) return { method };
  return { method, body: body instanceof FormData ? body : JSON.stringify(body) };
}

/**
 * The one way the admin changes something through the API: `send` sends the request, says in French that it is done,
 * re-reads what depends on it and throws a refusal to its caller (a form showing the API's errors); `sendNow` shows a
 * refusal as a notification (or by `show`), for a plain button; `submit` gives a react-admin form the refusal's field
 * errors and shows any other; `pending` while a request is under way.
 */
export function useApiAction<T = unknown>() {
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (request: ApiRequest<T>) => fetchApi<T>(request.path, initOf(request)),
    onSuccess: async (result, request) => {
      const done = typeof request.done === 'function' ? request.done(result) : request.done;
      if (done !== undefined) notify(...noticeArgs(done));
      await Promise.all((request.invalidate ?? []).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      if (request.refresh !== false) refresh();
      await request.after?.(result);
    },
  });
  const notifyError: Show = (message) => notify(message, { type: 'error' });
  const send = (request: ApiRequest<T>): Promise<T> => mutation.mutateAsync(request);
  const sendNow = (request: ApiRequest<T>, show: Show = notifyError): Promise<void> =>
    send(request).then(
      () => undefined,
      (error: Error) => show(request.refusal?.(error) ?? error.message),
    );
  const submit = (request: ApiRequest<T>, show: Show = notifyError): Promise<FieldErrors | undefined> =>
    send(request).then(
      () => undefined,
      (error: Error) => {
        if (error instanceof HttpError && error.body?.errors) return error.body.errors as FieldErrors;
        show(request.refusal?.(error) ?? error.message);
        return undefined;
      },
    );
  return { send, sendNow, submit, pending: mutation.isPending };
}

function noticeArgs(done: string | Notice): [string, { type: Notice['type'] }] {
  return typeof done === 'string' ? [done, { type: 'success' }] : [done.message, { type: done.type }];
}
