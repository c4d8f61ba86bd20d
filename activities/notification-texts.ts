import type { Audience, EmailTemplate } from '../domain/emails.ts';

/** The words of one project e-mail, in French; `{title}` stands for the project's title. */
export interface EmailText {
  subject: string;
  paragraphs: string[];
  /** the label of the button that opens the project */
  action: string;
  /** the line that tells this news inside a later progress e-mail it was merged into */
  milestone?: string;
}

type Texts = EmailText & { supporters?: Partial<EmailText> };

const SEE = 'Voir le projet';
const OPEN = 'Ouvrir le projet';

/** Every project e-mail by template name; `supporters` words it for donors and sponsors. */
const TEXTS: Record<EmailTemplate, Texts> = {
  project_submitted: {
    subject: 'Votre projet « {title} » a été soumis',
    paragraphs: [
      'Votre projet « {title} » a bien été soumis. L’équipe de la plateforme va l’examiner au regard de la charte.',
    ],
    action: OPEN,
  },
  new_submission: {
    subject: 'Nouveau projet à examiner : « {title} »',
    paragraphs: ['Le projet « {title} » attend votre examen dans la file de validation.'],
    action: 'Examiner le projet',
  },
  review_sla_breached: {
    subject: 'Examen en retard : « {title} »',
    paragraphs: ['Le projet « {title} » attend son examen depuis plus longtemps que le délai prévu.'],
    action: 'Examiner le projet',
  },
  changes_requested: {
    subject: 'Des modifications sont demandées pour « {title} »',
    paragraphs: [
      'Le validateur demande des modifications sur votre projet « {title} ».',
      'Consultez son commentaire dans l’historique du projet, puis soumettez-le à nouveau.',
    ],
    action: OPEN,
  },
  project_rejected: {
    subject: 'Votre projet « {title} » n’a pas été retenu',
    paragraphs: ['Votre projet « {title} » n’a pas été retenu. La raison est indiquée dans son historique.'],
    action: OPEN,
  },
  project_accepted: {
    subject: 'Votre projet « {title} » est accepté',
    paragraphs: [
      'Votre projet « {title} » est accepté.',
      'Le chef d’établissement doit maintenant attester les autorisations officielles ; la collecte ouvrira ensuite.',
    ],
    action: OPEN,
  },
  attestation_requested: {
    subject: 'Attestation demandée pour « {title} »',
    paragraphs: [
      'Le projet « {title} » de votre établissement a été accepté par l’équipe de la plateforme.',
      'Il attend votre attestation des autorisations officielles pour ouvrir sa collecte.',
    ],
    action: 'Attester les autorisations',
  },
  project_published: {
    subject: 'Votre projet « {title} » est en ligne',
    paragraphs: ['La collecte du projet « {title} » est ouverte. Partagez-la avec les familles et vos partenaires.'],
    action: SEE,
  },
  half_minimum: {
    subject: '« {title} » a atteint la moitié de son objectif',
    paragraphs: ['Le projet « {title} » a réuni la moitié de son objectif minimum.'],
    action: SEE,
    milestone: 'la moitié de l’objectif minimum a été réunie',
    supporters: {
      paragraphs: ['Le projet « {title} » que vous soutenez a réuni la moitié de son objectif minimum. Merci !'],
    },
  },
  minimum_reached: {
    subject: '« {title} » a atteint son objectif minimum',
    paragraphs: ['Le projet « {title} » a atteint son objectif minimum : il pourra avoir lieu.'],
    action: SEE,
    milestone: 'l’objectif minimum a été atteint',
  },
  optimum_reached: {
    subject: '« {title} » a atteint son objectif optimal',
    paragraphs: ['Le projet « {title} » a atteint son objectif optimal : la collecte est close.'],
    action: SEE,
    milestone: 'l’objectif optimal a été atteint',
  },
  campaign_succeeded: {
    subject: 'La collecte de « {title} » est réussie',
    paragraphs: [
      'La collecte du projet « {title} » est terminée et réussie.',
      'Les fonds vont être versés à la structure réceptrice de l’établissement.',
    ],
    action: OPEN,
    milestone: 'la collecte s’est terminée avec succès',
    supporters: {
      paragraphs: [
        'La collecte du projet « {title} » est terminée et réussie : grâce à vous, il aura lieu.',
        'Les fonds sont versés à la structure réceptrice de l’établissement, jamais à une personne.',
      ],
      action: SEE,
    },
  },
  campaign_failed_choice: {
    subject: '« {title} » n’a pas atteint son objectif : que faire de votre don ?',
    paragraphs: [
      'Le projet « {title} » n’a pas atteint son objectif minimum.',
      'Vous pouvez choisir d’être remboursé ou de reverser votre don au fonds de solidarité ; sans réponse de votre part, le choix fait lors du don s’applique.',
    ],
    action: SEE,
  },
  project_cancelled: {
    subject: 'Le projet « {title} » est annulé',
    paragraphs: ['Le projet « {title} » a été annulé. Chaque donateur est remboursé.'],
    action: OPEN,
    supporters: {
      paragraphs: [
        'Le projet « {title} » que vous avez soutenu a été annulé par l’équipe de la plateforme ; la raison est indiquée ci-dessous.',
        'Votre don vous est intégralement remboursé sur la carte utilisée : le remboursement apparaît sur votre compte sous quelques jours. Vous n’avez rien à faire.',
      ],
      action: SEE,
    },
  },
  payout_waiting_bank_details: {
    subject: 'Versement de « {title} » en attente des coordonnées bancaires',
    paragraphs: [
      'La collecte du projet « {title} » est réussie, mais les fonds ne peuvent pas être versés : les coordonnées bancaires de la structure réceptrice manquent ou ne sont pas encore validées.',
      'Le gestionnaire de la structure saisit son IBAN et son BIC dans « Structures réceptrices » ; un administrateur les valide après contrôle du RIB. Le versement partira alors de lui-même.',
    ],
    action: OPEN,
  },
  lifecycle_incident: {
    subject: 'Projet bloqué : « {title} »',
    paragraphs: [
      'Une étape du projet « {title} » a échoué et le processus attend une intervention ; le détail est indiqué ci-dessous.',
      'Une fois la cause corrigée, relancez-le depuis « Projets bloqués » dans le back office.',
    ],
    action: OPEN,
  },
  report_reminder: {
    subject: 'Bilan de « {title} » : échéance proche',
    paragraphs: ['Le bilan du projet « {title} » est attendu bientôt. Les donateurs l’attendent avec impatience !'],
    action: 'Rédiger le bilan',
  },
  report_due_today: {
    subject: 'Bilan de « {title} » attendu aujourd’hui',
    paragraphs: ['Le bilan du projet « {title} » est attendu aujourd’hui.'],
    action: 'Rédiger le bilan',
  },
  report_late: {
    subject: 'Bilan en retard : « {title} »',
    paragraphs: [
      'Le bilan du projet « {title} » de votre établissement est en retard. Pouvez-vous le rappeler à son porteur ?',
    ],
    action: OPEN,
  },
  report_changes_requested: {
    subject: 'Des compléments sont demandés sur le bilan de « {title} »',
    paragraphs: [
      'Le validateur demande des compléments sur le bilan du projet « {title} ». Son commentaire est dans l’historique du projet.',
    ],
    action: 'Compléter le bilan',
  },
  report_published: {
    subject: 'Le bilan de « {title} » est disponible',
    paragraphs: ['Le projet « {title} » que vous avez soutenu a eu lieu : découvrez ce qui a été fait grâce à vous.'],
    action: 'Lire le bilan',
  },
  project_news: {
    subject: 'Des nouvelles de « {title} »',
    paragraphs: ['Le porteur du projet « {title} » que vous soutenez a publié des nouvelles.'],
    action: 'Lire les nouvelles',
  },
  donation_thanks: {
    subject: 'Merci pour votre don à « {title} »',
    paragraphs: [
      'Votre don de {amount} au projet « {title} » est bien enregistré. Merci !',
      'Nous vous écrirons aux grandes étapes de la collecte.',
      'Votre espace donateur rassemble vos dons, vos reçus fiscaux et vos abonnements aux nouvelles : un lien de connexion y est envoyé à cette adresse sur simple demande.',
    ],
    action: SEE,
  },
  donor_sign_in: {
    subject: 'Votre lien de connexion à l’espace donateur',
    paragraphs: [
      'Vous avez demandé à ouvrir votre espace donateur Trousse à Projets : vos dons, vos reçus fiscaux, vos choix en attente et vos abonnements aux nouvelles.',
      'Le bouton ci-dessous l’ouvre : le lien sert une fois et pendant 30 minutes.',
      'Si vous n’avez rien demandé, ignorez cet e-mail : personne n’entre dans votre espace sans ce lien.',
    ],
    action: 'Ouvrir mon espace donateur',
  },
  donor_message: {
    subject: 'Un donateur de « {title} » vous écrit',
    paragraphs: [
      'Un donateur du projet « {title} » vous a écrit depuis son espace donateur. Son message, relayé par la plateforme :',
    ],
    action: OPEN,
  },
  tax_receipt_available: {
    subject: 'Votre reçu fiscal pour « {title} »',
    paragraphs: [
      'Le reçu fiscal de votre don au projet « {title} » est disponible : il est émis par la structure qui a reçu les fonds.',
      'Conservez-le : il justifie votre réduction d’impôt.',
    ],
    action: SEE,
  },
  account_invitation: {
    subject: 'Votre accès au back office de Trousse à Projets',
    paragraphs: [
      'Un administrateur de la plateforme vous a ouvert un accès au back office de Trousse à Projets.',
      'Choisissez votre mot de passe avec le bouton ci-dessous : le lien sert une fois et pendant 7 jours.',
    ],
    action: 'Choisir mon mot de passe',
  },
  password_reset: {
    subject: 'Choisir un nouveau mot de passe pour Trousse à Projets',
    paragraphs: [
      'Vous avez demandé à choisir un nouveau mot de passe pour votre compte Trousse à Projets.',
      'Le bouton ci-dessous mène à la page où le choisir : le lien sert une fois et pendant une heure.',
      'Si vous n’avez rien demandé, ignorez cet e-mail : votre mot de passe reste le même.',
    ],
    action: 'Choisir un nouveau mot de passe',
  },
  directeur_invitation: {
    subject: 'Le projet « {title} » de votre établissement : votre accès à Trousse à Projets',
    paragraphs: [
      'Le projet « {title} », porté par une équipe de votre établissement, a été accepté par la plateforme Trousse à Projets.',
      'Avant l’ouverture de sa collecte, il vous revient d’attester ses autorisations officielles : un accès au back office vous est ouvert à cette adresse.',
      'Choisissez votre mot de passe avec le bouton ci-dessous : le lien sert une fois et pendant 7 jours.',
    ],
    action: 'Choisir mon mot de passe',
  },
  gestionnaire_invitation: {
    subject: 'Le projet « {title} » : votre accès de gestionnaire à Trousse à Projets',
    paragraphs: [
      'Le projet « {title} » a été accepté par la plateforme Trousse à Projets ; la structure que vous gérez recevra l’argent collecté si sa campagne réussit.',
      'Dans le back office, vous renseignez les coordonnées légales et bancaires de la structure, suivez les dons et délivrez les reçus fiscaux.',
      'Choisissez votre mot de passe avec le bouton ci-dessous : le lien sert une fois et pendant 7 jours.',
    ],
    action: 'Choisir mon mot de passe',
  },
  tax_statement_available: {
    subject: 'Le récapitulatif annuel de vos dons (dont « {title} »)',
    paragraphs: [
      'Le récapitulatif de vos dons de l’année, avec les numéros de vos reçus fiscaux, est disponible.',
      'Il vous aide à remplir votre déclaration de revenus.',
    ],
    action: SEE,
  },
};

const SUPPORTERS: readonly Audience[] = ['donors', 'sponsors'];

/** The words of a template for an audience, or undefined for an unknown template. */
export function emailTextOf(template: string, audience: Audience): EmailText | undefined {
  const texts = TEXTS[template as EmailTemplate] as Texts | undefined;
  if (!texts) return undefined;
  const { supporters, ...words } = texts;
  return SUPPORTERS.includes(audience) ? { ...words, ...supporters } : words;
}
