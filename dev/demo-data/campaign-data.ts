import { withLuhnDigit } from './bank.ts';
import { acceptedOn, type DemoProject } from './project-data.ts';

/** Projects collecting right now. */
export const COLLECTING_PROJECTS: DemoProject[] = [
  {
    key: 'roubaix-baie-de-somme',
    school: 'roubaix-jaures',
    porteur: 'claire.martin@ac-lille.fr',
    title: 'Classe de découverte en baie de Somme',
    summary: 'Trois jours au bord de la mer pour observer les phoques, les oiseaux et les dunes.',
    description:
      "La plupart de nos élèves de CM1 et CM2 n'ont jamais vu la mer, pourtant à deux heures de Roubaix. Au centre d'hébergement de Saint-Valery-sur-Somme, ils découvriront la baie avec un guide nature, tiendront un carnet de bord et présenteront leur travail aux familles au retour.",
    theme: 'classe_decouverte',
    levels: ['CM1', 'CM2'],
    pupilCount: 46,
    activity: [58, 2],
    campaign: [-12, 35],
    minimumEuros: 3200,
    budget: [
      ['Transport en autocar Roubaix – Saint-Valery-sur-Somme', 1150],
      ['Hébergement et repas au centre (trois jours, deux nuits)', 2100],
      ['Sorties nature avec un guide (phoques, dunes, marais)', 650],
    ],
    history: [
      ['draft', -40, 'porteur'],
      ['submitted', -33, 'porteur'],
      [
        'changes_requested',
        -31,
        'validateur',
        "Merci pour ce beau projet. Pouvez-vous joindre le devis de l'autocariste et préciser l'encadrement prévu pendant les nuitées ?",
      ],
      ['submitted', -28, 'porteur', 'Devis ajouté. Encadrement : deux enseignantes et trois parents agréés.'],
      ['accepted', -25, 'validateur', 'Projet conforme à la charte. Bonne collecte !'],
      ['awaiting_attestation', -25, null, "Attestation demandée au directeur de l'école."],
      ['published', -12, 'directeur', "Accords de l'IEN et du DASEN obtenus pour la sortie avec nuitées."],
    ],
    // prettier-ignore
    donations: [
      { name: 'Julie Petit', email: 'julie.petit@example.com', euros: 50, day: -11.6 },
      { name: 'Marc Lefort', email: 'marc.lefort@example.org', euros: 100, day: -11.2, receipt: ['12 rue de Lannoy', '59100', 'Roubaix'] },
      { name: 'Bernard Declercq', email: 'contact.declercq@example.com', euros: 300, day: -10.4, company: ['Boulangerie Declercq', withLuhnDigit('51234867')], receipt: ['45 Grande Rue', '59100', 'Roubaix'] },
      { name: 'Sarah Benoît', email: 'sarah.benoit@example.net', euros: 30, day: -9.5, hideName: true },
      { name: 'Christophe Vandenberghe', email: 'c.vandenberghe@example.org', euros: 80, day: -8.1, redirect: true },
      { name: 'Jacques Delcourt', email: 'jacques.delcourt@example.com', euros: 200, day: -7.3, hideAmount: true, receipt: ['7 avenue Jean Lebas', '59100', 'Roubaix'] },
      { name: 'Amélie Roussel', email: 'amelie.roussel@example.net', euros: 25, day: -5.9 },
      { name: 'Sophie Lemaire', email: 'pharmacie.dupile@example.com', euros: 250, day: -4.4, company: ['Pharmacie du Pile', withLuhnDigit('82145390')], receipt: ['101 rue de Cassel', '59100', 'Roubaix'] },
      { name: 'Léa Martinez', email: 'lea.martinez@example.org', euros: 40, day: -3.2, redirect: true },
      { name: 'Thomas Nowak', email: 'thomas.nowak@example.com', euros: 20, day: -1.5, expired: true },
      { name: 'Karim Ziani', email: 'karim.ziani@example.net', euros: 150, day: -2 },
      { name: 'Odile Maes', email: 'odile.maes@example.com', euros: 60, day: -0.7, hideName: true, redirect: true },
    ],
  },
  {
    key: 'garges-web-radio',
    school: 'garges-eluard',
    porteur: 'yasmina.belkacem@ac-versailles.fr',
    title: 'Lancer la web radio du collège',
    summary: 'Un studio mobile pour que les élèves produisent chaque semaine une émission diffusée en ligne.',
    description:
      "Dans le cadre de l'éducation aux médias, un club de 24 élèves de la 6e à la 3e préparera, enregistrera et diffusera une émission hebdomadaire : actualité du collège, interviews d'habitants, chroniques culturelles. Le CLEMI de l'académie accompagne le projet.",
    theme: 'numerique',
    levels: ['6e', '5e', '4e', '3e'],
    pupilCount: 24,
    activity: [40, 200],
    campaign: [-20, 30],
    minimumEuros: 2500,
    budget: [
      ['Micros, casques et table de mixage', 1400],
      ["Ordinateur portable et logiciel d'édition", 900],
      ['Formation des élèves par un animateur radio', 600],
    ],
    history: [
      ['draft', -45, 'porteur'],
      ['submitted', -38, 'porteur'],
      ...acceptedOn(-34),
      ['published', -20, 'directeur', "Délibération favorable du conseil d'administration attestée."],
    ],
    // prettier-ignore
    donations: [
      { name: 'Nabil Haddouche', email: 'nabil.haddouche@example.com', euros: 40, day: -19.5 },
      { name: 'Corinne Lambert', email: 'corinne.lambert@example.org', euros: 100, day: -18, receipt: ['8 avenue du Général de Gaulle', '95140', 'Garges-lès-Gonesse'] },
      { name: 'Patrice Morel', email: 'librairie.pointvirgule@example.com', euros: 500, day: -16.2, company: ['Librairie Le Point-Virgule', withLuhnDigit('44781203')], receipt: ["3 place de l'Hôtel de Ville", '95140', 'Garges-lès-Gonesse'] },
      { name: 'Aïssata Diallo', email: 'aissata.diallo@example.net', euros: 30, day: -14, hideName: true },
      { name: 'Guillaume Perrin', email: 'guillaume.perrin@example.com', euros: 250, day: -11, redirect: true, hideAmount: true },
      { name: 'Fatou Sow', email: 'fatou.sow@example.org', euros: 20, day: -8 },
      { name: 'Véronique Simon', email: 'fcpe.eluard@example.org', euros: 300, day: -6, company: ['FCPE – conseil local du collège Paul Éluard', withLuhnDigit('39920417')], receipt: ['12 rue Jean Moulin', '95140', 'Garges-lès-Gonesse'] },
      { name: 'Mathieu Girard', email: 'mathieu.girard@example.net', euros: 80, day: -3, redirect: true },
      { name: 'Élodie Chevalier', email: 'elodie.chevalier@example.com', euros: 120, day: -1.2 },
    ],
  },
];
