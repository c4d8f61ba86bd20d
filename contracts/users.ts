import { z } from '@hono/zod-openapi';
import { ROLE_LABELS, ROLE_SCOPES, ROLES, SCOPE_FIELDS, type ScopeField } from '../domain/roles.ts';
import { isUai } from '../domain/schools.ts';

/* The back office's people and their roles: the API validates and documents these, the admin imports their types. */

const SCOPE_WORDS: Record<ScopeField, string> = {
  schoolUai: 'son établissement',
  academyCode: 'son académie',
  structureId: 'sa structure réceptrice',
  fundId: 'son fonds',
};
const SCOPE_NAMES: Record<ScopeField, string> = {
  schoolUai: 'un établissement',
  academyCode: 'une académie',
  structureId: 'une structure réceptrice',
  fundId: 'un fonds',
};

/** A role to grant with its scope: the scope the role needs, and no other. */
export const GrantBody = z
  .object({
    role: z.enum(ROLES, { error: 'Rôle inconnu.' }),
    schoolUai: z.string().toUpperCase().refine(isUai, 'Code UAI invalide.').nullable().default(null),
    academyCode: z
      .string()
      .regex(/^[a-z-]+$/, 'Code d’académie invalide.')
      .nullable()
      .default(null),
    structureId: z.number().int().positive().nullable().default(null),
    fundId: z.number().int().positive().nullable().default(null),
  })
  .superRefine((grant, ctx) => {
    const { required, allowed } = ROLE_SCOPES[grant.role];
    if (required && grant[required] === null) {
      ctx.addIssue({ code: 'custom', path: [required], message: `Ce rôle s’attribue avec ${SCOPE_WORDS[required]}.` });
    }
    for (const field of SCOPE_FIELDS) {
      if (grant[field] !== null && !allowed.includes(field)) {
        const message = `Le rôle « ${ROLE_LABELS[grant.role]} » ne se rattache pas à ${SCOPE_NAMES[field]}.`;
        ctx.addIssue({ code: 'custom', path: [field], message });
      }
    }
  })
  .openapi('RoleGrant');

/** An invitation: the person and their first role. */
export const InviteBody = z
  .object({
    email: z.string().trim().toLowerCase().email('Adresse e-mail invalide.'),
    displayName: z.string().trim().min(2, 'Indiquez le prénom et le nom.').max(120),
  })
  .and(GrantBody)
  .openapi('Invitation');

/** A role of a user with its scope, and the names of that scope. */
export const UserRoleSchema = z.object({
  id: z.number(),
  role: z.enum(ROLES),
  schoolUai: z.string().nullable(),
  academyCode: z.string().nullable(),
  structureId: z.number().nullable(),
  fundId: z.number().nullable(),
  schoolName: z.string().nullable(),
  structureName: z.string().nullable(),
  fundName: z.string().nullable(),
});

/** A user of the back office with their roles. */
export const UserSchema = z
  .object({ id: z.number(), email: z.string(), displayName: z.string(), roles: z.array(UserRoleSchema) })
  .openapi('User');

/** The signed-in user, as GET /api/me answers. */
export const MeSchema = UserSchema.openapi('Me');

/** What the admin sends to invite a person, and to grant a role. */
export type InviteRequest = z.input<typeof InviteBody>;
export type RoleGrantRequest = z.input<typeof GrantBody>;

/** What the admin reads of a user, their roles, and of the signed-in user. */
export type UserResponse = z.output<typeof UserSchema>;
export type RoleGrantResponse = z.output<typeof UserRoleSchema>;
export type MeResponse = z.output<typeof MeSchema>;
