import { OpenAPIHono } from '@hono/zod-openapi';
import { ROLE_GROUPS } from '../../domain/role-groups.ts';
import type { Context } from 'hono';
import { currentUser, defineRoute } from '../auth/access.ts';
import { assertMayReadFund } from '../auth/scopes.ts';
import type { AppEnv } from '../context.ts';
import { ApiError, validationHook } from '../errors.ts';
import { buildFundReport, fundReportCsv } from '../services/fund-reports.ts';
import { invalidInput, jsonResponse, refusalResponses } from './common.schemas.ts';
import { FundReportSchema } from './fund-reports.schemas.ts';
import { IdParam } from './resources.schemas.ts';

const json = defineRoute(ROLE_GROUPS.fundReaders, {
  method: 'get',
  path: '/funds/{id}/report',
  summary: 'Rapport au mécène : subventions, projets aidés, part allée aux établissements prioritaires, issues',
  request: { params: IdParam },
  responses: { 200: jsonResponse(FundReportSchema, 'Rapport du fonds'), ...invalidInput, 404: refusalResponses[404] },
});

const csv = defineRoute(ROLE_GROUPS.fundReaders, {
  method: 'get',
  path: '/funds/{id}/report.csv',
  summary: 'Le rapport au mécène en CSV pour Excel (UTF-8, « ; », montants en euros avec une virgule)',
  request: { params: IdParam },
  responses: {
    200: { description: 'Une ligne par subvention', content: { 'text/csv': { schema: { type: 'string' as const } } } },
    ...invalidInput,
    404: refusalResponses[404],
  },
});

/** The fund's report, for an admin or the fund's mécène; a 404 for anyone else or an unknown fund. */
async function reportFor(c: Context<AppEnv>, id: number) {
  assertMayReadFund(currentUser(c), id, { validateurs: false });
  const report = await buildFundReport(c.get('deps').db, id);
  if (!report) throw new ApiError(404, 'not_found', 'Fonds introuvable.');
  return report;
}

/** A fund's report to its sponsor, as JSON or as a CSV download; admins and the fund's mécène only. */
export const fundReportRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(json, async (c) => c.json(await reportFor(c, c.req.valid('param').id), 200))
  .openapi(csv, async (c) => {
    const { id } = c.req.valid('param');
    return c.body(fundReportCsv(await reportFor(c, id)), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="rapport-fonds-${id}.csv"`,
    });
  });
