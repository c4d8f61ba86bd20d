import { createRequire } from 'node:module';
import { ROLE_GROUPS } from '../domain/role-groups.ts';
import { dirname, relative } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import { swaggerUI } from '@hono/swagger-ui';
import { authorize } from './auth/access.ts';
import { SESSION_COOKIE } from './auth/session.ts';
import type { ApiConfig } from './config.ts';
import type { AppEnv } from './context.ts';

const SWAGGER_UI_DIR = relative(
  process.cwd(),
  dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json')),
);

// from a file, not inline, so the viewer runs under a Content-Security-Policy without inline scripts
const VIEWER = `<div id="swagger-ui"></div>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui-dist/swagger-ui.css">
<script src="/api/docs/assets/swagger-ui-dist/swagger-ui-bundle.js"></script>
<script src="/api/docs/start.js"></script>`;
const START_SCRIPT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', validatorUrl: 'none' });\n`;

/** Who reads the OpenAPI document and its viewer: API_DOCS, else anyone in development and admins elsewhere. */
export function docsAccess(config: Pick<ApiConfig, 'API_DOCS' | 'APP_ENV'>): 'public' | 'admin' | 'off' {
  return config.API_DOCS ?? (config.APP_ENV === 'development' ? 'public' : 'admin');
}

/**
 * Serves the OpenAPI document (`/api/openapi.json`) and its viewer (`/api/docs`, assets from this server, not a
 * CDN) to whom API_DOCS says: anyone, signed-in admins only, or nobody (not mounted: 404).
 */
export function mountApiDocs(app: OpenAPIHono<AppEnv>, access: ReturnType<typeof docsAccess>) {
  if (access === 'off') return;
  if (access === 'admin') {
    for (const path of ['/api/openapi.json', '/api/docs', '/api/docs/*'])
      app.use(path, authorize(ROLE_GROUPS.administrators));
  }
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Trousse à Projets — API du back office', version: '0.1.0' },
  });
  app.get(
    '/api/docs',
    swaggerUI({
      url: '/api/openapi.json',
      title: 'Trousse à Projets — API',
      manuallySwaggerUIHtml: () => VIEWER,
    }),
  );
  app.get('/api/docs/start.js', (c) => c.body(START_SCRIPT, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  app.use(
    '/api/docs/assets/swagger-ui-dist/*',
    serveStatic({ root: SWAGGER_UI_DIR, rewriteRequestPath: (path) => path.replace(/^.*\/swagger-ui-dist/, '') }),
  );
}
