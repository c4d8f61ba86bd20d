import { OpenAPIHono, z } from '@hono/zod-openapi';
import { ROLE_GROUPS } from '../../domain/role-groups.ts';
import { listAcademicDomains } from '../../db/queries/academic-domains.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import type { Tx } from '../../db/client.ts';
import {
  findUser,
  grantRole,
  insertInvitedUser,
  listUsers,
  revokeRole,
  type RoleGrant,
} from '../../db/queries/users.ts';
import { isAcademicEmail } from '../../domain/roles.ts';
import { currentUser, defineRoute } from '../auth/access.ts';
import { sendInvitation } from '../services/password-links.ts';
import type { AppEnv } from '../context.ts';
import { ApiError, validationHook } from '../errors.ts';
import { invalidInput, refusalResponses, jsonResponse, pageOf, pageSchema } from './common.schemas.ts';
import { UserSchema } from '../../contracts/users.ts';
import { IdParam, UserListQuery } from './resources.schemas.ts';
import { GrantBody, InviteBody } from '../../contracts/users.ts';

const list = defineRoute(ROLE_GROUPS.administrators, {
  method: 'get',
  path: '/users',
  summary: 'Comptes utilisateurs (administrateurs seulement)',
  request: { query: UserListQuery },
  responses: { 200: jsonResponse(pageSchema(UserSchema), 'Utilisateurs'), ...invalidInput },
});

const one = defineRoute(ROLE_GROUPS.administrators, {
  method: 'get',
  path: '/users/{id}',
  summary: 'Un compte utilisateur',
  request: { params: IdParam },
  responses: { 200: jsonResponse(UserSchema, 'Utilisateur'), ...invalidInput, 404: refusalResponses[404] },
});

const invite = defineRoute(ROLE_GROUPS.administrators, {
  method: 'post',
  path: '/users',
  summary:
    'Inviter une personne (gestionnaire, mécène, validateur…) : compte, rôle, e-mail pour choisir son mot de passe',
  request: { body: { content: { 'application/json': { schema: InviteBody } }, required: true } },
  responses: {
    201: jsonResponse(UserSchema, 'Compte ouvert, invitation envoyée'),
    ...invalidInput,
    409: refusalResponses[409],
    422: refusalResponses[422],
  },
});

const grant = defineRoute(ROLE_GROUPS.administrators, {
  method: 'post',
  path: '/users/{id}/roles',
  summary: 'Attribuer un rôle (avec sa portée : établissement, académie, structure ou fonds)',
  request: { params: IdParam, body: { content: { 'application/json': { schema: GrantBody } }, required: true } },
  responses: {
    200: jsonResponse(UserSchema, 'Utilisateur'),
    ...invalidInput,
    404: refusalResponses[404],
    422: refusalResponses[422],
  },
});

const revoke = defineRoute(ROLE_GROUPS.administrators, {
  method: 'delete',
  path: '/users/{id}/roles/{roleId}',
  summary: 'Retirer un rôle',
  request: { params: IdParam.extend({ roleId: z.coerce.number().int().positive() }) },
  responses: {
    200: jsonResponse(UserSchema, 'Utilisateur'),
    ...invalidInput,
    404: refusalResponses[404],
    409: refusalResponses[409],
  },
});

const NOT_ACADEMIC = new ApiError(
  400,
  'not_academic_email',
  'Le rôle « Porteur de projet » demande une adresse e-mail académique (par exemple prenom.nom@ac-lille.fr) : ce compte n’en a pas.',
);

/** Refuses the porteur role for an address outside the academic domains (the database would refuse it too). */
async function assertFitsRole(db: Tx, email: string, role: RoleGrant): Promise<void> {
  if (role.role === 'porteur' && !isAcademicEmail(email, await listAcademicDomains(db))) throw NOT_ACADEMIC;
}

/** Grants the role; a scope that does not exist (a foreign key refuses it) is a 422 saying so. */
async function grantOrRefuse(db: Tx, userId: number, role: RoleGrant): Promise<boolean> {
  try {
    return await grantRole(db, userId, role);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === '23514') throw NOT_ACADEMIC;
    if (code !== '23503') throw error;
    throw new ApiError(
      422,
      'unknown_scope',
      'L’établissement, l’académie, la structure ou le fonds indiqué n’existe pas.',
    );
  }
}

/** User accounts and their roles, for administrators. */
export const userRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(list, async (c) => {
    const query = c.req.valid('query');
    return c.json(await listUsers(c.get('deps').db, { ...query, ...pageOf(query) }), 200);
  })
  .openapi(one, async (c) => {
    const user = await findUser(c.get('deps').db, c.req.valid('param').id);
    if (!user) throw new ApiError(404, 'not_found', 'Utilisateur introuvable.');
    return c.json(user, 200);
  })
  .openapi(invite, async (c) => {
    const { email, displayName, ...role } = c.req.valid('json');
    const deps = c.get('deps');
    await assertFitsRole(deps.db, email, role);
    const id = await deps.db.begin(async (tx) => {
      const created = await insertInvitedUser(tx, { email, displayName });
      if (created === undefined) {
        throw new ApiError(
          409,
          'account_exists',
          'Un compte existe déjà avec cette adresse : attribuez-lui le rôle depuis sa page.',
        );
      }
      await grantOrRefuse(tx, created, role);
      await recordAudit(tx, {
        actorId: currentUser(c).id,
        action: 'user_invited',
        entityType: 'user',
        entityId: String(created),
        details: role,
      });
      return created;
    });
    await sendInvitation(deps, id);
    return c.json((await findUser(deps.db, id))!, 201);
  })
  .openapi(grant, async (c) => {
    const { id } = c.req.valid('param');
    const { db } = c.get('deps');
    const role = c.req.valid('json');
    const user = await findUser(db, id);
    if (!user) throw new ApiError(404, 'not_found', 'Utilisateur introuvable.');
    await assertFitsRole(db, user.email, role);
    if (await grantOrRefuse(db, id, role)) {
      await recordAudit(db, {
        actorId: currentUser(c).id,
        action: 'role_granted',
        entityType: 'user',
        entityId: String(id),
        details: role,
      });
    }
    return c.json((await findUser(db, id))!, 200);
  })
  .openapi(revoke, async (c) => {
    const { id, roleId } = c.req.valid('param');
    const { db } = c.get('deps');
    const actor = currentUser(c);
    const own = actor.roles.find((held) => held.id === roleId);
    if (id === actor.id && own?.role === 'admin') {
      throw new ApiError(409, 'own_admin_role', 'Vous ne pouvez pas retirer votre propre rôle d’administrateur.');
    }
    const revoked = await revokeRole(db, id, roleId);
    if (!revoked) throw new ApiError(404, 'not_found', 'Ce rôle n’est pas attribué à cet utilisateur.');
    await recordAudit(db, {
      actorId: actor.id,
      action: 'role_revoked',
      entityType: 'user',
      entityId: String(id),
      details: revoked,
    });
    return c.json((await findUser(db, id))!, 200);
  });
