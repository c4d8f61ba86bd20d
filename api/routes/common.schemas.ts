import { z } from '@hono/zod-openapi';
import { LIST_ROW_CAP } from '../../db/queries/paging.ts';
import { ApiError } from '../errors.ts';

/** The one error body of the API. */
export const ErrorSchema = z
  .object({ code: z.string(), message: z.string(), details: z.unknown().optional() })
  .openapi('Error');

/** An error response of the OpenAPI document: the one error body, with what the status means for the route. */
export const refusal = (description: string) =>
  ({ description, content: { 'application/json': { schema: ErrorSchema } } }) as const;

/** The refusals a route may add to the standard ones, each with its French description in the OpenAPI document. */
export const refusalResponses = {
  404: refusal('Introuvable (ou hors de votre périmètre)'),
  409: refusal('Refusé : l’état actuel ne le permet pas'),
  413: refusal('Requête trop volumineuse'),
  422: refusal('Demande impossible à satisfaire telle quelle'),
  429: refusal('Trop de tentatives : réessayez plus tard'),
  502: refusal('Service de paiement indisponible'),
} as const;

/**
 * The refusal of bad input, which any route may give (the input guard reads every request). Refusals of access (401,
 * 403) are not declared by routes: defineRoute derives them from who may call the route.
 */
export const invalidInput = { 400: refusal('Données invalides') } as const;

/** An optional free-text filter of a list, e.g. `q` or `academyCode`. */
export const optionalText = z.string().trim().min(1).max(100).optional();

/** react-admin list parameters: page, perPage, sort (one of the list's allow-listed fields), order. */
export function listQuery<Sort extends string>(sortFields: readonly Sort[], defaultSort: NoInfer<Sort>) {
  return z.object({
    page: z.coerce.number().int().min(1).default(1),
    perPage: z.coerce.number().int().min(1).max(200).default(25),
    sort: z.enum(sortFields as [Sort, ...Sort[]]).default(defaultSort),
    order: z.enum(['ASC', 'DESC']).default('ASC'),
  });
}

/** Offset, limit and direction from validated list parameters. */
export function pageOf(query: { page: number; perPage: number; order: 'ASC' | 'DESC' }) {
  return { offset: (query.page - 1) * query.perPage, limit: query.perPage, descending: query.order === 'DESC' };
}

/** pageOf for the big lists, whose totals stop at LIST_ROW_CAP: a page beyond is refused with a 400 in French. */
export function cappedPageOf(query: { page: number; perPage: number; order: 'ASC' | 'DESC' }) {
  if (query.page * query.perPage > LIST_ROW_CAP) {
    throw new ApiError(
      400,
      'page_too_deep',
      `La liste s’arrête aux ${LIST_ROW_CAP.toLocaleString('fr-FR')} premières lignes : affinez les filtres ou changez le tri.`,
    );
  }
  return pageOf(query);
}

/** A JSON response schema entry for the OpenAPI document. */
export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

/** A page of records, as react-admin's data provider expects. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), total: z.number().int() });
}
