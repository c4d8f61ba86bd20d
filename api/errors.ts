import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';

/** The one error shape of the API. */
export interface ApiErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

/** An error the API reports as is: a status, a stable code and a message a person understands (French). */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** Turns zod issues into one French sentence naming each bad field. */
export function describeIssues(error: ZodError): string {
  const parts = error.issues.map((issue) => {
    const field = issue.path.join('.');
    return field ? `${field} : ${issue.message}` : issue.message;
  });
  return `Données invalides — ${parts.join(' ; ')}`;
}

/** The validation hook of every route: bad input is a 400 with the zod issues and changes nothing. */
export function validationHook(result: { success: boolean; error?: ZodError }, c: Context) {
  if (!result.success && result.error) {
    return c.json<ApiErrorBody>(
      { code: 'invalid_input', message: describeIssues(result.error), details: result.error.issues },
      400,
    );
  }
  return undefined;
}

/** The one error handler: known errors keep their status, anything else is a 500 without internals. */
export function handleError(error: Error, c: Context) {
  if (error instanceof ApiError) {
    return c.json<ApiErrorBody>({ code: error.code, message: error.message, details: error.details }, error.status);
  }
  if (error instanceof HTTPException) {
    return c.json<ApiErrorBody>(
      { code: `http_${error.status}`, message: error.message || 'Requête refusée.' },
      error.status as ContentfulStatusCode,
    );
  }
  console.error(error);
  return c.json<ApiErrorBody>({ code: 'internal_error', message: 'Une erreur interne est survenue.' }, 500);
}
