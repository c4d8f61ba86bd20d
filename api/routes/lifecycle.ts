import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { UpdateDefinition } from '@temporalio/common';
import type { Context } from 'hono';
import { isProjectDocument } from '../../db/queries/documents.ts';
import { listProjectTimeline } from '../../db/queries/project-status.ts';
import { findLifecycleFacts } from '../../db/queries/projects.ts';
import { rolesFor, type LifecycleAction } from '../../domain/lifecycle.ts';
import { PROJECT_ROLES } from '../../domain/roles.ts';
import {
  attestUpdate,
  cancelUpdate,
  reviewReportUpdate,
  reviewUpdate,
  submitReportUpdate,
  submitUpdate,
  projectWorkflowId,
  type ActorInput,
  type ProjectState,
} from '../../workflows/project-lifecycle.messages.ts';
import { currentUser, defineRoute } from '../auth/access.ts';
import { assertMayAct, visibleProject } from '../auth/scopes.ts';
import type { AppEnv } from '../context.ts';
import { ApiError, validationHook } from '../errors.ts';
import { readProjectState, sendProjectUpdate } from '../services/lifecycle.ts';
import { reportInput } from '../services/report-spend.ts';
import { ErrorSchema, invalidInput, jsonResponse, refusalResponses } from './common.schemas.ts';
import {
  AttestBody,
  CancelBody,
  LifecycleState,
  ReportBody,
  ReportReviewBody,
  ReviewBody,
} from '../../contracts/project-actions.ts';
import { TimelineEntry } from '../../contracts/lifecycle.ts';
import { IdParam } from './resources.schemas.ts';

const stepResponses = {
  200: jsonResponse(LifecycleState, 'Action enregistrée ; nouvel état du projet'),
  ...invalidInput,
  404: jsonResponse(ErrorSchema, 'Projet introuvable'),
  409: jsonResponse(ErrorSchema, 'Action impossible dans l’état actuel du projet'),
  422: jsonResponse(ErrorSchema, 'Action refusée pour ce projet'),
};

/** A human step's route: POST /projects/{id}/<path> with a JSON body, open to the roles of the action. */
function stepRoute<B extends z.ZodType>(action: LifecycleAction, path: string, summary: string, body: B) {
  return defineRoute(rolesFor(action), {
    method: 'post',
    path: `/projects/{id}/${path}`,
    summary,
    request: { params: IdParam, body: { content: { 'application/json': { schema: body } }, required: true } },
    responses: stepResponses,
  });
}

/** Loads the project, checks the caller's scope for the action, and sends the step, as theirs, to its workflow. */
async function takeStep<Input extends ActorInput>(
  c: Context<AppEnv>,
  action: LifecycleAction,
  update: UpdateDefinition<ProjectState, [Input]>,
  input: Omit<Input, 'actorId'>,
) {
  const user = currentUser(c);
  const { db, temporal, config } = c.get('deps');
  const facts = await findLifecycleFacts(db, Number(c.req.param('id')));
  if (!facts) throw new ApiError(404, 'not_found', 'Projet introuvable.');
  assertMayAct(user, action, facts);
  const state = await sendProjectUpdate(
    temporal,
    { taskQueue: config.TEMPORAL_TASK_QUEUE, timeScale: config.LIFECYCLE_TIME_SCALE, facts },
    { action, update },
    { ...input, actorId: user.id } as Input,
  );
  return c.json(state, 200);
}

const submit = defineRoute(rolesFor('submit'), {
  method: 'post',
  path: '/projects/{id}/submit',
  summary: 'Soumettre son projet à la validation (porteur)',
  request: { params: IdParam },
  responses: stepResponses,
});
const review = stepRoute(
  'review',
  'review',
  'Accepter, demander des modifications ou refuser (validateur)',
  ReviewBody,
);
const attest = stepRoute(
  'attest',
  'attest',
  'Attester les autorisations officielles (chef d’établissement)',
  AttestBody,
);
const cancel = stepRoute('cancel', 'cancel', 'Annuler le projet et rembourser chaque donateur (admin)', CancelBody);
const report = stepRoute('submitReport', 'report', 'Déposer le bilan final (porteur)', ReportBody);
const reportReview = stepRoute(
  'reviewReport',
  'report/review',
  'Accepter le bilan ou demander des compléments (validateur)',
  ReportReviewBody,
);

const state = defineRoute(PROJECT_ROLES, {
  method: 'get',
  path: '/projects/{id}/lifecycle',
  summary: 'État du projet et actions possibles maintenant, par rôle',
  request: { params: IdParam },
  responses: { 200: jsonResponse(LifecycleState, 'État'), ...invalidInput, 404: refusalResponses[404] },
});

const timeline = defineRoute(PROJECT_ROLES, {
  method: 'get',
  path: '/projects/{id}/timeline',
  summary: 'Historique du projet : qui a fait quoi, et quand',
  request: { params: IdParam },
  responses: { 200: jsonResponse(z.array(TimelineEntry), 'Historique'), ...invalidInput, 404: refusalResponses[404] },
});

/** The human steps of the lifecycle, its state and its timeline. */
export const lifecycleRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(submit, (c) => takeStep(c, 'submit', submitUpdate, {}))
  .openapi(review, (c) => takeStep(c, 'review', reviewUpdate, c.req.valid('json')))
  .openapi(attest, async (c) => {
    const attestation = c.req.valid('json');
    const { id } = c.req.valid('param');
    if (attestation.documentId && !(await isProjectDocument(c.get('deps').db, id, attestation.documentId))) {
      throw new ApiError(422, 'unknown_document', 'Ce document n’est pas joint à ce projet.');
    }
    return takeStep(c, 'attest', attestUpdate, attestation);
  })
  .openapi(cancel, (c) => takeStep(c, 'cancel', cancelUpdate, c.req.valid('json')))
  .openapi(report, async (c) => {
    const input = await reportInput(c.get('deps').db, c.req.valid('param').id, c.req.valid('json'));
    return takeStep(c, 'submitReport', submitReportUpdate, input);
  })
  .openapi(reportReview, (c) => takeStep(c, 'reviewReport', reviewReportUpdate, c.req.valid('json')))
  .openapi(state, async (c) => {
    const { db, temporal } = c.get('deps');
    const { id } = c.req.valid('param');
    await visibleProject(c, id);
    const facts = await findLifecycleFacts(db, id);
    if (!facts) throw new ApiError(404, 'not_found', 'Projet introuvable.');
    const { TEMPORAL_UI_URL, TEMPORAL_NAMESPACE } = c.get('deps').config;
    const workflowUrl = `${TEMPORAL_UI_URL.replace(/\/+$/, '')}/namespaces/${TEMPORAL_NAMESPACE}/workflows/${projectWorkflowId(id)}`;
    return c.json({ ...(await readProjectState(temporal, facts)), workflowUrl }, 200);
  })
  .openapi(timeline, async (c) => {
    const { id } = c.req.valid('param');
    await visibleProject(c, id);
    const entries = await listProjectTimeline(c.get('deps').db, id);
    return c.json(
      entries.map((entry) => ({ ...entry, at: entry.at.toISOString() })),
      200,
    );
  });
