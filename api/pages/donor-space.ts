import type { SpaceGift, SpaceReceipt, SpaceSubscription } from '../../db/queries/donor-space.ts';
import { awaitsDonorChoice, DONOR_MESSAGE_MAX, giftStateOf } from '../../domain/donor-space.ts';
import { formatDate, formatEuros } from '../../domain/format.ts';
import { escapeHtml } from '../../domain/html.ts';
import { receiptNumber } from '../../domain/tax-receipts.ts';

/** What the donor space shows, the signed "manage my gift" links of open choices included. */
export interface DonorSpace {
  email: string;
  gifts: SpaceGift[];
  receipts: SpaceReceipt[];
  projects: SpaceSubscription[];
  /** donation id → its signed « Gérer mon don » address */
  choiceUrls: Map<number, string>;
}

/** A message form to show again, with what was typed and why it was refused. */
export interface MessageState {
  projectId?: number;
  body?: string;
  revealsAddress?: boolean;
  error?: string;
}

const supported = (gift: { projectId: number | null; supported: string }) =>
  gift.projectId === null
    ? escapeHtml(gift.supported)
    : `<a href="/projets/${gift.projectId}">${escapeHtml(gift.supported)}</a>`;

function choices(space: DonorSpace): string {
  const open = space.gifts.filter(awaitsDonorChoice);
  if (open.length === 0) return '';
  const items = open.map(
    (gift) =>
      `<li>${formatEuros(gift.amountCents)} à « ${escapeHtml(gift.supported)} » : <a href="${escapeHtml(space.choiceUrls.get(gift.id) ?? '#')}">choisir entre remboursement et fonds de solidarité</a></li>`,
  );
  return `<h2 id="choix">Vos choix en attente</h2>
<p>Ces projets n’ont pas atteint leur objectif : sans réponse de votre part, le choix fait lors du don s’applique.</p>
<ul>${items.join('')}</ul>`;
}

function gifts(space: DonorSpace): string {
  if (space.gifts.length === 0) return '<h2 id="dons">Vos dons</h2><p>Aucun don pour le moment.</p>';
  const rows = space.gifts.map(
    (gift) =>
      `<tr><td>${formatDate(gift.givenAt)}</td><td>${supported(gift)}</td><td class="n">${formatEuros(gift.amountCents)}</td><td>${escapeHtml(giftStateOf(gift))}</td></tr>`,
  );
  return `<h2 id="dons">Vos dons</h2>
<div class="table"><table><caption class="muted">Vos dons, du plus récent au plus ancien</caption>
<thead><tr><th scope="col">Date</th><th scope="col">Projet ou fonds</th><th scope="col" class="n">Montant</th><th scope="col">État</th></tr></thead>
<tbody>${rows.join('')}</tbody></table></div>`;
}

function receipts(space: DonorSpace): string {
  const body = space.receipts.length
    ? `<ul>${space.receipts
        .map(
          (receipt) =>
            `<li>Reçu n° ${receiptNumber(receipt.year, receipt.number)} — ${formatEuros(receipt.amountCents)} pour « ${escapeHtml(receipt.supported)} », don du ${formatDate(receipt.paidOn)} : <a href="/donateur/recus/${receipt.id}">télécharger le reçu n° ${receiptNumber(receipt.year, receipt.number)} (PDF)</a></li>`,
        )
        .join('')}</ul>`
    : '<p>Aucun reçu fiscal pour le moment : il est émis par l’établissement une fois les fonds reçus.</p>';
  return `<h2 id="recus">Vos reçus fiscaux</h2>${body}`;
}

function subscriptions(space: DonorSpace): string {
  if (space.projects.length === 0) return '';
  const items = space.projects.map(
    (project) => `<li><form method="post" action="/donateur/abonnements">
<input type="hidden" name="projectId" value="${project.projectId}"><input type="hidden" name="subscribed" value="${project.subscribed ? 'non' : 'oui'}">
« ${escapeHtml(project.title)} » : ${project.subscribed ? 'vous recevez ses nouvelles.' : 'vous ne recevez plus ses nouvelles.'}
<button type="submit">${project.subscribed ? 'Ne plus recevoir' : 'Recevoir à nouveau'} les nouvelles de « ${escapeHtml(project.title)} »</button>
</form></li>`,
  );
  return `<h2 id="abonnements">Vos abonnements aux nouvelles</h2>
<p>Étapes de la collecte, actualités et bilan de chaque projet soutenu. Les messages sur votre argent (remboursement, reçu) vous sont toujours envoyés.</p>
<ul class="cards">${items.join('')}</ul>`;
}

function messageForm(space: DonorSpace, state: MessageState): string {
  if (space.projects.length === 0) return '';
  const options = space.projects.map(
    (project) =>
      `<option value="${project.projectId}"${state.projectId === project.projectId ? ' selected' : ''}>${escapeHtml(project.title)}</option>`,
  );
  const error = state.error
    ? `<div class="alert" role="alert" id="erreur-message" tabindex="-1" autofocus><p>${escapeHtml(state.error)}</p></div>`
    : '';
  return `<h2 id="message">Écrire au porteur d’un projet</h2>
<p>Votre message lui est transmis par e-mail par la plateforme ; votre adresse ne lui est pas communiquée, sauf si vous le demandez.</p>
${error}
<form method="post" action="/donateur/message">
<p class="field"><label for="projectId">Projet</label><select id="projectId" name="projectId">${options.join('')}</select></p>
<p class="field"><label for="body">Votre message (${DONOR_MESSAGE_MAX} caractères au plus)</label><textarea id="body" name="body" rows="6" maxlength="${DONOR_MESSAGE_MAX}" required>${escapeHtml(state.body ?? '')}</textarea></p>
<p><input type="checkbox" id="revealsAddress" name="revealsAddress" value="oui"${state.revealsAddress ? ' checked' : ''}> <label for="revealsAddress">Communiquer mon nom et mon adresse e-mail au porteur, pour qu’il puisse me répondre</label></p>
<p><button type="submit">Envoyer le message</button></p>
</form>`;
}

/** The donor space: open choices, gifts, receipts, subscriptions, a message to a porteur, and signing out. */
export function donorSpacePage(space: DonorSpace, notice = '', message: MessageState = {}): string {
  return `<h1>Mon espace donateur</h1>
<p>Connecté avec l’adresse <strong>${escapeHtml(space.email)}</strong>.</p>
${notice ? `<p role="status"><strong>${escapeHtml(notice)}</strong></p>` : ''}
${choices(space)}
${gifts(space)}
${receipts(space)}
${subscriptions(space)}
${messageForm(space, message)}
<h2 id="deconnexion">Se déconnecter</h2>
<form method="post" action="/donateur/deconnexion"><p><button type="submit">Se déconnecter</button></p></form>`;
}
