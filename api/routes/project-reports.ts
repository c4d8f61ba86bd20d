import { OpenAPIHono, z } from '@hono/zod-openapi';
import { BudgetLine, ProjectReport } from '../../contracts/project-reports.ts';
import { findLatestReport, listReportBudgetLines } from '../../db/queries/project-reports.ts';
import { PROJECT_ROLES } from '../../domain/roles.ts';
import { defineRoute } from '../auth/access.ts';
import { visibleProject } from '../auth/scopes.ts';
import type { AppEnv } from '../context.ts';
import { ApiError, validationHook } from '../errors.ts';
import { invalidInput, jsonResponse, refusal, refusalResponses } from './common.schemas.ts';
import { IdParam } from './resources.schemas.ts';

const latest = defineRoute(PROJECT_ROLES, {
  method: 'get',
  path: '/projects/{id}/report',
  summary: 'Le dernier bilan final du projet : réalisations, élèves, dépenses au regard du budget, photos',
  request: { params: IdParam },
  responses: {
    200: jsonResponse(ProjectReport, 'Bilan final'),
    404: refusal('Projet introuvable (ou hors de votre périmètre), ou aucun bilan déposé'),
    ...invalidInput,
  },
});

const budgetLines = defineRoute(PROJECT_ROLES, {
  method: 'get',
  path: '/projects/{id}/budget-lines',
  summary: 'Les postes du budget du projet, pour dire dans le bilan ce qui a été dépensé sur chacun',
  request: { params: IdParam },
  responses: {
    200: jsonResponse(z.array(BudgetLine), 'Postes du budget'),
    ...invalidInput,
    404: refusalResponses[404],
  },
});

/** The final report of a project, for those whose role covers the project (its judges read it before deciding). */
export const projectReportRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(latest, async (c) => {
    const { id } = c.req.valid('param');
    await visibleProject(c, id);
    const report = await findLatestReport(c.get('deps').db, id);
    if (!report) throw new ApiError(404, 'no_report', 'Aucun bilan n’a encore été déposé pour ce projet.');
    return c.json(report, 200);
  })
  .openapi(budgetLines, async (c) => {
    const { id } = c.req.valid('param');
    await visibleProject(c, id);
    const lines = await listReportBudgetLines(c.get('deps').db, id);
    return c.json(
      lines.map(({ spentCents: _, ...line }) => line),
      200,
    );
  });
