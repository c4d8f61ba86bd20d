import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { PAGE_STYLE_SOURCE } from './html.ts';

type Policy = NonNullable<NonNullable<Parameters<typeof secureHeaders>[0]>['contentSecurityPolicy']>;

/** The server-rendered pages and the API: no script at all, the pages' one style sheet, forms to us or Stripe. */
export const SITE_POLICY: Policy = {
  defaultSrc: ["'none'"],
  styleSrc: [PAGE_STYLE_SOURCE],
  imgSrc: ["'self'", 'data:'],
  formAction: ["'self'", 'https://checkout.stripe.com'],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
};

/**
 * The admin SPA (Vite build: scripts from files only; MUI writes its styles at run time, hence inline styles) and
 * the OpenAPI viewer (Swagger UI and its start-up script, from files).
 */
export const APP_POLICY: Policy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
};

const strict = (contentSecurityPolicy: Policy) =>
  secureHeaders({
    contentSecurityPolicy,
    xFrameOptions: 'DENY',
    strictTransportSecurity: 'max-age=31536000; includeSubDomains',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [] },
  });

/**
 * Strict security headers on every response (HSTS, nosniff, no framing, no referrer, same-origin isolation) with
 * the Content-Security-Policy of what answers: the admin SPA, the OpenAPI viewer, or the pages and the API.
 * A PDF goes without one, so browsers' PDF viewers show it.
 */
export function securityHeaders(): MiddlewareHandler {
  const app = strict(APP_POLICY);
  const site = strict(SITE_POLICY);
  return async (c, next) => {
    const path = c.req.path;
    const headers = path === '/admin' || path.startsWith('/admin/') || path.startsWith('/api/docs') ? app : site;
    await headers(c, next);
    if (c.res.headers.get('content-type')?.startsWith('application/pdf'))
      c.res.headers.delete('Content-Security-Policy');
  };
}
