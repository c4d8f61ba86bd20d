import { OpenAPIHono, z } from '@hono/zod-openapi';
import { ROLE_GROUPS } from '../../domain/role-groups.ts';
import type { Context } from 'hono';
import { recordAudit } from '../../db/queries/audit.ts';
import { findProjectDossier, insertProjectNews } from '../../db/queries/project-dossier.ts';
import {
  hasMinimumGoalException,
  insertDraft,
  listSchoolStructures,
  schoolOpenToPorteur,
  structureOfSchool,
  updateDraft,
  type DraftProject,
} from '../../db/queries/project-drafts.ts';
import { MINIMUM_GOAL_CAP_CENTS } from '../../domain/money.ts';
import { BEFORE_PUBLICATION, PROJECT_STATUS_LABELS } from '../../domain/project-status.ts';
import { PROJECT_ROLES } from '../../domain/roles.ts';
import { currentUser, defineRoute } from '../auth/access.ts';
import { visibleProject } from '../auth/scopes.ts';
import type { AppEnv } from '../context.ts';
import { ApiError, validationHook } from '../errors.ts';
import { notify } from '../services/notify.ts';
import { invalidInput, refusalResponses, jsonResponse } from './common.schemas.ts';
import {
  Created,
  Dossier,
  DraftBody,
  DraftEditBody,
  MINIMUM_GOAL_CAP_MESSAGE,
  NewsBody,
  SchoolStructure,
} from '../../contracts/project-drafts.ts';
import { IdParam, UaiParam } from './resources.schemas.ts';

const jsonBody = <T>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });
const refused = { 404: refusalResponses[404], 409: refusalResponses[409], 422: refusalResponses[422] };

const create = defineRoute(ROLE_GROUPS.projectAuthors, {
  method: 'post',
  path: '/projects',
  summary: 'Créer un projet en brouillon (porteur)',
  request: { body: jsonBody(DraftBody) },
  responses: { 201: jsonResponse(Created, 'Brouillon créé'), ...invalidInput, ...refused },
});
const edit = defineRoute(ROLE_GROUPS.projectAuthors, {
  method: 'patch',
  path: '/projects/{id}',
  summary: 'Modifier son brouillon, ou son projet quand des modifications sont demandées (porteur)',
  request: { params: IdParam, body: jsonBody(DraftEditBody) },
  responses: { 200: jsonResponse(Created, 'Projet enregistré'), ...invalidInput, ...refused },
});
const dossier = defineRoute(PROJECT_ROLES, {
  method: 'get',
  path: '/projects/{id}/dossier',
  summary: 'Le dossier du projet : description, budget, dates, pièces jointes, établissement, historique du porteur',
  request: { params: IdParam },
  responses: { 200: jsonResponse(Dossier, 'Dossier'), ...invalidInput, 404: refusalResponses[404] },
});
const news = defineRoute(ROLE_GROUPS.projectAuthors, {
  method: 'post',
  path: '/projects/{id}/news',
  summary: 'Publier des nouvelles du projet ; ses donateurs les reçoivent par e-mail (porteur)',
  request: { params: IdParam, body: jsonBody(NewsBody) },
  responses: { 201: jsonResponse(Created, 'Nouvelles publiées'), ...invalidInput, ...refused },
});

const structures = defineRoute(PROJECT_ROLES, {
  method: 'get',
  path: '/schools/{id}/structures',
  summary: 'Les structures réceptrices d’un établissement, parmi lesquelles un projet choisit la sienne',
  request: { params: UaiParam },
  responses: { 200: jsonResponse(z.array(SchoolStructure), 'Structures réceptrices'), ...invalidInput },
});

const SCHOOL_REFUSALS = {
  unknown_school: 'Établissement inconnu : vérifiez son code UAI.',
  other_academy: 'Cet établissement n’est pas dans l’académie de votre adresse académique.',
  not_pilot: 'Cette académie ne fait pas encore partie du pilote : ses projets ne peuvent pas être publiés.',
} as const;

/** The draft after the checks the database needs: a school of the porteur's académie, a structure of that school. */
async function checkedDraft(c: Context<AppEnv>, draft: DraftProject): Promise<DraftProject> {
  const { db } = c.get('deps');
  const school = await schoolOpenToPorteur(db, currentUser(c).email, draft.schoolUai);
  if (school !== 'ok') throw new ApiError(422, school, SCHOOL_REFUSALS[school]);
  if (!(await structureOfSchool(db, draft.structureId, draft.schoolUai))) {
    throw new ApiError(422, 'other_structure', 'Cette structure réceptrice n’est pas celle de l’établissement choisi.');
  }
  if (draft.gestionnaireEmail !== null && draft.gestionnaireEmail === currentUser(c).email.toLowerCase()) {
    throw new ApiError(
      422,
      'own_gestionnaire',
      'Le gestionnaire de la structure réceptrice est une autre personne que le porteur du projet : indiquez son adresse.',
    );
  }
  return draft;
}

/**
 * Porteurs write their projects (drafts, answers to change requests) naming one of the school’s receiving structures,
 * and post news; everyone with access reads the dossier.
 */
export const projectDraftRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(create, async (c) => {
    const user = currentUser(c);
    const draft = await checkedDraft(c, c.req.valid('json'));
    const id = await c.get('deps').db.begin(async (tx) => {
      const created = await insertDraft(tx, user.id, draft);
      await recordAudit(tx, {
        actorId: user.id,
        action: 'project_created',
        entityType: 'project',
        entityId: String(created),
      });
      return created;
    });
    return c.json({ id }, 201);
  })
  .openapi(edit, async (c) => {
    const user = currentUser(c);
    const { id } = c.req.valid('param');
    const project = await visibleProject(c, id);
    if (project.porteurId !== user.id) throw new ApiError(404, 'not_found', 'Projet introuvable.');
    const draft = await checkedDraft(c, c.req.valid('json'));
    if (draft.minimumGoalCents > MINIMUM_GOAL_CAP_CENTS && !(await hasMinimumGoalException(c.get('deps').db, id))) {
      const issue = { code: 'custom', path: ['minimumGoalCents'], message: MINIMUM_GOAL_CAP_MESSAGE };
      throw new ApiError(400, 'invalid_input', `Données invalides — ${MINIMUM_GOAL_CAP_MESSAGE}`, [issue]);
    }
    const saved = await c.get('deps').db.begin((tx) => updateDraft(tx, id, user.id, draft));
    if (!saved) {
      const status = PROJECT_STATUS_LABELS[project.status].toLowerCase();
      throw new ApiError(409, 'not_editable', `Ce projet n’est plus modifiable : il est « ${status} ».`);
    }
    return c.json({ id }, 200);
  })
  .openapi(dossier, async (c) => {
    const { id } = c.req.valid('param');
    await visibleProject(c, id);
    const found = await findProjectDossier(c.get('deps').db, id);
    if (!found) throw new ApiError(404, 'not_found', 'Projet introuvable.');
    return c.json(found, 200);
  })
  .openapi(news, async (c) => {
    const user = currentUser(c);
    const { id } = c.req.valid('param');
    const project = await visibleProject(c, id);
    if (project.porteurId !== user.id) throw new ApiError(404, 'not_found', 'Projet introuvable.');
    if (BEFORE_PUBLICATION.includes(project.status)) {
      throw new ApiError(409, 'not_public', 'Les nouvelles se publient une fois la collecte ouverte.');
    }
    const { title, body } = c.req.valid('json');
    const deps = c.get('deps');
    const newsId = await insertProjectNews(deps.db, { projectId: id, authorId: user.id, title, body });
    await notify(deps, {
      projectId: id,
      template: 'project_news',
      audience: 'donors',
      eventKey: `news-${newsId}`,
      message: `${title}\n\n${body}`,
    });
    return c.json({ id: newsId }, 201);
  })
  .openapi(structures, async (c) => c.json(await listSchoolStructures(c.get('deps').db, c.req.valid('param').id), 200));
