import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from './errors.ts';
import { MAX_DOCUMENT_BYTES } from '../domain/documents.ts';

const KB = 1024;

/** Every request body's ceiling unless a route below says otherwise: JSON bodies and the site's forms. */
export const DEFAULT_BODY_LIMIT = 256 * KB;

/** Routes that take more: a document upload (its file plus the form around it), Stripe's events. */
export const BODY_LIMITS: readonly { pattern: RegExp; maxSize: number }[] = [
  { pattern: /^\/api\/projects\/[^/]+\/documents$/, maxSize: MAX_DOCUMENT_BYTES + 64 * KB },
  { pattern: /^\/api\/stripe\/webhook$/, maxSize: 1024 * KB },
];

const tooLarge = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: () => {
      const limit = maxSize >= 1024 * KB ? `${Math.floor(maxSize / (1024 * KB))} Mo` : `${maxSize / KB} Ko`;
      throw new ApiError(413, 'payload_too_large', `La requête est trop volumineuse : ${limit} au plus.`);
    },
  });

/**
 * Refuses with 413 a body beyond its route's limit: at once from its Content-Length, or as soon as a streamed
 * (chunked) body passes it, never holding more than the limit in memory.
 */
export function bodyLimits(): MiddlewareHandler {
  const byRoute = BODY_LIMITS.map(({ pattern, maxSize }) => ({ pattern, limit: tooLarge(maxSize) }));
  const fallback = tooLarge(DEFAULT_BODY_LIMIT);
  return (c, next) => (byRoute.find(({ pattern }) => pattern.test(c.req.path))?.limit ?? fallback)(c, next);
}
