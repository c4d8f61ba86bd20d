/** Subject and first lines of each project e-mail, in French; `{title}` is the project's title. */
export const NOTIFICATION_TEXTS: Record<string, { subject: string; body: string }> = {
  project_submitted: {
    subject: 'Votre projet « {title} » a été soumis',
    body: 'Votre projet « {title} » a bien été soumis. L’équipe de la plateforme va l’examiner.',
  },
  new_submission: {
    subject: 'Nouveau projet à examiner : « {title} »',
    body: 'Le projet « {title} » attend votre examen dans la file de validation.',
  },
  review_sla_breached: {
    subject: 'Examen en retard : « {title} »',
    body: 'Le projet « {title} » attend son examen depuis plus longtemps que le délai prévu.',
  },
  changes_requested: {
    subject: 'Des modifications sont demandées pour « {title} »',
    body: 'Le validateur demande des modifications sur votre projet « {title} ». Consultez son commentaire puis soumettez à nouveau.',
  },
  project_rejected: {
    subject: 'Votre projet « {title} » n’a pas été retenu',
    body: 'Votre projet « {title} » n’a pas été retenu. La raison est indiquée dans son historique.',
  },
  project_accepted: {
    subject: 'Votre projet « {title} » est accepté',
    body: 'Votre projet « {title} » est accepté. Le chef d’établissement doit maintenant attester les autorisations.',
  },
  attestation_requested: {
    subject: 'Attestation demandée pour « {title} »',
    body: 'Le projet « {title} » de votre établissement attend votre attestation des autorisations officielles.',
  },
  project_published: {
    subject: 'Votre projet « {title} » est en ligne',
    body: 'La collecte du projet « {title} » est ouverte.',
  },
  half_minimum: {
    subject: '« {title} » a atteint la moitié de son objectif',
    body: 'Le projet « {title} » a réuni la moitié de son objectif minimum. Merci !',
  },
  minimum_reached: {
    subject: '« {title} » a atteint son objectif minimum',
    body: 'Le projet « {title} » a atteint son objectif minimum : il pourra avoir lieu.',
  },
  optimum_reached: {
    subject: '« {title} » a atteint son objectif optimal',
    body: 'Le projet « {title} » a atteint son objectif optimal : la collecte est close.',
  },
  campaign_succeeded: {
    subject: 'La collecte de « {title} » est réussie',
    body: 'La collecte du projet « {title} » est terminée et réussie. Les fonds vont être versés à la structure de l’établissement.',
  },
  campaign_failed_choice: {
    subject: '« {title} » n’a pas atteint son objectif : que faire de votre don ?',
    body: 'Le projet « {title} » n’a pas atteint son objectif minimum. Vous pouvez choisir d’être remboursé ou de reverser votre don au fonds de solidarité.',
  },
  project_cancelled: {
    subject: 'Le projet « {title} » est annulé',
    body: 'Le projet « {title} » a été annulé. Chaque donateur est remboursé.',
  },
  report_reminder: {
    subject: 'Bilan de « {title} » : échéance proche',
    body: 'Le bilan du projet « {title} » est attendu bientôt.',
  },
  report_due_today: {
    subject: 'Bilan de « {title} » attendu aujourd’hui',
    body: 'Le bilan du projet « {title} » est attendu aujourd’hui.',
  },
  report_late: {
    subject: 'Bilan en retard : « {title} »',
    body: 'Le bilan du projet « {title} » de votre établissement est en retard.',
  },
  report_changes_requested: {
    subject: 'Des compléments sont demandés sur le bilan de « {title} »',
    body: 'Le validateur demande des compléments sur le bilan du projet « {title} ».',
  },
  report_published: {
    subject: 'Le bilan de « {title} » est disponible',
    body: 'Le projet « {title} » que vous avez soutenu a eu lieu : découvrez son bilan.',
  },
};
