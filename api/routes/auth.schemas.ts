import { z } from '@hono/zod-openapi';
import { isUai } from '../../domain/schools.ts';
import { ROLES } from '../../domain/roles.ts';

export const LoginBody = z
  .object({
    email: z.string().trim().toLowerCase().email('adresse e-mail invalide'),
    password: z.string().min(1, 'mot de passe requis').max(200),
  })
  .openapi('LoginBody');

export const PasswordResetBody = z
  .object({ email: z.string().trim().toLowerCase().email('adresse e-mail invalide') })
  .openapi('PasswordResetBody');

export const RegisterBody = z
  .object({
    email: z.string().trim().toLowerCase().email('adresse e-mail invalide'),
    password: z.string().min(12, 'le mot de passe doit compter au moins 12 caractères').max(200),
    displayName: z.string().trim().min(2, 'indiquez vos prénom et nom').max(120),
    schoolUai: z.string().trim().toUpperCase().refine(isUai, 'code UAI invalide (7 chiffres et leur lettre clé)'),
  })
  .openapi('RegisterBody');

const UserRoleSchema = z.object({
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

export const UserSchema = z
  .object({ id: z.number(), email: z.string(), displayName: z.string(), roles: z.array(UserRoleSchema) })
  .openapi('User');

export const MeSchema = UserSchema.openapi('Me');
