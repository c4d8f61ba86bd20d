import { OpenAPIHono } from '@hono/zod-openapi';
import { platformHome } from '../../db/queries/homes/platform.ts';
import { fundsImpact } from '../../db/queries/homes/funds.ts';
import { attestationsWaiting, reviewQueue } from '../../db/queries/homes/review.ts';
import { structuresHome } from '../../db/queries/homes/structures.ts';
import { createDraftReceiptsForConfirmedPayouts } from '../../db/queries/tax-receipts.ts';
import type { User } from '../../db/queries/users.ts';
import type { ValidateurHome } from '../../domain/homes.ts';
import { reviewSla } from '../../domain/review-sla.ts';
import type { Role } from '../../domain/roles.ts';
import { currentUser, defineRoute } from '../auth/access.ts';
import { managedStructures } from '../auth/scopes.ts';
import type { AppEnv } from '../context.ts';
import { validationHook } from '../errors.ts';
import { invalidInput, jsonResponse } from './common.schemas.ts';
import {
  AdminHomeSchema,
  DirecteurHomeSchema,
  GestionnaireHomeSchema,
  MeceneHomeSchema,
  ValidateurHomeSchema,
} from '../../contracts/homes.ts';

const home = <S extends Parameters<typeof jsonResponse>[0]>(role: Role, schema: S, summary: string) =>
  defineRoute([role], {
    method: 'get',
    path: `/home/${role}`,
    summary,
    responses: { 200: jsonResponse(schema, 'Page d’accueil'), ...invalidInput },
  });

const directeur = home('directeur', DirecteurHomeSchema, 'Accueil du directeur : les attestations qui l’attendent');
const gestionnaire = home(
  'gestionnaire',
  GestionnaireHomeSchema,
  'Accueil du gestionnaire : coordonnées bancaires, reçus à valider, versements (ses structures seulement)',
);
const mecene = home('mecene', MeceneHomeSchema, 'Accueil du mécène : l’impact de ses fonds (les siens seulement)');
const validateur = home(
  'validateur',
  ValidateurHomeSchema,
  'Accueil du validateur : la file d’examen de ses académies et le délai de 5 jours ouvrés',
);
const admin = home('admin', AdminHomeSchema, 'Accueil de l’administrateur : les chiffres de la plateforme');

/** The scope values of one role the user holds (its schools, structures, funds or académies). */
function scopesOf<K extends 'schoolUai' | 'fundId' | 'academyCode'>(user: User, role: Role, key: K) {
  return user.roles.flatMap((held) => (held.role === role && held[key] !== null ? [held[key]!] : []));
}

/** Validateurs without an académie review every one (undefined). */
function reviewedAcademies(user: User): string[] | undefined {
  const grants = user.roles.filter((held) => held.role === 'validateur');
  return grants.some((held) => !held.academyCode) ? undefined : scopesOf(user, 'validateur', 'academyCode');
}

/** Each role's home page: what waits for the caller in that role, within what the role lets them see. */
export const homeRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(directeur, async (c) => {
    const schools = scopesOf(currentUser(c), 'directeur', 'schoolUai');
    return c.json({ attestations: await attestationsWaiting(c.get('deps').db, schools) }, 200);
  })
  .openapi(gestionnaire, async (c) => {
    const { db } = c.get('deps');
    await createDraftReceiptsForConfirmedPayouts(db);
    return c.json(await structuresHome(db, managedStructures(currentUser(c))), 200);
  })
  .openapi(mecene, async (c) =>
    c.json(await fundsImpact(c.get('deps').db, scopesOf(currentUser(c), 'mecene', 'fundId')), 200),
  )
  .openapi(validateur, async (c) => {
    const user = currentUser(c);
    const { queue, reports } = await reviewQueue(c.get('deps').db, {
      academyCodes: reviewedAcademies(user),
      reviewerId: user.id,
    });
    const now = new Date();
    const withSla: ValidateurHome['queue'] = queue.map((project) => {
      const { state, ...days } = reviewSla(new Date(project.since), now);
      return { ...project, ...days, sla: state };
    });
    const counting = (state: string) => withSla.filter((project) => project.sla === state).length;
    return c.json(
      { queue: withSla, dueSoon: counting('due_soon'), overdue: counting('overdue'), reportsToReview: reports },
      200,
    );
  })
  .openapi(admin, async (c) => c.json(await platformHome(c.get('deps').db), 200));
