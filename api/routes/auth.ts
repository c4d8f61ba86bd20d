import { OpenAPIHono, z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { isAcademicEmail } from '../../domain/roles.ts';
import { listAcademicDomains } from '../../db/queries/academic-domains.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { findSchool, listSchools } from '../../db/queries/schools.ts';
import { createSession, deleteSession, recordLoginAttempt } from '../../db/queries/sessions.ts';
import { createPorteur, findLoginCandidate, findUser } from '../../db/queries/users.ts';
import { currentUser, defineRoute } from '../auth/access.ts';
import { clientIp } from '../auth/client-ip.ts';
import { signInSucceeded, takeSignInAttempt } from '../auth/login-throttle.ts';
import { checkPassword, hashPassword } from '../auth/passwords.ts';
import { SESSION_COOKIE } from '../auth/session.ts';
import type { Tx } from '../../db/client.ts';
import type { AppEnv } from '../context.ts';
import { ApiError, validationHook } from '../errors.ts';
import { requestPasswordReset } from '../services/password-links.ts';
import { LoginBody, PasswordResetBody, RegisterBody, SignedIn, SignUpSchoolQuery } from '../../contracts/auth.ts';
import { SchoolChoice } from '../../contracts/schools.ts';
import { MeSchema } from '../../contracts/users.ts';
import { ErrorSchema, invalidInput, jsonResponse } from './common.schemas.ts';

const minutes = (seconds: number) => {
  const count = Math.ceil(seconds / 60);
  return count > 1 ? `${count} minutes` : '1 minute';
};

/** Refuses, in French, an address whose domain is not on the academic allow-list: porteurs need one. */
async function requireAcademicEmail(db: Tx, email: string): Promise<void> {
  if (isAcademicEmail(email, await listAcademicDomains(db))) return;
  throw new ApiError(
    400,
    'not_academic_email',
    'Un porteur de projet doit utiliser son adresse e-mail académique (par exemple prenom.nom@ac-lille.fr).',
  );
}

/** Enough to pick from while typing; a longer list means the name needs more letters. */
const SCHOOL_CHOICES = 20;

const login = defineRoute('public', {
  method: 'post',
  path: '/auth/login',
  summary: 'Se connecter (ouvre une session par cookie httpOnly)',
  request: { body: { content: { 'application/json': { schema: LoginBody } }, required: true } },
  responses: {
    200: jsonResponse(SignedIn, 'Connecté'),
    400: invalidInput[400],
    401: jsonResponse(ErrorSchema, 'Identifiants incorrects'),
    429: jsonResponse(ErrorSchema, 'Trop de tentatives'),
  },
});

const logout = defineRoute('authenticated', {
  method: 'post',
  path: '/auth/logout',
  summary: 'Se déconnecter',
  responses: { 204: { description: 'Déconnecté' } },
});

const register = defineRoute('public', {
  method: 'post',
  path: '/auth/register',
  summary: 'Créer un compte porteur de projet (adresse académique obligatoire)',
  request: { body: { content: { 'application/json': { schema: RegisterBody } }, required: true } },
  responses: {
    201: jsonResponse(MeSchema, 'Compte créé'),
    400: invalidInput[400],
    409: jsonResponse(ErrorSchema, 'Compte existant'),
  },
});

const signUpSchools = defineRoute('public', {
  method: 'get',
  path: '/auth/schools',
  summary:
    'Établissements de l’académie d’une adresse académique, cherchés par nom ou commune sans tenir compte des accents (inscription ; données publiques de l’annuaire)',
  request: { query: SignUpSchoolQuery },
  responses: { 200: jsonResponse(z.array(SchoolChoice), 'Établissements (20 au plus)'), ...invalidInput },
});

const passwordReset = defineRoute('public', {
  method: 'post',
  path: '/auth/password-reset',
  summary:
    'Mot de passe oublié : e-mailer un lien (1 heure, une fois) pour en choisir un nouveau ; même réponse, qu’un compte existe ou non',
  request: { body: { content: { 'application/json': { schema: PasswordResetBody } }, required: true } },
  responses: {
    202: jsonResponse(z.object({ message: z.string() }), 'Demande prise en compte'),
    400: invalidInput[400],
    429: jsonResponse(ErrorSchema, 'Trop de demandes'),
  },
});

const me = defineRoute('authenticated', {
  method: 'get',
  path: '/me',
  summary: 'L’utilisateur connecté et ses rôles',
  responses: { 200: jsonResponse(MeSchema, 'Utilisateur connecté') },
});

/** Sign-in, sign-out, porteur sign-up (with its school search) and the `me` endpoint. */
export const authRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(login, async (c) => {
    const { db, config } = c.get('deps');
    const { email, password } = c.req.valid('json');
    const ip = clientIp(c);
    const wait = await takeSignInAttempt(db, { email, ip });
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      throw new ApiError(
        429,
        'too_many_attempts',
        `Trop de tentatives de connexion. Réessayez dans ${minutes(wait)}, ou choisissez un nouveau mot de passe par « Mot de passe oublié ».`,
      );
    }
    const candidate = await findLoginCandidate(db, email);
    const valid = await checkPassword(candidate?.passwordHash, password);
    await recordLoginAttempt(db, { email, ip, succeeded: valid });
    if (!candidate || !valid) throw new ApiError(401, 'invalid_credentials', 'E-mail ou mot de passe incorrect.');
    await signInSucceeded(db, { email, ip });
    const session = await createSession(db, {
      userId: candidate.id,
      ttlHours: config.SESSION_TTL_HOURS,
      ip,
      userAgent: c.req.header('user-agent'),
    });
    setCookie(c, SESSION_COOKIE, session.token, {
      httpOnly: true,
      secure: config.COOKIE_SECURE,
      sameSite: 'Lax',
      path: '/',
      expires: session.expiresAt,
    });
    await recordAudit(db, {
      actorId: candidate.id,
      action: 'login',
      entityType: 'user',
      entityId: String(candidate.id),
      ip,
    });
    const user = await findUser(db, candidate.id);
    return c.json({ user: user! }, 200);
  })
  .openapi(logout, async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await deleteSession(c.get('deps').db, token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  })
  .openapi(register, async (c) => {
    const { db } = c.get('deps');
    const body = c.req.valid('json');
    await requireAcademicEmail(db, body.email);
    // the form offers only the schools of the address's académie; a request made by hand is held to the same
    if (!(await findSchool(db, body.schoolUai, { academyOfEmail: body.email }))) {
      if (!(await findSchool(db, body.schoolUai))) {
        throw new ApiError(400, 'unknown_school', `Aucun établissement ne porte le code UAI ${body.schoolUai}.`);
      }
      throw new ApiError(
        400,
        'other_academy',
        'Cet établissement n’est pas dans l’académie de votre adresse e-mail : choisissez un établissement de votre académie.',
      );
    }
    const passwordHash = await hashPassword(body.password);
    const id = await db
      .begin((tx) => createPorteur(tx, { ...body, passwordHash }))
      .catch((error: { code?: string }) => {
        if (error.code === '23505')
          throw new ApiError(409, 'email_taken', 'Un compte existe déjà pour cette adresse e-mail.');
        throw error;
      });
    await recordAudit(db, {
      actorId: id,
      action: 'register',
      entityType: 'user',
      entityId: String(id),
      ip: clientIp(c),
    });
    return c.json((await findUser(db, id))!, 201);
  })
  .openapi(signUpSchools, async (c) => {
    const { db } = c.get('deps');
    const { email, q } = c.req.valid('query');
    await requireAcademicEmail(db, email);
    const page = { sort: 'name', descending: false, limit: SCHOOL_CHOICES, offset: 0 } as const;
    const { data } = await listSchools(db, { academyOfEmail: email, q, ...page });
    // the directory's open data only: parsing drops the rest of the row
    return c.json(z.array(SchoolChoice).parse(data), 200);
  })
  .openapi(passwordReset, async (c) => {
    const { email } = c.req.valid('json');
    const wait = await requestPasswordReset(c.get('deps'), { email, ip: clientIp(c) });
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      throw new ApiError(429, 'too_many_requests', `Trop de demandes. Réessayez dans ${minutes(wait)}.`);
    }
    const message = `Si un compte existe pour ${email}, un lien pour choisir un nouveau mot de passe vient de lui être envoyé.`;
    return c.json({ message }, 202);
  })
  .openapi(me, (c) => c.json(currentUser(c), 200));
