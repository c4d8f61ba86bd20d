import { HttpError } from 'react-admin';

const FALLBACK_MESSAGE = 'ra.notification.http_error';

/** Calls `/api<path>` with the session cookie: the JSON body, or an HttpError with the API's French message. */
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
  if (!response.ok) throw new HttpError(messageOf(body), response.status, body);
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
