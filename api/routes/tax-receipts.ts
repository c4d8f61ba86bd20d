import { OpenAPIHono } from '@hono/zod-openapi';
import { Count, Receipt } from '../../contracts/tax-receipts.ts';
import { ROLE_GROUPS } from '../../domain/role-groups.ts';
import {
  createDraftReceiptsForConfirmedPayouts,
  donorsWithReceipts,
  findIssuedReceipt,
  listReceipts,
  markReceiptsSent,
  validateReceipts,
} from '../../db/queries/tax-receipts.ts';
import { signReceiptToken, signStatementToken } from '../../domain/email-links.ts';
import { formatDate, formatEuros } from '../../domain/format.ts';
import { receiptNumber } from '../../domain/tax-receipts.ts';
import { currentUser, defineRoute } from '../auth/access.ts';
import { structuresHandledBy } from '../auth/scopes.ts';
import type { AppEnv } from '../context.ts';
import { ApiError, validationHook } from '../errors.ts';
import { taxReceiptPdf } from '../pdf/tax-receipt.ts';
import { notify } from '../services/notify.ts';
import { invalidInput, refusalResponses, jsonResponse, pageOf, pageSchema } from './common.schemas.ts';
import { IdParam } from './resources.schemas.ts';
import { ReceiptIds, ReceiptListQuery, YearRequest } from './tax-receipts.schemas.ts';

const HANDLERS = ROLE_GROUPS.structureHandlers;
const jsonBody = <T>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });
const pdfResponse = { description: 'PDF', content: { 'application/pdf': { schema: { type: 'string' as const } } } };

const list = defineRoute(HANDLERS, {
  method: 'get',
  path: '/tax-receipts',
  summary: 'Reçus fiscaux des dons versés à sa structure (brouillons, validés, envoyés)',
  request: { query: ReceiptListQuery },
  responses: { 200: jsonResponse(pageSchema(Receipt), 'Reçus'), ...invalidInput },
});
const validate = defineRoute(HANDLERS, {
  method: 'post',
  path: '/tax-receipts/validate',
  summary: 'Valide des reçus : chacun prend le numéro suivant de la structure, sans trou',
  request: { body: jsonBody(ReceiptIds) },
  responses: { 200: jsonResponse(Count, 'Reçus validés'), ...invalidInput },
});
const send = defineRoute(HANDLERS, {
  method: 'post',
  path: '/tax-receipts/send',
  summary: 'Envoie aux donateurs le lien de leur reçu validé',
  request: { body: jsonBody(ReceiptIds) },
  responses: { 200: jsonResponse(Count, 'Reçus envoyés'), ...invalidInput },
});
const pdf = defineRoute(HANDLERS, {
  method: 'get',
  path: '/tax-receipts/{id}/pdf',
  summary: 'Le reçu fiscal en PDF',
  request: { params: IdParam },
  responses: { 200: pdfResponse, ...invalidInput, 404: refusalResponses[404] },
});
const statements = defineRoute(ROLE_GROUPS.administrators, {
  method: 'post',
  path: '/tax-receipts/yearly-statements',
  summary: 'Envoie à chaque donateur le récapitulatif annuel de ses reçus',
  request: { body: jsonBody(YearRequest) },
  responses: { 200: jsonResponse(Count, 'Donateurs prévenus'), ...invalidInput },
});

const base = (url: string) => url.replace(/\/+$/, '');

/** Tax receipts, for the receiving structures' gestionnaires (and admins): validate, send, download. */
export const taxReceiptRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(list, async (c) => {
    const query = c.req.valid('query');
    const { db } = c.get('deps');
    await createDraftReceiptsForConfirmedPayouts(db);
    return c.json(
      await listReceipts(db, { ...query, ...pageOf(query), structures: structuresHandledBy(currentUser(c)) }),
      200,
    );
  })
  .openapi(validate, async (c) => {
    const user = currentUser(c);
    const { ids } = c.req.valid('json');
    const validated = await c
      .get('deps')
      .db.begin((tx) => validateReceipts(tx, ids, structuresHandledBy(user), user.id));
    return c.json({ count: validated.length }, 200);
  })
  .openapi(send, async (c) => {
    const deps = c.get('deps');
    const sent = await markReceiptsSent(deps.db, c.req.valid('json').ids, structuresHandledBy(currentUser(c)));
    for (const receipt of sent) {
      const token = await signReceiptToken(deps.config.EMAIL_LINK_SECRET, receipt.id);
      await notify(deps, {
        donationId: receipt.donationId,
        template: 'tax_receipt_available',
        eventKey: `receipt-${receipt.id}`,
        message:
          `Reçu n° ${receiptNumber(receipt.year, receipt.number)} : ${formatEuros(receipt.amountCents)} donnés le ` +
          `${formatDate(receipt.paidOn)}.`,
        actionUrl: `${base(deps.config.PUBLIC_URL)}/recus/${token}`,
        actionLabel: 'Télécharger mon reçu fiscal',
      });
    }
    return c.json({ count: sent.length }, 200);
  })
  .openapi(pdf, async (c) => {
    const receipt = await findIssuedReceipt(
      c.get('deps').db,
      c.req.valid('param').id,
      structuresHandledBy(currentUser(c)),
    );
    if (!receipt) throw new ApiError(404, 'not_found', 'Reçu introuvable ou pas encore validé.');
    return c.body(new Uint8Array(await taxReceiptPdf(receipt)), 200, {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="recu-${receiptNumber(receipt.year, receipt.number)}.pdf"`,
    });
  })
  .openapi(statements, async (c) => {
    const deps = c.get('deps');
    const { year } = c.req.valid('json');
    const donors = await donorsWithReceipts(deps.db, year);
    for (const donor of donors) {
      const token = await signStatementToken(deps.config.EMAIL_LINK_SECRET, { email: donor.email, year });
      await notify(deps, {
        donationId: donor.donationId,
        template: 'tax_statement_available',
        eventKey: `statement-${year}`,
        actionUrl: `${base(deps.config.PUBLIC_URL)}/recus/annuel/${token}`,
        actionLabel: `Télécharger mon récapitulatif ${year}`,
      });
    }
    return c.json({ count: donors.length }, 200);
  });
