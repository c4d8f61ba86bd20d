import { z } from '@hono/zod-openapi';
import { isUai } from '../domain/schools.ts';
import { MeSchema } from './users.ts';

/* Signing in, up and resetting a password: the API validates these bodies, the admin imports their types only. */

const emailAddress = z.string().trim().toLowerCase().email('adresse e-mail invalide');

/** POST /api/auth/login. */
export const LoginBody = z
  .object({
    email: emailAddress,
    password: z.string().min(1, 'mot de passe requis').max(200),
  })
  .openapi('LoginBody');

/** POST /api/auth/password-reset: the address to send a reset link to. */
export const PasswordResetBody = z.object({ email: emailAddress }).openapi('PasswordResetBody');

/** POST /api/auth/register: a porteur signs up with their academic address and school. */
export const RegisterBody = z
  .object({
    email: emailAddress,
    password: z.string().min(12, 'le mot de passe doit compter au moins 12 caractères').max(200),
    displayName: z.string().trim().min(2, 'indiquez vos prénom et nom').max(120),
    schoolUai: z.string().trim().toUpperCase().refine(isUai, 'code UAI invalide (7 chiffres et leur lettre clé)'),
  })
  .openapi('RegisterBody');

/** GET /api/auth/schools: the schools a teacher signing up may choose, searched by name or commune. */
export const SignUpSchoolQuery = z.object({
  email: emailAddress.openapi({ description: 'L’adresse académique : seuls les établissements de son académie' }),
  q: z.string().trim().max(100).optional(),
});

/** The answer of POST /api/auth/login: who is now signed in. */
export const SignedIn = z.object({ user: MeSchema });

/** What the admin's sign-in, password reset and sign-up pages send, and what signing in answers. */
export type LoginRequest = z.input<typeof LoginBody>;
export type PasswordResetRequest = z.input<typeof PasswordResetBody>;
export type RegisterRequest = z.input<typeof RegisterBody>;
export type SignUpSchoolRequest = z.input<typeof SignUpSchoolQuery>;
export type SignedInResponse = z.output<typeof SignedIn>;
