import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { compress } from 'hono/compress';
import type { AppEnv } from '../context.ts';

/** Hashed assets never change under their name: a year in any cache. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

const underAdmin = (path: string) => path.replace(/^\/admin/, '');
const revalidate = (_path: string, c: Context) => c.header('Cache-Control', 'no-cache');

/**
 * The admin SPA from its build directory: hashed assets under /admin/assets cached as immutable (precompressed .br or
 * .gz files when the build wrote them), index.html revalidated on every load, client-side routes falling back to it.
 */
export function adminSpaRoutes(root: string) {
  return new Hono<AppEnv>()
    .get('/', (c) => c.redirect('/admin/'))
    .get('/admin', (c) => c.redirect('/admin/'))
    .use('/admin/*', compress())
    .use(
      '/admin/assets/*',
      serveStatic({
        root,
        precompressed: true,
        rewriteRequestPath: underAdmin,
        onFound: (_path, c) => c.header('Cache-Control', IMMUTABLE),
      }),
    )
    .use('/admin/assets/*', async (c) => c.notFound())
    .use('/admin/*', serveStatic({ root, rewriteRequestPath: underAdmin, onFound: revalidate }))
    .get('/admin/*', serveStatic({ root, path: 'index.html', onFound: revalidate }));
}
