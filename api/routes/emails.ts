import { OpenAPIHono } from '@hono/zod-openapi';
import { listOutboxEmails } from '../../db/queries/email-list.ts';
import { defineRoute } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { validationHook } from '../errors.ts';
import { errorResponses, jsonResponse, pageOf, pageSchema } from './common.schemas.ts';
import { emailPageRoutes } from './email-pages.ts';
import { EmailListQuery, OutboxEmail } from './emails.schemas.ts';

const list = defineRoute(['admin'], {
  method: 'get',
  path: '/api/emails',
  summary: 'La boîte d’envoi des e-mails : statut, tentatives et dernière erreur (administrateurs seulement)',
  request: { query: EmailListQuery },
  responses: { 200: jsonResponse(pageSchema(OutboxEmail), 'E-mails'), ...errorResponses },
});

/** E-mails: the outbox for administrators, and the public pages the e-mails link to. Mounted at the root. */
export const emailRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(list, async (c) => {
    const query = c.req.valid('query');
    return c.json(await listOutboxEmails(c.get('deps').db, { ...query, ...pageOf(query) }), 200);
  })
  .route('/', emailPageRoutes);
