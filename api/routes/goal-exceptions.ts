import { OpenAPIHono, z } from '@hono/zod-openapi';
import { ROLE_GROUPS } from '../../domain/role-groups.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { grantMinimumGoalException } from '../../db/queries/project-drafts.ts';
import { currentUser, defineRoute } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { ApiError, validationHook } from '../errors.ts';
import { invalidInput, jsonResponse, refusalResponses } from './common.schemas.ts';
import { IdParam } from './resources.schemas.ts';

const Granted = z.object({ id: z.number(), minimumGoalException: z.literal(true) }).openapi('MinimumGoalException');

const grant = defineRoute(ROLE_GROUPS.administrators, {
  method: 'post',
  path: '/projects/{id}/minimum-goal-exception',
  summary: 'Accorder au projet la dérogation à l’objectif minimum de 5 000 € au plus (administrateur)',
  request: { params: IdParam },
  responses: {
    200: jsonResponse(Granted, 'Dérogation accordée'),
    ...invalidInput,
    404: refusalResponses[404],
    409: refusalResponses[409],
  },
});

/** The admin's exception to the 5 000 € cap on a project's minimum goal: granted once, audited, idempotent. */
export const goalExceptionRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  grant,
  async (c) => {
    const { id } = c.req.valid('param');
    const user = currentUser(c);
    const outcome = await c.get('deps').db.begin(async (tx) => {
      const result = await grantMinimumGoalException(tx, id);
      if (result === 'granted') {
        await recordAudit(tx, {
          actorId: user.id,
          action: 'minimum_goal_exception_granted',
          entityType: 'project',
          entityId: String(id),
        });
      }
      return result;
    });
    if (outcome === 'not_found') throw new ApiError(404, 'not_found', 'Projet introuvable.');
    if (outcome === 'too_late') {
      throw new ApiError(409, 'too_late', 'La dérogation s’accorde avant que le projet soit accepté.');
    }
    return c.json({ id, minimumGoalException: true as const }, 200);
  },
);
