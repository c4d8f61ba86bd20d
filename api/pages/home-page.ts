import { formatEuros } from '../../domain/money.ts';
import type { CatalogueCard, PlatformTotals } from '../../db/queries/public-catalogue.ts';
import { cardList } from './catalogue-page.ts';

/** The home page's selections of collecting projects. */
export interface HomeSelections {
  endingSoon: CatalogueCard[];
  nearlyFunded: CatalogueCard[];
  priority: CatalogueCard[];
}

function selection(title: string, cards: CatalogueCard[], more: string, now: Date): string {
  if (cards.length === 0) return '';
  return `<h2>${title}</h2>${cardList(cards, now)}<p>${more}</p>`;
}

const seeAll = (href: string) => `<a href="${href}">Voir tous ces projets</a>`;
const PRIORITY_LINKS = `Voir tous les projets des écoles <a href="/projets?statut=en_cours&amp;priorite=rep_plus">REP+</a>, <a href="/projets?statut=en_cours&amp;priorite=rep">REP</a> ou <a href="/projets?statut=en_cours&amp;priorite=rural">rurales ou isolées</a>`;

/** The home page: what the platform is, its figures, and projects to support now. */
export function homePage(totals: PlatformTotals, selections: HomeSelections, now: Date): string {
  return `<h1>Financez les projets pédagogiques des écoles, collèges et lycées</h1>
<p>Trousse à Projets est une plateforme de financement participatif solidaire. Des enseignants y présentent les projets de leurs élèves — classes de découverte, théâtre, robotique, jardins… —, vérifiés par notre équipe et approuvés par le chef d’établissement. Vous donnez à un projet ou à un fonds de solidarité ; l’argent va à la structure de l’école (coopérative scolaire, établissement, association), jamais à une personne, et seulement si le projet atteint son objectif minimum. Sinon, vous êtes remboursé ou votre don va à un autre projet, à votre choix.</p>
<p>Les écoles en éducation prioritaire (REP, REP+) et les écoles rurales ou isolées sont soutenues en priorité par les fonds de mécénat.</p>
<p><a class="button" href="/projets">Découvrir les projets</a> <a href="/fonds">Donner à un fonds de solidarité</a></p>
<h2>En chiffres</h2>
<ul class="figures">
<li><strong>${totals.collecting}</strong> projet${totals.collecting > 1 ? 's' : ''} en collecte</li>
<li><strong>${totals.funded}</strong> projet${totals.funded > 1 ? 's' : ''} financé${totals.funded > 1 ? 's' : ''}</li>
<li><strong>${formatEuros(totals.fundedCents)}</strong> réunis pour les projets financés</li>
<li><strong>${totals.donors}</strong> donateur${totals.donors > 1 ? 's' : ''}</li>
</ul>
<p><a href="/transparence">Tous les chiffres, vérifiables</a></p>
${selection('Bientôt terminés', selections.endingSoon, seeAll('/projets?statut=en_cours&amp;tri=fin'), now)}
${selection('Presque financés', selections.nearlyFunded, seeAll('/projets?statut=en_cours&amp;tri=financement'), now)}
${selection('Écoles prioritaires', selections.priority, PRIORITY_LINKS, now)}`;
}
