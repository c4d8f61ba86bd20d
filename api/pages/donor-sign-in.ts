import { DONOR_LINK_MINUTES, DONOR_SESSION_MINUTES } from '../../domain/donor-space.ts';
import { escapeHtml } from '../../domain/html.ts';

const alert = (message: string) =>
  message
    ? `<div class="alert" role="alert" id="erreurs" tabindex="-1" autofocus><p>${escapeHtml(message)}</p></div>`
    : '';

/** The donor space's door: an e-mail field to ask for a sign-in link, with why a request was refused. */
export function donorSignInForm(email = '', error = '', notice = ''): string {
  return `<h1>Mon espace donateur</h1>
<p>Retrouvez vos dons, vos reçus fiscaux, vos choix en attente et vos abonnements aux nouvelles des projets. Pas de mot de passe : indiquez l’adresse e-mail utilisée pour donner, nous vous écrirons un lien de connexion.</p>
${notice ? `<p role="status"><strong>${escapeHtml(notice)}</strong></p>` : ''}
${alert(error)}
<form method="post" action="/donateur">
<p class="field"><label for="email">Adresse e-mail</label><input id="email" name="email" type="email" autocomplete="email" required maxlength="320" value="${escapeHtml(email)}"${error ? ' aria-invalid="true" aria-describedby="erreurs"' : ''}></p>
<p><button type="submit">Recevoir mon lien de connexion</button></p>
</form>
<p class="muted">Votre adresse ne sert qu’à vous envoyer ce lien ; voir <a href="/donnees-personnelles">données personnelles</a>.</p>`;
}

/** The answer to a request, the same whether the address gave or not. */
export const donorLinkSent = (email: string) => `<h1>Consultez votre messagerie</h1>
<p>Si des dons ont été faits avec l’adresse <strong>${escapeHtml(email)}</strong>, un e-mail vient de lui être envoyé avec un lien vers votre espace donateur. Le lien sert une fois, pendant ${DONOR_LINK_MINUTES} minutes.</p>
<p>Rien reçu ? Vérifiez les indésirables, ou refaites la demande dans quelques minutes.</p>
<p><a href="/donateur">Revenir à l’espace donateur</a></p>`;

/** The page of a sign-in link: one button opens the space (a mail scanner that opens links opens nothing). */
export const donorLinkConfirm = (token: string) => `<h1>Ouvrir mon espace donateur</h1>
<p>Ce lien de connexion sert une fois : le bouton ci-dessous ouvre votre espace pour ${DONOR_SESSION_MINUTES} minutes.</p>
<form method="post" action="/donateur/connexion">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<p><button type="submit">Ouvrir mon espace donateur</button></p>
</form>`;

/** A sign-in link that no longer works. */
export const DONOR_LINK_INVALID = `<h1>Ce lien de connexion n’est plus valable</h1>
<p>Il a expiré, a déjà servi ou est incomplet.</p>
<p><a href="/donateur">Demander un nouveau lien</a></p>`;
