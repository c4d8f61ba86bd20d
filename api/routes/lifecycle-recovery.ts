import { OpenAPIHono, z } from '@hono/zod-openapi';
import { ROLE_GROUPS } from '../../domain/role-groups.ts';
import { currentUser, defineRoute } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { validationHook } from '../errors.ts';
import { listStuckProjects, resumeLifecycle } from '../services/lifecycle-recovery.ts';
import { ErrorSchema, invalidInput, jsonResponse } from './common.schemas.ts';
import { StuckProject } from '../../contracts/lifecycle.ts';
import { Resumed } from './lifecycle.schemas.ts';
import { IdParam } from './resources.schemas.ts';

const stuck = defineRoute(ROLE_GROUPS.administrators, {
  method: 'get',
  path: '/stuck-projects',
  summary: 'Projets bloqués : une étape a échoué, ou leur processus s’est arrêté avant la fin',
  responses: {
    200: jsonResponse(z.object({ data: z.array(StuckProject), total: z.number().int() }), 'Projets bloqués'),
    ...invalidInput,
  },
});

const resume = defineRoute(ROLE_GROUPS.administrators, {
  method: 'post',
  path: '/projects/{id}/lifecycle/resume',
  summary: 'Relancer le processus d’un projet bloqué (l’étape échouée est retentée, ou le processus repart)',
  request: { params: IdParam },
  responses: {
    200: jsonResponse(Resumed, 'Processus relancé'),
    ...invalidInput,
    404: jsonResponse(ErrorSchema, 'Projet introuvable'),
    409: jsonResponse(ErrorSchema, 'Projet pas bloqué, ou terminé'),
  },
});

/** Admins find the projects whose lifecycle is stuck, and resume them. */
export const lifecycleRecoveryRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(stuck, async (c) => {
    const { temporal, db } = c.get('deps');
    const data = (await listStuckProjects(temporal, db)).map((stuck) => ({ id: stuck.projectId, ...stuck }));
    return c.json({ data, total: data.length }, 200);
  })
  .openapi(resume, async (c) => {
    const { temporal, db, config } = c.get('deps');
    const { id } = c.req.valid('param');
    const options = {
      projectId: id,
      actorId: currentUser(c).id,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      timeScale: config.LIFECYCLE_TIME_SCALE,
    };
    return c.json(await resumeLifecycle({ temporal, db }, options), 200);
  });
