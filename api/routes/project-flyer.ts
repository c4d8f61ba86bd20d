import { OpenAPIHono, z } from '@hono/zod-openapi';
import { findSchool } from '../../db/queries/schools.ts';
import { PROJECT_ROLES } from '../../domain/roles.ts';
import { defineRoute } from '../auth/access.ts';
import { visibleProject } from '../auth/scopes.ts';
import type { AppEnv } from '../context.ts';
import { validationHook } from '../errors.ts';
import { siteBase } from '../pages/project-view.ts';
import { flyerPdf } from '../pdf/flyer.ts';
import { invalidInput, refusalResponses } from './common.schemas.ts';
import { IdParam } from './resources.schemas.ts';

const flyer = defineRoute(PROJECT_ROLES, {
  method: 'get',
  path: '/projects/{id}/flyer.pdf',
  summary: 'Affiche imprimable du projet (PDF) : titre, école, objectif, adresse de sa page publique et son QR code',
  request: { params: IdParam },
  responses: {
    200: {
      description: 'L’affiche',
      content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...invalidInput,
    404: refusalResponses[404],
  },
});

/** The printable flyer of a project, for those whose role covers it (its porteur first). */
export const projectFlyerRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(flyer, async (c) => {
  const { db, config } = c.get('deps');
  const { id } = c.req.valid('param');
  const project = await visibleProject(c, id);
  const school = await findSchool(db, project.schoolUai);
  const pdf = await flyerPdf({
    title: project.title,
    schoolName: project.schoolName,
    commune: school?.commune ?? '',
    minimumGoalCents: project.minimumGoalCents,
    summary: project.summary,
    url: `${siteBase(config.PUBLIC_URL)}/projets/${id}`,
  });
  return c.body(new Uint8Array(pdf), 200, {
    'content-type': 'application/pdf',
    'content-disposition': `inline; filename="affiche-projet-${id}.pdf"`,
  });
});
