import { OpenAPIHono } from '@hono/zod-openapi';
import { ROLE_GROUPS } from '../../domain/role-groups.ts';
import { listOutboxEmails } from '../../db/queries/email-list.ts';
import { defineRoute } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { validationHook } from '../errors.ts';
import { invalidInput, jsonResponse, pageOf, pageSchema } from './common.schemas.ts';
import { OutboxEmail } from '../../contracts/emails.ts';
import { EmailListQuery } from './emails.schemas.ts';

const list = defineRoute(ROLE_GROUPS.administrators, {
  method: 'get',
  path: '/emails',
  summary: 'La boîte d’envoi des e-mails : statut, tentatives et dernière erreur (administrateurs seulement)',
  request: { query: EmailListQuery },
  responses: { 200: jsonResponse(pageSchema(OutboxEmail), 'E-mails'), ...invalidInput },
});

/** The e-mail outbox, for administrators. */
export const emailRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(list, async (c) => {
  const query = c.req.valid('query');
  return c.json(await listOutboxEmails(c.get('deps').db, { ...query, ...pageOf(query) }), 200);
});
