import { createRequire } from 'node:module';
import { dirname, relative } from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import { swaggerUI } from '@hono/swagger-ui';
import { compress } from 'hono/compress';
import { csrf } from 'hono/csrf';
import { secureHeaders } from 'hono/secure-headers';
import { SESSION_COOKIE } from './auth/session.ts';
import type { ApiDeps, AppEnv } from './context.ts';
import { ApiError, handleError, validationHook } from './errors.ts';
import { academyRoutes } from './routes/academies.ts';
import { adminSpaRoutes } from './routes/admin-spa.ts';
import { accountPageRoutes } from './routes/account-pages.ts';
import { authRoutes } from './routes/auth.ts';
import { documentRoutes } from './routes/documents.ts';
import { devCheckoutRoutes } from './routes/dev-checkout.ts';
import { donationListRoutes } from './routes/donation-list.ts';
import { donationRoutes } from './routes/donations.ts';
import { emailPageRoutes } from './routes/email-pages.ts';
import { emailRoutes } from './routes/emails.ts';
import { fundRoutes } from './routes/funds.ts';
import { giftPageRoutes } from './routes/gift-pages.ts';
import { healthRoutes } from './routes/health.ts';
import { lifecycleRoutes } from './routes/lifecycle.ts';
import { payoutRoutes } from './routes/payouts.ts';
import { projectDraftRoutes } from './routes/project-drafts.ts';
import { projectReportRoutes } from './routes/project-reports.ts';
import { projectRoutes } from './routes/projects.ts';
import { publicPageRoutes } from './routes/public-pages.ts';
import { receiptPageRoutes } from './routes/receipt-pages.ts';
import { reconciliationRoutes } from './routes/reconciliations.ts';
import { schoolRoutes } from './routes/schools.ts';
import { statsRoutes } from './routes/stats.ts';
import { structureRoutes } from './routes/structures.ts';
import { taxReceiptRoutes } from './routes/tax-receipts.ts';
import { userRoutes } from './routes/users.ts';

/** Public paths outside the OpenAPI document: the document itself, its viewer and the admin SPA. */
export const UNDOCUMENTED_PUBLIC_PATHS = [
  '/api/openapi.json',
  '/api/docs',
  '/api/docs/assets/swagger-ui-dist/*',
  '/admin/*',
  '/',
  '/admin',
] as const;

const SWAGGER_UI_DIR = relative(
  process.cwd(),
  dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json')),
);

/**
 * The HTTP application. Sessions are httpOnly, SameSite=Lax cookies; state-changing requests must come
 * from the same origin (Origin and Sec-Fetch-Site checked by hono/csrf).
 */
export function createApp(deps: ApiDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', secureHeaders());
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('/api/*', csrf());
  app.use('/api/*', compress());
  // the public site's forms too (Stripe's webhook posts JSON, which this check leaves alone)
  for (const path of ['/projets/*', '/fonds/*', '/dons/*', '/dev/*', '/compte/*']) app.use(path, csrf());

  app.route('/', healthRoutes);
  app.route('/api', healthRoutes);
  app.route('/api', authRoutes);
  app.route('/api', schoolRoutes);
  app.route('/api', projectRoutes);
  app.route('/api', projectDraftRoutes);
  app.route('/api', lifecycleRoutes);
  app.route('/api', documentRoutes);
  app.route('/api', projectReportRoutes);
  app.route('/api', fundRoutes);
  app.route('/api', userRoutes);
  app.route('/api', emailRoutes);
  app.route('/api', donationRoutes);
  app.route('/api', donationListRoutes);
  app.route('/api', payoutRoutes);
  app.route('/api', structureRoutes);
  app.route('/api', taxReceiptRoutes);
  app.route('/api', reconciliationRoutes);
  app.route('/api', statsRoutes);
  app.route('/api', academyRoutes);
  app.route('/', emailPageRoutes);
  app.route('/', publicPageRoutes);
  app.route('/', giftPageRoutes);
  app.route('/', receiptPageRoutes);
  app.route('/', accountPageRoutes);
  // stands in for Stripe's hosted Checkout page when Stripe is stripe-mock; never in production
  if (deps.config.STRIPE_API_URL && deps.config.NODE_ENV !== 'production') app.route('/', devCheckoutRoutes);

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Trousse à Projets — API du back office', version: '0.1.0' },
  });
  // the viewer's assets come from the swagger-ui-dist package, not a CDN: it works offline
  app.get('/api/docs', swaggerUI({ url: '/api/openapi.json', baseUrl: '/api/docs/assets' }));
  app.use(
    '/api/docs/assets/swagger-ui-dist/*',
    serveStatic({ root: SWAGGER_UI_DIR, rewriteRequestPath: (path) => path.replace(/^.*\/swagger-ui-dist/, '') }),
  );

  app.route('/', adminSpaRoutes(deps.config.ADMIN_DIST_DIR));

  app.notFound(() => {
    throw new ApiError(404, 'not_found', 'Ressource introuvable.');
  });
  app.onError(handleError);
  return app;
}

/** The application type, for typed clients in tests. */
export type App = ReturnType<typeof createApp>;
