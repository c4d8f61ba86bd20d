import { escapeHtml } from '../../domain/html.ts';
import { formatEuros, parseEuros } from '../../domain/money.ts';

/** What the donor typed (to fill the form again) and what was wrong with it, by field. */
export interface FormState {
  values: Record<string, string>;
  errors: Record<string, string>;
  /** an error not tied to one field (e.g. the campaign closed meanwhile) */
  message?: string;
}

export const EMPTY_FORM: FormState = { values: {}, errors: {} };

const ERROR_FIELD_OF: Record<string, string> = { amountCents: 'amount', projectId: 'fundId' };

/** The form's state after zod or the API refused it: each issue under its field. */
export function formStateOf(values: Record<string, string>, issues: { path: PropertyKey[]; message: string }[]) {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? 'form');
    const field = ERROR_FIELD_OF[key] ?? key;
    errors[field] ??= issue.message;
  }
  return { values, errors };
}

function field(state: FormState, name: string, label: string, attributes = '', hint = ''): string {
  const error = state.errors[name];
  const described = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
  return `<p class="field">
<label for="${name}">${escapeHtml(label)}</label>
${hint ? `<span class="muted" id="${name}-hint">${escapeHtml(hint)}</span>` : ''}
${error ? `<span class="error" id="${name}-error">${escapeHtml(error)}</span>` : ''}
<input id="${name}" name="${name}" value="${escapeHtml(state.values[name] ?? '')}" ${attributes}${described ? ` aria-describedby="${described}"` : ''}${error ? ' aria-invalid="true"' : ''}>
</p>`;
}

const checked = (state: FormState, name: string, value = 'on') => (state.values[name] === value ? ' checked' : '');

function checkbox(state: FormState, name: string, label: string): string {
  return `<p><input type="checkbox" id="${name}" name="${name}"${checked(state, name)}> <label for="${name}">${escapeHtml(label)}</label></p>`;
}

/** The amounts offered with one click, in euros. */
export const SUGGESTED_EUROS = [20, 50, 100] as const;

/** What a gift costs after the income tax reduction: 34 % of it for a person (66 % off), 40 % for a company. */
export function costAfterReduction(cents: number, kind: 'person' | 'company'): number {
  return Math.round((cents * (kind === 'company' ? 40 : 34)) / 100);
}

function amountChoice(state: FormState): string {
  const typed = parseEuros(state.values.amount ?? '');
  const kind = state.values.donorKind === 'company' ? 'company' : 'person';
  const cost = Number.isNaN(typed)
    ? ''
    : `<p role="status">Ce don de ${formatEuros(typed)} ne vous coûte que ${formatEuros(costAfterReduction(typed, kind))} après réduction d’impôt.</p>`;
  const radios = SUGGESTED_EUROS.map((euros) => {
    const id = `suggested-${euros}`;
    const chosen = state.values.suggested === String(euros) ? ' checked' : '';
    const cost = formatEuros(costAfterReduction(euros * 100, 'person'));
    return `<p><input type="radio" id="${id}" name="suggested" value="${euros}"${chosen}> <label for="${id}">${euros} € <span class="muted">(ce don ne vous coûte que ${cost} après réduction d’impôt)</span></label></p>`;
  });
  return `<fieldset><legend>Montant du don</legend>
${radios.join('\n')}
${field(state, 'amount', 'Montant du don (en euros)', 'inputmode="decimal"', 'Ou un autre montant, 5 € minimum')}
${cost}
<p class="muted">Réduction d’impôt de 66 % du don pour un particulier (dans la limite de 20 % du revenu imposable), de 60 % pour une entreprise. Le reçu fiscal est émis par la structure de l’école, une fois les fonds versés.</p>
</fieldset>`;
}

function errorSummary(state: FormState): string {
  const messages = [...(state.message ? [state.message] : []), ...Object.values(state.errors)];
  if (messages.length === 0) return '';
  return `<div class="alert" id="erreurs" role="alert" tabindex="-1" autofocus><p><strong>Votre don n’a pas pu être enregistré :</strong></p>
<ul>${messages.map((message) => `<li>${escapeHtml(message)}</li>`).join('')}</ul></div>`;
}

/**
 * The donate form (to a project, or to one of the funds offered): amount, donor, tax receipt details, privacy and,
 * for a project, what happens if it fails. It posts to `action`; the server answers with Stripe Checkout.
 */
export function donateForm(
  state: FormState,
  options: { action: string; funds?: { id: number; label: string }[] },
): string {
  const funds = options.funds
    ? `<p class="field"><label for="fundId">Fonds soutenu</label>
${state.errors.fundId ? `<span class="error" id="fundId-error">${escapeHtml(state.errors.fundId)}</span>` : ''}
<select id="fundId" name="fundId">${options.funds
        .map(
          (fund) =>
            `<option value="${fund.id}"${state.values.fundId === String(fund.id) ? ' selected' : ''}>${escapeHtml(fund.label)}</option>`,
        )
        .join('')}</select></p>`
    : '';
  const failure = options.funds
    ? ''
    : `<fieldset><legend>Si le projet n’atteint pas son objectif minimum</legend>
<p><input type="radio" id="failure-refund" name="failureChoice" value="refund"${state.values.failureChoice === 'redirect' ? '' : ' checked'}> <label for="failure-refund">Me rembourser</label></p>
<p><input type="radio" id="failure-redirect" name="failureChoice" value="redirect"${checked(state, 'failureChoice', 'redirect')}> <label for="failure-redirect">Reverser mon don au fonds de solidarité</label></p>
</fieldset>`;
  const receiptOpen =
    state.values.wantsTaxReceipt === 'on' || ['addressLine', 'postalCode', 'city'].some((name) => state.errors[name]);
  return `${errorSummary(state)}
<form method="post" action="${escapeHtml(options.action)}" novalidate>
${funds}
${amountChoice(state)}
${field(state, 'donorName', 'Nom et prénom', 'autocomplete="name" required')}
${field(state, 'donorEmail', 'Adresse e-mail', 'type="email" autocomplete="email" required', 'Pour vous remercier et vous donner des nouvelles du projet')}
<fieldset><legend>Vous donnez</legend>
<p><input type="radio" id="kind-person" name="donorKind" value="person"${state.values.donorKind === 'company' ? '' : ' checked'}> <label for="kind-person">en tant que particulier</label></p>
<p><input type="radio" id="kind-company" name="donorKind" value="company"${checked(state, 'donorKind', 'company')}> <label for="kind-company">au nom d’une entreprise</label></p>
${field(state, 'companyName', 'Raison sociale (entreprises)', 'autocomplete="organization"')}
${field(state, 'siren', 'SIREN (entreprises)', 'inputmode="numeric"')}
</fieldset>
<details${receiptOpen ? ' open' : ''}><summary>Reçu fiscal : je le souhaite (adresse postale demandée)</summary>
${checkbox(state, 'wantsTaxReceipt', 'Je souhaite un reçu fiscal (réduction d’impôt de 66 % pour un particulier, 60 % pour une entreprise)')}
${field(state, 'addressLine', 'Adresse', 'autocomplete="street-address"')}
${field(state, 'postalCode', 'Code postal', 'autocomplete="postal-code" inputmode="numeric"')}
${field(state, 'city', 'Ville', 'autocomplete="address-level2"')}
</details>
<fieldset><legend>Sur la page publique</legend>
${checkbox(state, 'hideName', 'Ne pas afficher mon nom')}
${checkbox(state, 'hideAmount', 'Ne pas afficher le montant')}
</fieldset>
${failure}
<p class="muted">Vos nom, e-mail et, pour un reçu fiscal, adresse postale sont traités par Trousse à Projets pour enregistrer votre don, vous remercier, vous donner des nouvelles du projet et établir le reçu ; ils sont conservés dix ans (obligations comptables). Le paiement est assuré par Stripe. Vous pouvez accéder à vos données, les rectifier ou les faire effacer : <a href="/donnees-personnelles">en savoir plus sur vos données personnelles</a>.</p>
<p><button type="submit">Continuer vers le paiement sécurisé</button></p>
</form>`;
}
