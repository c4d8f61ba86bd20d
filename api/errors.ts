import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z, type ZodError } from 'zod';
import { escapeHtml } from '../domain/html.ts';
import { constraintAnswer } from './constraint-errors.ts';
import { htmlPage } from './html.ts';

// zod's own messages (« Entrée invalide : … ») in French, for every schema of the API
z.config(z.locales.fr());

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

/** French words for the errors Hono's own middleware raises (its messages are English). */
export const HTTP_MESSAGES: Partial<Record<number, string>> = {
  400: 'La requête est illisible : le corps JSON ou le formulaire est mal formé.',
  401: 'Vous devez être connecté pour accéder à cette page.',
  403: 'Requête refusée : elle doit venir du site lui-même.',
  404: 'Ressource introuvable.',
  405: 'Méthode non autorisée pour cette adresse.',
  413: 'La requête est trop volumineuse.',
};

const PAGE_TITLES: Partial<Record<number, string>> = {
  400: 'Demande invalide',
  403: 'Accès refusé',
  404: 'Page introuvable',
  405: 'Méthode non autorisée',
  413: 'Envoi trop volumineux',
};

const PROGRAM_PATHS = ['/api', '/health', '/metrics'];

/** True for the paths whose callers are programs, answered in JSON: the API, the health checks, the metrics. */
export function answersJson(path: string): boolean {
  return PROGRAM_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** An error as its caller reads it: the JSON error body under /api, a French HTML page on the site's pages. */
export function errorResponse(
  c: Context,
  status: ContentfulStatusCode,
  body: ApiErrorBody,
  headers?: Record<string, string>,
) {
  if (answersJson(c.req.path)) return c.json<ApiErrorBody>(body, status, headers);
  const title = PAGE_TITLES[status] ?? (status >= 500 ? 'Erreur du serveur' : 'Demande refusée');
  const page = htmlPage(
    title,
    `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(body.message)}</p>\n<p><a href="/">Revenir à l’accueil</a></p>`,
  );
  return c.html(page, status, headers);
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
    const body = { code: 'invalid_input', message: describeIssues(result.error), details: result.error.issues };
    return errorResponse(c, 400, body);
  }
  return undefined;
}

/**
 * The one error handler: known errors keep their status, a database rule's refusal is a 4xx in French, anything
 * else is a 500 without internals.
 */
export function handleError(error: Error, c: Context) {
  if (error instanceof ApiError) {
    return errorResponse(c, error.status, { code: error.code, message: error.message, details: error.details });
  }
  const refused = constraintAnswer(error);
  if (refused) return errorResponse(c, refused.status, refused.body);
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    const message = HTTP_MESSAGES[status] ?? 'Requête refusée.';
    return errorResponse(c, status, { code: `http_${status}`, message });
  }
  console.error(error);
  return errorResponse(c, 500, { code: 'internal_error', message: 'Une erreur interne est survenue.' });
}
