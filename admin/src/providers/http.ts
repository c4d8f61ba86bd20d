import { HttpError } from 'react-admin';
import { fieldErrorsOf } from './field-errors.ts';

const FALLBACK_MESSAGE = 'ra.notification.http_error';

/**
 * Calls `/api<path>` with the session cookie: the JSON body, or an HttpError with the API's French message whose
 * body carries the refusal's field errors as react-admin reads them (`errors`).
 */
export async function fetchApi<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers({ Accept: 'application/json' });
  if (init.body !== undefined && !(init.body instanceof FormData)) headers.set('Content-Type', 'application/json');
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { ...init, headers, credentials: 'same-origin' });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new HttpError('ra.notification.offline', 0);
  }
  const body = await readJson(response);
  if (!response.ok) {
    const errors = fieldErrorsOf(body);
    const message = errors ? Object.values(errors).join(' ') : messageOf(body);
    throw new HttpError(message, response.status, errors ? { ...(body as object), errors } : body);
  }
  return body as T;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function messageOf(body: unknown): string {
  if (typeof body === 'object' && body !== null && 'message' in body && typeof body.message === 'string') {
    return body.message;
  }
  return FALLBACK_MESSAGE;
}
