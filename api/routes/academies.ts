import { OpenAPIHono, z } from '@hono/zod-openapi';
import { ROLE_GROUPS } from '../../domain/role-groups.ts';
import { Academy } from '../../contracts/academies.ts';
import { listAcademies, setPilot } from '../../db/queries/academies.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { currentUser, defineRoute } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { ApiError, validationHook } from '../errors.ts';
import { invalidInput, refusalResponses, jsonResponse, pageSchema } from './common.schemas.ts';

const CodeParam = z.object({ id: z.string().regex(/^[a-z-]+$/, 'code d’académie invalide') });
const PilotBody = z
  .object({ pilotEnabled: z.boolean({ error: 'pilotEnabled : vrai ou faux.' }) })
  .openapi('AcademyPilot');

const list = defineRoute(ROLE_GROUPS.administrators, {
  method: 'get',
  path: '/academies',
  summary: 'Académies, et celles du pilote (seuls leurs projets peuvent être publiés)',
  responses: { 200: jsonResponse(pageSchema(Academy), 'Académies'), ...invalidInput },
});
const update = defineRoute(ROLE_GROUPS.administrators, {
  method: 'patch',
  path: '/academies/{id}',
  summary: 'Ajouter une académie au pilote, ou l’en retirer',
  request: { params: CodeParam, body: { content: { 'application/json': { schema: PilotBody } }, required: true } },
  responses: {
    200: jsonResponse(z.object({ id: z.string() }), 'Académie modifiée'),
    ...invalidInput,
    404: refusalResponses[404],
  },
});

/** The pilot académies, for administrators. */
export const academyRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(list, async (c) => {
    const data = await listAcademies(c.get('deps').db);
    return c.json({ data, total: data.length }, 200);
  })
  .openapi(update, async (c) => {
    const { id } = c.req.valid('param');
    const { pilotEnabled } = c.req.valid('json');
    const { db } = c.get('deps');
    if (!(await setPilot(db, id, pilotEnabled))) throw new ApiError(404, 'not_found', 'Académie introuvable.');
    await recordAudit(db, {
      actorId: currentUser(c).id,
      action: pilotEnabled ? 'academy_joined_pilot' : 'academy_left_pilot',
      entityType: 'academy',
      entityId: id,
    });
    return c.json({ id }, 200);
  });
