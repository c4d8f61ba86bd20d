import { OpenAPIHono } from '@hono/zod-openapi';
import { compress } from 'hono/compress';
import { csrf } from 'hono/csrf';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { bodyLimits } from './body-limits.ts';
import { devCheckoutEnabled } from './config.ts';
import type { ApiDeps, AppEnv } from './context.ts';
import { docsAccess, mountApiDocs } from './docs.ts';
import { errorResponse, handleError, HTTP_MESSAGES, validationHook } from './errors.ts';
import { refuseUnstorableInput } from './input-guard.ts';
import { createMetrics } from './metrics.ts';
import { academyRoutes } from './routes/academies.ts';
import { anomalyRoutes } from './routes/anomalies.ts';
import { adminSpaRoutes } from './routes/admin-spa.ts';
import { accountPageRoutes } from './routes/account-pages.ts';
import { authRoutes } from './routes/auth.ts';
import { cataloguePageRoutes } from './routes/catalogue-pages.ts';
import { documentRoutes } from './routes/documents.ts';
import { devCheckoutRoutes } from './routes/dev-checkout.ts';
import { donationListRoutes } from './routes/donation-list.ts';
import { donationRoutes } from './routes/donations.ts';
import { donorPageRoutes } from './routes/donor-pages.ts';
import { donorSpaceRoutes } from './routes/donor-space.ts';
import { emailPageRoutes } from './routes/email-pages.ts';
import { emailRoutes } from './routes/emails.ts';
import { fundRoutes } from './routes/funds.ts';
import { giftPageRoutes } from './routes/gift-pages.ts';
import { guideRoutes } from './routes/guides.ts';
import { goalExceptionRoutes } from './routes/goal-exceptions.ts';
import { healthRoutes } from './routes/health.ts';
import { homeRoutes } from './routes/homes.ts';
import { metricsRoutes } from './routes/metrics.ts';
import { lifecycleRoutes } from './routes/lifecycle.ts';
import { lifecycleRecoveryRoutes } from './routes/lifecycle-recovery.ts';
import { payoutRoutes } from './routes/payouts.ts';
import { projectDraftRoutes } from './routes/project-drafts.ts';
import { projectFlyerRoutes } from './routes/project-flyer.ts';
import { projectReportRoutes } from './routes/project-reports.ts';
import { projectRoutes } from './routes/projects.ts';
import { newsPageRoutes } from './routes/news-pages.ts';
import { publicPageRoutes } from './routes/public-pages.ts';
import { receiptPageRoutes } from './routes/receipt-pages.ts';
import { reconciliationRoutes } from './routes/reconciliations.ts';
import { resourcePageRoutes } from './routes/resource-pages.ts';
import { schoolRoutes } from './routes/schools.ts';
import { securityHeaders } from './security-headers.ts';
import { sitePageRoutes } from './routes/site-pages.ts';
import { statsRoutes } from './routes/stats.ts';
import { structureRoutes } from './routes/structures.ts';
import { taxReceiptRoutes } from './routes/tax-receipts.ts';
import { userRoutes } from './routes/users.ts';

/** Public paths outside the OpenAPI document: the document itself, its viewer and the admin SPA. */
export const UNDOCUMENTED_PUBLIC_PATHS = [
  '/api/openapi.json',
  '/api/docs',
  '/api/docs/start.js',
  '/api/docs/assets/swagger-ui-dist/*',
  '/admin/*',
  '/admin',
] as const;

/**
 * The HTTP application. Sessions are httpOnly, SameSite=Lax cookies; state-changing requests must come
 * from the same origin (Origin and Sec-Fetch-Site checked by hono/csrf).
 */
export function createApp(deps: ApiDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const metrics = createMetrics(deps);
  app.use('*', metrics.observe);
  // outside every other middleware, so it compresses the answer finally given (a 405 made after the router's 404 too)
  app.use('/api/*', compress());
  app.use('*', securityHeaders());
  app.use(
    '*',
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) =>
        errorResponse(
          c,
          405,
          { code: 'method_not_allowed', message: HTTP_MESSAGES[405]! },
          { Allow: methods.join(', ') },
        ),
    }),
  );
  app.use('*', bodyLimits());
  app.use('*', refuseUnstorableInput());
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('/api/*', csrf());
  // the public site's forms too (Stripe's webhook posts JSON, which this check leaves alone)
  for (const path of ['/projets/*', '/fonds/*', '/dons/*', '/dev/*', '/compte/*', '/donateur', '/donateur/*']) {
    app.use(path, csrf());
  }

  app.route('/', healthRoutes);
  app.route('/', metricsRoutes(metrics));
  app.route('/api', healthRoutes);
  app.route('/api', authRoutes);
  app.route('/api', schoolRoutes);
  app.route('/api', projectRoutes);
  app.route('/api', projectDraftRoutes);
  app.route('/api', goalExceptionRoutes);
  app.route('/api', anomalyRoutes);
  app.route('/api', lifecycleRoutes);
  app.route('/api', lifecycleRecoveryRoutes);
  app.route('/api', documentRoutes);
  app.route('/api', projectReportRoutes);
  app.route('/api', projectFlyerRoutes);
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
  app.route('/api', homeRoutes);
  app.route('/api', academyRoutes);
  app.route('/api', guideRoutes);
  app.route('/', emailPageRoutes);
  app.route('/', cataloguePageRoutes);
  app.route('/', sitePageRoutes);
  app.route('/', resourcePageRoutes);
  app.route('/', publicPageRoutes);
  app.route('/', newsPageRoutes);
  app.route('/', giftPageRoutes);
  app.route('/', receiptPageRoutes);
  app.route('/', accountPageRoutes);
  app.route('/', donorPageRoutes);
  app.route('/', donorSpaceRoutes);
  // stands in for Stripe's hosted Checkout page, only in explicit development mode with stripe-mock
  if (devCheckoutEnabled(deps.config)) app.route('/', devCheckoutRoutes);

  mountApiDocs(app, docsAccess(deps.config));

  app.route('/', adminSpaRoutes(deps.config.ADMIN_DIST_DIR));

  app.notFound((c) => errorResponse(c, 404, { code: 'not_found', message: HTTP_MESSAGES[404]! }));
  app.onError(handleError);
  return app;
}

/** The application type, for typed clients in tests. */
export type App = ReturnType<typeof createApp>;
