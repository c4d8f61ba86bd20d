/** The legal pages of the public site: their address, title and content (French HTML). */
export const LEGAL_PAGES = {
  '/mentions-legales': {
    title: 'Mentions légales',
    body: `<h1>Mentions légales</h1>
<h2>Éditeur</h2>
<p>Le site Trousse à Projets est édité par l’association Trousse à Projets, qui exploite une plateforme de financement participatif solidaire au profit des projets pédagogiques des écoles, collèges et lycées.</p>
<p>Directeur de la publication : le président de l’association. Contact : <a href="mailto:contact@trousse-a-projets.fr">contact@trousse-a-projets.fr</a>.</p>
<h2>Paiements</h2>
<p>Les dons sont payés par carte bancaire auprès de Stripe, prestataire de services de paiement agréé. Trousse à Projets ne reçoit ni ne conserve vos données de carte.</p>
<h2>Destination des fonds</h2>
<p>L’argent d’un projet est versé à sa structure réceptrice (coopérative scolaire, établissement public local d’enseignement, association sportive, maison des lycéens ou association gestionnaire), jamais à une personne, et seulement si l’objectif minimum est atteint. Les reçus fiscaux sont émis par cette structure.</p>
<h2>Hébergement</h2>
<p>Le site est hébergé dans l’Union européenne.</p>`,
  },
  '/donnees-personnelles': {
    title: 'Données personnelles',
    body: `<h1>Données personnelles</h1>
<p>Trousse à Projets traite vos données dans le respect du règlement général sur la protection des données (RGPD) et de la loi Informatique et Libertés.</p>
<h2>Ce que nous collectons et pourquoi</h2>
<ul>
<li><strong>Donateurs</strong> : nom, adresse e-mail, montant et date du don, et, si vous demandez un reçu fiscal, votre adresse postale (pour une entreprise : raison sociale et SIREN). Ces données servent à enregistrer votre don, à vous remercier, à vous donner des nouvelles du projet que vous avez choisi de suivre et à établir votre reçu fiscal. Base légale : l’exécution de votre don et nos obligations légales (reçus fiscaux, comptabilité).</li>
<li><strong>Porteurs de projet et personnels</strong> : nom, adresse e-mail académique, rôle, pour gérer les projets.</li>
<li><strong>Élèves</strong> : aucune donnée nominative. Les photos ne sont publiées qu’avec l’autorisation de droit à l’image recueillie par l’école.</li>
</ul>
<h2>Ce qui est public</h2>
<p>Sur la page d’un projet, votre nom et le montant de votre don apparaissent, sauf si vous avez demandé à les masquer au moment du don. Votre adresse e-mail et votre adresse postale ne sont jamais publiées ni communiquées au porteur de projet.</p>
<h2>Durée de conservation</h2>
<p>Les données des dons sont conservées dix ans (obligations comptables et fiscales), puis supprimées. Vous pouvez vous désabonner des nouvelles à tout moment par le lien de chaque e-mail.</p>
<h2>Vos droits</h2>
<p>Vous pouvez accéder à vos données, les faire rectifier ou effacer, vous opposer à leur traitement ou en demander la limitation en écrivant à <a href="mailto:dpo@trousse-a-projets.fr">dpo@trousse-a-projets.fr</a>. Vous pouvez aussi saisir la CNIL.</p>
<p>Le site n’utilise ni cookie publicitaire ni mesure d’audience tierce. Un cookie de session, strictement nécessaire, n’est posé que dans l’espace de gestion.</p>`,
  },
  '/charte': {
    title: 'Charte des projets',
    body: `<h1>Charte des projets</h1>
<p>Chaque projet publié sur Trousse à Projets respecte cette charte, vérifiée par notre équipe avant la publication.</p>
<ol>
<li><strong>Un projet pédagogique</strong> : il sert les apprentissages des élèves, de la maternelle au lycée, dans le cadre du projet d’école ou d’établissement.</li>
<li><strong>Des autorisations officielles</strong> : le chef d’établissement atteste les approbations requises (IEN et DASEN dans le premier degré, vote du conseil d’administration dans le second degré).</li>
<li><strong>Un budget sincère</strong> : un objectif minimum sans lequel le projet ne peut pas se faire, un objectif optimal, et des postes de dépense détaillés.</li>
<li><strong>L’argent à une structure, jamais à une personne</strong> : il est versé à la structure réceptrice de l’école, uniquement si l’objectif minimum est atteint.</li>
<li><strong>La protection des élèves</strong> : aucun élève n’est nommé ; les photos ne sont publiées qu’avec l’autorisation de droit à l’image.</li>
<li><strong>Rendre compte</strong> : le porteur publie des nouvelles et, après le projet, un bilan (ce qui a été fait, nombre d’élèves, dépenses réelles), envoyé à chaque donateur.</li>
<li><strong>La solidarité</strong> : les fonds de mécénat non fléché soutiennent en priorité les écoles en éducation prioritaire (REP+, REP) et les écoles rurales ou isolées, selon des règles publiques.</li>
</ol>`,
  },
} as const;

export type LegalPath = keyof typeof LEGAL_PAGES;
