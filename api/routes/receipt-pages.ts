import { OpenAPIHono, z } from '@hono/zod-openapi';
import { donorYearReceipts, findIssuedReceipt } from '../../db/queries/tax-receipts.ts';
import { verifyReceiptToken, verifyStatementToken } from '../../domain/email-links.ts';
import { receiptNumber } from '../../domain/tax-receipts.ts';
import { defineRoute } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { validationHook } from '../errors.ts';
import { htmlPage, htmlResponse } from '../html.ts';
import { taxReceiptPdf, yearlyStatementPdf } from '../pdf/tax-receipt.ts';

const pdfResponse = { description: 'PDF', content: { 'application/pdf': { schema: { type: 'string' as const } } } };
const INVALID = htmlPage(
  'Lien invalide',
  '<h1>Ce lien n’est pas valide</h1><p>Copiez-le en entier depuis le message reçu.</p>',
);

const receipt = defineRoute('public', {
  method: 'get',
  path: '/recus/{token}',
  summary: 'Le reçu fiscal d’un donateur, par le lien signé de son e-mail',
  request: { params: z.object({ token: z.string().max(200) }) },
  responses: { 200: pdfResponse, 404: htmlResponse('Lien invalide') },
});
const statement = defineRoute('public', {
  method: 'get',
  path: '/recus/annuel/{token}',
  summary: 'Le récapitulatif annuel des reçus d’un donateur, par le lien signé de son e-mail',
  request: { params: z.object({ token: z.string().max(600) }) },
  responses: { 200: pdfResponse, 404: htmlResponse('Lien invalide') },
});

/** A PDF answer, shown in the browser, with the file name it is saved under. */
export const asPdf = (file: Buffer, name: string) =>
  new Response(new Uint8Array(file), {
    status: 200,
    headers: { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${name}"` },
  });

/** A donor's own documents, from the signed links of their e-mails: a receipt, their yearly statement. */
export const receiptPageRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(statement, async (c) => {
    const { db, config } = c.get('deps');
    const who = await verifyStatementToken(config.EMAIL_LINK_SECRET, c.req.valid('param').token);
    const receipts = who ? await donorYearReceipts(db, who.email, who.year) : [];
    if (!who || receipts.length === 0) return c.html(INVALID, 404);
    const donor = receipts[0]!.donor;
    const name = donor.kind === 'company' ? (donor.companyName ?? donor.name) : donor.name;
    return asPdf(await yearlyStatementPdf(who.year, name, receipts), `recapitulatif-dons-${who.year}.pdf`);
  })
  .openapi(receipt, async (c) => {
    const { db, config } = c.get('deps');
    const id = await verifyReceiptToken(config.EMAIL_LINK_SECRET, c.req.valid('param').token);
    const found = id === undefined ? undefined : await findIssuedReceipt(db, id);
    if (!found) return c.html(INVALID, 404);
    return asPdf(await taxReceiptPdf(found), `recu-${receiptNumber(found.year, found.number)}.pdf`);
  });
