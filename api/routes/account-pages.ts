import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { recordAudit } from '../../db/queries/audit.ts';
import { deleteSessionsOf } from '../../db/queries/sessions.ts';
import { replacePassword } from '../../db/queries/users.ts';
import { escapeHtml } from '../../domain/html.ts';
import { clientIp } from '../auth/client-ip.ts';
import { ownerProvedByEmail } from '../auth/login-throttle.ts';
import { hashPassword } from '../auth/passwords.ts';
import { defineRoute } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { validationHook } from '../errors.ts';
import { htmlPage, htmlResponse } from '../html.ts';
import { accountOfLink, type PasswordLink } from '../services/password-links.ts';
import { forgottenPasswordRoutes } from './password-reset-pages.ts';

const MIN_PASSWORD = 12;
const responses = { 200: htmlResponse('La page'), 400: htmlResponse('Lien invalide, expiré ou déjà utilisé') };

const PAGES = {
  invite: {
    path: '/compte/activer',
    summary: 'Choisir son mot de passe, depuis le lien de son invitation (valable 7 jours et une fois)',
    heading: 'Choisissez votre mot de passe',
    audit: 'password_chosen',
    done: '<h1>Votre compte est prêt</h1><p><a href="/admin/">Se connecter au back office</a> avec votre adresse e-mail et ce mot de passe.</p>',
  },
  reset: {
    path: '/compte/reinitialiser',
    summary: 'Choisir un nouveau mot de passe, depuis le lien « Mot de passe oublié » (valable une heure et une fois)',
    heading: 'Choisissez un nouveau mot de passe',
    audit: 'password_reset',
    done: '<h1>Votre mot de passe est changé</h1><p>Les sessions ouvertes avec l’ancien ont été fermées.</p><p><a href="/admin/">Se connecter au back office</a> avec votre adresse e-mail et ce nouveau mot de passe.</p>',
  },
} as const satisfies Record<PasswordLink, object>;

const INVALID = htmlPage(
  'Lien invalide',
  '<h1>Ce lien n’est plus valable</h1><p>Il a expiré, a déjà servi ou est incomplet.</p><p>Demandez un nouveau lien depuis <a href="/compte/mot-de-passe-oublie">Mot de passe oublié</a>, ou une nouvelle invitation à un administrateur.</p>',
);

const PasswordForm = z.object({
  token: z.string().max(200).default(''),
  password: z.string().max(200).default(''),
  confirmation: z.string().max(200).default(''),
});

function form(link: PasswordLink, token: string, email: string, error = ''): string {
  return `<h1>${PAGES[link].heading}</h1>
<p>Compte : <strong>${escapeHtml(email)}</strong></p>
${error ? `<div class="alert" role="alert"><p>${escapeHtml(error)}</p></div>` : ''}
<form method="post" action="${PAGES[link].path}">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<p class="field"><label for="password">Mot de passe (${MIN_PASSWORD} caractères au moins)</label><input id="password" name="password" type="password" autocomplete="new-password" required minlength="${MIN_PASSWORD}"></p>
<p class="field"><label for="confirmation">Le même, une seconde fois</label><input id="confirmation" name="confirmation" type="password" autocomplete="new-password" required></p>
<p><button type="submit">Enregistrer le mot de passe</button></p>
</form>`;
}

const refusal = (password: string, confirmation: string) =>
  password.length < MIN_PASSWORD
    ? `Le mot de passe doit compter au moins ${MIN_PASSWORD} caractères.`
    : password !== confirmation
      ? 'Les deux mots de passe ne sont pas les mêmes.'
      : '';

/** Sets the password a link's owner chose, once; then their sessions end and their sign-in limits are lifted. */
async function choose(c: Context<AppEnv>, link: PasswordLink, fields: z.infer<typeof PasswordForm>) {
  const account = await accountOfLink(c.get('deps'), link, fields.token);
  if (!account) return c.html(INVALID, 400);
  const error = refusal(fields.password, fields.confirmation);
  if (error) return c.html(htmlPage('Mot de passe', form(link, fields.token, account.email, error)), 400);
  const { db } = c.get('deps');
  const next = await hashPassword(fields.password);
  if (!(await replacePassword(db, account.userId, { expected: account.passwordHash, next }))) {
    return c.html(INVALID, 400);
  }
  await deleteSessionsOf(db, account.userId);
  await ownerProvedByEmail(db, { email: account.email, ip: clientIp(c) });
  await recordAudit(db, {
    actorId: account.userId,
    action: PAGES[link].audit,
    entityType: 'user',
    entityId: String(account.userId),
    ip: clientIp(c),
  });
  return c.html(htmlPage('Mot de passe enregistré', PAGES[link].done), 200);
}

/** The page of a link that lets its owner choose a password, and the form it posts. */
function choosePasswordRoutes(link: PasswordLink) {
  const { path, summary } = PAGES[link];
  const page = defineRoute('public', {
    method: 'get',
    path,
    summary,
    request: { query: z.object({ token: z.string().max(200).default('') }) },
    responses,
  });
  const post = defineRoute('public', {
    method: 'post',
    path,
    summary: `${summary} : enregistrer le mot de passe`,
    request: { body: { content: { 'application/x-www-form-urlencoded': { schema: PasswordForm } }, required: true } },
    responses,
  });
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(page, async (c) => {
      const { token } = c.req.valid('query');
      const account = await accountOfLink(c.get('deps'), link, token);
      return account ? c.html(htmlPage('Mot de passe', form(link, token, account.email)), 200) : c.html(INVALID, 400);
    })
    .openapi(post, (c) => choose(c, link, c.req.valid('form')));
}

/** Where a person chooses a password: from their invitation, or after « Mot de passe oublié ». */
export const accountPageRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .route('/', choosePasswordRoutes('invite'))
  .route('/', choosePasswordRoutes('reset'))
  .route('/', forgottenPasswordRoutes);
