import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { recordAudit } from '../../db/queries/audit.ts';
import { accountOf, setFirstPassword } from '../../db/queries/users.ts';
import { verifyInviteToken } from '../../domain/email-links.ts';
import { escapeHtml } from '../../domain/html.ts';
import { hashPassword } from '../auth/passwords.ts';
import { defineRoute } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { validationHook } from '../errors.ts';
import { htmlPage, htmlResponse } from '../html.ts';

const MIN_PASSWORD = 12;
const responses = { 200: htmlResponse('La page'), 400: htmlResponse('Lien invalide, expiré ou déjà utilisé') };

const page = defineRoute('public', {
  method: 'get',
  path: '/compte/activer',
  summary: 'Choisir son mot de passe, depuis le lien de son invitation',
  request: { query: z.object({ token: z.string().max(200).default('') }) },
  responses,
});
const choose = defineRoute('public', {
  method: 'post',
  path: '/compte/activer',
  summary: 'Enregistrer le mot de passe choisi (lien d’invitation, valable 7 jours et une fois)',
  request: {
    body: {
      content: {
        'application/x-www-form-urlencoded': {
          schema: z.object({
            token: z.string().max(200).default(''),
            password: z.string().max(200).default(''),
            confirmation: z.string().max(200).default(''),
          }),
        },
      },
      required: true,
    },
  },
  responses,
});

const INVALID = htmlPage(
  'Lien invalide',
  '<h1>Ce lien n’est plus valable</h1><p>Il a expiré, a déjà servi ou est incomplet. Demandez une nouvelle invitation à un administrateur.</p>',
);

function form(token: string, email: string, error = ''): string {
  return `<h1>Choisissez votre mot de passe</h1>
<p>Compte : <strong>${escapeHtml(email)}</strong></p>
${error ? `<div class="alert" role="alert"><p>${escapeHtml(error)}</p></div>` : ''}
<form method="post" action="/compte/activer">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<p class="field"><label for="password">Mot de passe (${MIN_PASSWORD} caractères au moins)</label><input id="password" name="password" type="password" autocomplete="new-password" required minlength="${MIN_PASSWORD}"></p>
<p class="field"><label for="confirmation">Le même, une seconde fois</label><input id="confirmation" name="confirmation" type="password" autocomplete="new-password" required></p>
<p><button type="submit">Enregistrer et me connecter</button></p>
</form>`;
}

/** The account an invitation token opens, while it is valid (signed, not expired, no password chosen yet). */
async function invitedAccount(c: Context<AppEnv>, token: string) {
  const invite = await verifyInviteToken(c.get('deps').config.EMAIL_LINK_SECRET, token);
  if (!invite || invite.expiresAt < Date.now()) return undefined;
  const account = await accountOf(c.get('deps').db, invite.userId);
  return account && !account.hasPassword ? { ...account, userId: invite.userId } : undefined;
}

/** Where an invited person chooses their password, from the signed link of their invitation. */
export const accountPageRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(page, async (c) => {
    const { token } = c.req.valid('query');
    const account = await invitedAccount(c, token);
    return account ? c.html(htmlPage('Mot de passe', form(token, account.email)), 200) : c.html(INVALID, 400);
  })
  .openapi(choose, async (c) => {
    const { token, password, confirmation } = c.req.valid('form');
    const account = await invitedAccount(c, token);
    if (!account) return c.html(INVALID, 400);
    const error =
      password.length < MIN_PASSWORD
        ? `Le mot de passe doit compter au moins ${MIN_PASSWORD} caractères.`
        : password !== confirmation
          ? 'Les deux mots de passe ne sont pas les mêmes.'
          : '';
    if (error) return c.html(htmlPage('Mot de passe', form(token, account.email, error)), 400);
    const { db } = c.get('deps');
    if (!(await setFirstPassword(db, account.userId, await hashPassword(password)))) return c.html(INVALID, 400);
    await recordAudit(db, {
      actorId: account.userId,
      action: 'password_chosen',
      entityType: 'user',
      entityId: String(account.userId),
    });
    return c.html(
      htmlPage(
        'Compte activé',
        '<h1>Votre compte est prêt</h1><p><a href="/admin/">Se connecter au back office</a> avec votre adresse e-mail et ce mot de passe.</p>',
      ),
      200,
    );
  });
