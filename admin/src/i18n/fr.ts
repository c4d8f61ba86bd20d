import polyglotI18nProvider from 'ra-i18n-polyglot';
import frenchMessages from 'ra-language-french';
import { mergeTranslations } from 'react-admin';

const appMessages = {
  ra: {
    auth: { username: 'Adresse e-mail' },
  },
  app: {
    title: 'Trousse à Projets',
    dashboard: {
      title: 'Tableau de bord',
      greeting: 'Bonjour, %{name}',
      roles: 'Vos rôles',
      no_roles: 'Aucun rôle ne vous est attribué pour le moment.',
    },
  },
  resources: {
    projects: {
      name: 'Projet |||| Projets',
      fields: {
        title: 'Titre',
        summary: 'Résumé',
        status: 'Statut',
        theme: 'Thème',
        schoolUai: 'UAI',
        schoolName: 'Établissement',
        academyCode: 'Académie',
        departement: 'Département',
        minimumGoalCents: 'Objectif minimum',
        optimumGoalCents: 'Objectif optimal',
        collectedCents: 'Collecté',
        campaignEndsAt: 'Fin de la campagne',
        statusChangedAt: 'Dernier changement de statut',
        porteurName: 'Porteur de projet',
        grants: 'Aides des fonds de solidarité',
        priorityEducation: 'Priorité',
        priority: 'Priorité',
        deadlineWithinDays: 'Échéance',
        q: 'Rechercher',
        description: 'Description',
        structureId: 'N° de la structure réceptrice',
        levels: 'Niveaux',
        pupilCount: 'Nombre d’élèves',
        activityStartsOn: 'Début de l’activité',
        activityEndsOn: 'Fin de l’activité',
        campaignDays: 'Durée de la collecte (jours)',
        budgetLines: 'Lignes de budget',
        label: 'Libellé',
      },
    },
    'validation-queue': {
      name: 'File de validation |||| File de validation',
      fields: {
        title: 'Titre',
        schoolName: 'Établissement',
        porteurName: 'Porteur de projet',
      },
    },
    schools: {
      name: 'Établissement |||| Établissements',
      fields: {
        uai: 'UAI',
        name: 'Nom',
        kind: 'Type',
        degree: 'Degré',
        academyCode: 'Académie',
        departement: 'Département',
        commune: 'Commune',
        sector: 'Secteur',
        priorityEducation: 'Éducation prioritaire',
        rural: 'Rural ou isolé',
        ips: 'IPS',
      },
    },
    funds: {
      name: 'Fonds |||| Fonds',
      fields: {
        name: 'Nom',
        sponsorName: 'Mécène',
        budgetCents: 'Budget',
        availableCents: 'Solde disponible',
        reservedCents: 'Réservé',
        committedCents: 'Versé aux projets',
        validFrom: 'Valable à partir du',
        validUntil: 'Valable jusqu’au',
        isGeneralSolidarity: 'Fonds de solidarité général',
        rules: 'Règles',
        grants: 'Subventions et leurs raisons',
      },
    },
    grants: {
      name: 'Subvention |||| Subventions',
      fields: {
        projectTitle: 'Projet',
        schoolName: 'Établissement',
        fundName: 'Fonds',
        kind: 'Type',
        amountCents: 'Montant',
        status: 'Statut',
        createdAt: 'Attribuée le',
      },
    },
    emails: {
      name: 'E-mail |||| E-mails',
      fields: {
        createdAt: 'Créé le',
        status: 'Statut',
        template: 'Modèle',
        toAddress: 'Destinataire',
        subject: 'Objet',
        projectTitle: 'Projet',
        projectId: 'N° de projet',
        attempts: 'Tentatives',
        lastError: 'Dernière erreur',
        sendAfter: 'À envoyer à partir du',
        sentAt: 'Envoyé le',
      },
    },
    donations: {
      name: 'Don |||| Dons',
      fields: {
        id: 'N°',
        paidAt: 'Payé le',
        status: 'Statut',
        amountCents: 'Montant',
        donorName: 'Donateur',
        projectTitle: 'Projet ou fonds',
        projectId: 'N° de projet',
        q: 'Rechercher',
      },
    },
    'payment-anomalies': {
      name: 'Anomalie de paiement |||| Anomalies de paiement',
      fields: {
        createdAt: 'Signalée le',
        kind: 'Type',
        donationId: 'Don',
        message: 'Description',
      },
    },
    structures: {
      name: 'Structure réceptrice |||| Structures réceptrices',
      fields: {
        legalName: 'Raison sociale',
        schoolName: 'Établissement',
        iban: 'IBAN',
        bankDetailsValidatedAt: 'Coordonnées validées le',
      },
    },
    'tax-receipts': {
      name: 'Reçu fiscal |||| Reçus fiscaux',
      fields: {
        number: 'Numéro',
        status: 'Statut',
        donorName: 'Donateur',
        amountCents: 'Montant',
        paidAt: 'Don du',
        projectTitle: 'Projet',
        structureName: 'Structure',
      },
    },
    reconciliations: {
      name: 'Rapprochement Stripe |||| Rapprochements Stripe',
      fields: {
        ranAt: 'Fait le',
        periodStart: 'Du',
        periodEnd: 'Au',
        ledgerPaidCents: 'Encaissé (grand livre)',
        stripePaidCents: 'Encaissé (Stripe)',
        differenceCount: 'Écarts',
      },
    },
    payouts: {
      name: 'Versement |||| Versements',
      fields: {
        id: 'N°',
        createdAt: 'Enregistré le',
        status: 'Statut',
        projectTitle: 'Projet',
        structureName: 'Structure réceptrice',
        bankDetailsValidated: 'Coordonnées bancaires',
        amountCents: 'Montant',
        batchId: 'Lot',
      },
    },
    'payout-batches': {
      name: 'Lot de virements |||| Lots de virements',
      fields: {
        messageId: 'Référence',
        createdAt: 'Exporté le',
        requestedExecutionDate: 'Exécution demandée le',
        payoutCount: 'Virements',
        totalCents: 'Total',
        confirmedAt: 'Exécution confirmée le',
      },
    },
    academies: {
      name: 'Académie |||| Académies',
      fields: { name: 'Académie', schoolCount: 'Établissements', projectCount: 'Projets', pilotEnabled: 'Pilote' },
    },
    users: {
      name: 'Utilisateur |||| Utilisateurs',
      fields: {
        email: 'Adresse e-mail',
        displayName: 'Nom affiché',
        roles: 'Rôles',
      },
    },
  },
};

/** French-only i18n: react-admin's French messages plus our resource names, field labels and pages. */
export const i18nProvider = polyglotI18nProvider(
  () => mergeTranslations(frenchMessages, appMessages),
  'fr',
  [{ locale: 'fr', name: 'Français' }],
  { allowMissing: true },
);
