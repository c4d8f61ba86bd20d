import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { escapeHtml } from '../../domain/html.ts';
import { clientIp } from '../auth/client-ip.ts';
import { defineRoute } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { validationHook } from '../errors.ts';
import { htmlPage, htmlResponse } from '../html.ts';
import { requestPasswordReset, RESET_MINUTES } from '../services/password-links.ts';

const PATH = '/compte/mot-de-passe-oublie';
const Email = z.string().trim().toLowerCase().email();

const page = defineRoute('public', {
  method: 'get',
  path: PATH,
  summary: 'Mot de passe oublié : demander un lien pour en choisir un nouveau',
  responses: { 200: htmlResponse('Le formulaire') },
});
const ask = defineRoute('public', {
  method: 'post',
  path: PATH,
  summary: 'Demander le lien (la même réponse, qu’un compte existe ou non pour cette adresse)',
  request: {
    body: {
      content: {
        'application/x-www-form-urlencoded': { schema: z.object({ email: z.string().max(320).default('') }) },
      },
      required: true,
    },
  },
  responses: {
    200: htmlResponse('Demande prise en compte'),
    400: htmlResponse('Adresse invalide'),
    429: htmlResponse('Trop de demandes'),
  },
});

function form(email = '', error = ''): string {
  return `<h1>Mot de passe oublié</h1>
<p>Indiquez l’adresse e-mail de votre compte : nous vous écrirons un lien pour choisir un nouveau mot de passe.</p>
${error ? `<div class="alert" role="alert"><p>${escapeHtml(error)}</p></div>` : ''}
<form method="post" action="${PATH}">
<p class="field"><label for="email">Adresse e-mail</label><input id="email" name="email" type="email" autocomplete="email" required value="${escapeHtml(email)}"></p>
<p><button type="submit">Recevoir le lien</button></p>
</form>
<p><a href="/admin/">Retour à la connexion</a></p>`;
}

const sent = (email: string) => `<h1>Consultez votre messagerie</h1>
<p>Si un compte existe pour <strong>${escapeHtml(email)}</strong>, un e-mail vient de lui être envoyé avec un lien pour
choisir un nouveau mot de passe. Le lien sert une fois, pendant ${RESET_MINUTES} minutes.</p>
<p>Rien reçu ? Vérifiez les indésirables, ou refaites la demande dans quelques minutes.</p>
<p><a href="/admin/">Retour à la connexion</a></p>`;

async function handle(c: Context<AppEnv>, typed: string) {
  const email = Email.safeParse(typed);
  if (!email.success) {
    return c.html(htmlPage('Mot de passe oublié', form(typed, 'Cette adresse e-mail n’est pas valide.')), 400);
  }
  const wait = await requestPasswordReset(c.get('deps'), { email: email.data, ip: clientIp(c) });
  if (wait > 0) {
    c.header('Retry-After', String(wait));
    const message = `Trop de demandes depuis votre connexion : réessayez dans ${Math.ceil(wait / 60)} min.`;
    return c.html(htmlPage('Mot de passe oublié', form(email.data, message)), 429);
  }
  return c.html(htmlPage('Mot de passe oublié', sent(email.data)), 200);
}

/** « Mot de passe oublié » for people: the form asking for the address, and the answer, the same for any address. */
export const forgottenPasswordRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(page, (c) => c.html(htmlPage('Mot de passe oublié', form()), 200))
  .openapi(ask, (c) => handle(c, c.req.valid('form').email));
