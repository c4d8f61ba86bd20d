import type { ProjectStatus } from '../../domain/project-status.ts';
import type { Level, Theme } from '../../domain/projects.ts';

/** Who made a status change: resolved against the project's school and académie; null is the platform. */
export type Actor = 'porteur' | 'directeur' | 'validateur' | 'admin' | null;

/** One status change, `day` days from now (negative: in the past). */
export type Step = [status: ProjectStatus, day: number, actor: Actor, comment?: string];

/** A gift to a project, paid `day` days from now unless it expired at checkout. */
export interface DemoDonation {
  name: string;
  email: string;
  euros: number;
  day: number;
  hideName?: boolean;
  hideAmount?: boolean;
  redirect?: boolean;
  receipt?: [addressLine: string, postalCode: string, city: string];
  company?: [companyName: string, siren: string];
  expired?: boolean;
}

/** A demo project; its status is the last step of its history and its optimum the sum of its budget. */
export interface DemoProject {
  key: string;
  school: string;
  porteur: string;
  title: string;
  summary: string;
  description: string;
  theme: Theme;
  levels: Level[];
  pupilCount: number;
  activity: [startsInDays: number, lastsDays: number];
  campaign?: [startsInDays: number, lastsDays: number];
  minimumEuros: number;
  budget: [label: string, euros: number][];
  history: Step[];
  donations?: DemoDonation[];
}

/** A validator's acceptance and the attestation request that follows it at once. */
export function acceptedOn(day: number): Step[] {
  return [
    ['accepted', day, 'validateur', 'Projet conforme à la charte.'],
    ['awaiting_attestation', day, null, 'Attestation demandée au chef d’établissement.'],
  ];
}

/** Projects still on their way to publication, or refused. */
export const EARLY_PROJECTS: DemoProject[] = [
  {
    key: 'roubaix-bcd',
    school: 'roubaix-jaures',
    porteur: 'claire.martin@ac-lille.fr',
    title: 'Des livres et des coussins pour notre BCD',
    summary: "Renouveler les livres de la bibliothèque de l'école et aménager un coin lecture accueillant.",
    description:
      "Notre BCD n'a pas été renouvelée depuis dix ans : beaucoup d'albums sont abîmés et les élèves de CM ne trouvent plus de romans à leur goût. Avec la librairie du quartier, nous choisirons de nouveaux titres avec les élèves, et le coin lecture deviendra un lieu où l'on a envie de s'installer.",
    theme: 'lecture_ecriture',
    levels: ['CP', 'CE1', 'CE2', 'CM1', 'CM2'],
    pupilCount: 182,
    activity: [75, 60],
    minimumEuros: 1200,
    budget: [
      ['Albums et romans jeunesse (librairie du quartier)', 1100],
      ['Coussins, tapis et bacs à livres', 420],
      ['Abonnements à deux magazines jeunesse', 180],
    ],
    history: [['draft', -3, 'porteur']],
  },
  {
    key: 'nimes-thymio',
    school: 'nimes-mistral',
    porteur: 'julien.roux@ac-montpellier.fr',
    title: 'Des robots Thymio pour apprendre à coder',
    summary: 'Initier les élèves de CE2 et CM1 à la programmation avec des robots éducatifs.',
    description:
      "Par groupes de trois, les élèves programmeront des robots Thymio pour résoudre des défis (suivre une ligne, éviter un obstacle, jouer une mélodie). Le projet s'appuie sur les ressources de la Main à la pâte et se terminera par une démonstration ouverte aux familles.",
    theme: 'sciences_robotique',
    levels: ['CE2', 'CM1'],
    pupilCount: 52,
    activity: [75, 150],
    campaign: [14, 45],
    minimumEuros: 1800,
    budget: [
      ['Huit robots Thymio II', 1440],
      ['Quatre tablettes reconditionnées', 640],
      ["Formation de l'équipe par un médiateur scientifique", 300],
    ],
    history: [
      ['draft', -20, 'porteur'],
      ['submitted', -12, 'porteur'],
      [
        'changes_requested',
        -9,
        'validateur',
        "Bonjour, le projet est très intéressant. Pouvez-vous préciser comment les robots seront partagés avec les autres classes de l'école et joindre le devis des tablettes ?",
      ],
    ],
  },
  {
    key: 'vierzon-album',
    school: 'vierzon-rolland',
    porteur: 'amandine.lefebvre@ac-orleans-tours.fr',
    title: 'Écrire et illustrer notre album avec une autrice jeunesse',
    summary: 'Deux classes de CM écrivent, illustrent et impriment leur propre album avec une autrice en résidence.',
    description:
      "Pendant six demi-journées, une autrice-illustratrice accompagnera les élèves de l'idée au livre imprimé. Chaque élève repartira avec son exemplaire, et l'album sera offert à la médiathèque de Vierzon.",
    theme: 'lecture_ecriture',
    levels: ['CM1', 'CM2'],
    pupilCount: 48,
    activity: [65, 90],
    campaign: [10, 40],
    minimumEuros: 2200,
    budget: [
      ["Résidence de l'autrice (six demi-journées)", 1350],
      ['Impression de 150 albums', 980],
      ["Matériel d'arts plastiques", 270],
    ],
    history: [
      ['draft', -15, 'porteur'],
      ['submitted', -2, 'porteur'],
    ],
  },
  {
    key: 'reims-fresque',
    school: 'reims-joliot-curie',
    porteur: 'mehdi.cherif@ac-reims.fr',
    title: 'Une fresque dans la cour avec un artiste en résidence',
    summary: "Tous les élèves de l'école imaginent et peignent une fresque sur le mur de la cour.",
    description:
      "Un artiste muraliste rémois animera des ateliers de dessin dans chaque classe, puis les élèves peindront ensemble la fresque retenue. Le projet est mené avec le centre social du quartier Croix-Rouge, qui accueillera l'inauguration.",
    theme: 'arts_culture',
    levels: ['CE1', 'CE2', 'CM1', 'CM2'],
    pupilCount: 210,
    activity: [60, 30],
    campaign: [7, 35],
    minimumEuros: 3000,
    budget: [
      ["Intervention de l'artiste (dix jours)", 2200],
      ['Peintures extérieures et vernis anti-graffiti', 850],
      ["Location d'un échafaudage", 450],
    ],
    history: [
      ['draft', -21, 'porteur'],
      ['submitted', -14, 'porteur'],
      [
        'accepted',
        -0.1,
        'validateur',
        'Projet conforme à la charte, avec une belle implication des élèves et du quartier.',
      ],
    ],
  },
  {
    key: 'orleans-munster',
    school: 'orleans-rostand',
    porteur: 'sandrine.legrand@ac-orleans-tours.fr',
    title: 'Échange linguistique avec un collège de Münster',
    summary: 'Une semaine en immersion chez des correspondants allemands, puis leur accueil à Orléans.',
    description:
      "Orléans et Münster sont jumelées depuis 1960. Nos élèves germanistes de 4e et 3e correspondent depuis septembre avec une classe du Hittorf-Gymnasium ; ils partiront une semaine en famille d'accueil puis recevront leurs correspondants. Beaucoup d'entre eux n'ont jamais quitté la France.",
    theme: 'langues_echanges',
    levels: ['4e', '3e'],
    pupilCount: 26,
    activity: [95, 8],
    campaign: [5, 60],
    minimumEuros: 4800,
    budget: [
      ['Train Orléans – Münster aller-retour', 3100],
      ['Visites et activités sur place', 1200],
      ['Assurance et frais de dossier', 350],
      ['Accueil des correspondants à Orléans', 750],
    ],
    history: [
      ['draft', -30, 'porteur'],
      ['submitted', -22, 'porteur'],
      ['accepted', -18, 'validateur', "Projet conforme, l'échange est déjà engagé avec l'établissement partenaire."],
      [
        'awaiting_attestation',
        -18,
        null,
        "Attestation demandée à la cheffe d'établissement (vote du conseil d'administration).",
      ],
    ],
  },
  {
    key: 'hoche-londres',
    school: 'versailles-hoche',
    porteur: 'francois.delmas@ac-versailles.fr',
    title: "Voyage d'études à Londres pour la section européenne",
    summary: 'Cinq jours à Londres pour les élèves de la section européenne anglais.',
    description:
      'Visites du British Museum, du Parlement et de la Tate Modern, rencontre avec des lycéens londoniens et ateliers de théâtre en anglais au Globe.',
    theme: 'langues_echanges',
    levels: ['1re', 'Tle'],
    pupilCount: 35,
    activity: [120, 5],
    campaign: [20, 45],
    minimumEuros: 5000,
    budget: [
      ['Eurostar Paris – Londres aller-retour', 5200],
      ['Auberge de jeunesse (quatre nuits)', 4900],
      ['Visites et ateliers au Globe', 1400],
    ],
    history: [
      ['draft', -40, 'porteur'],
      ['submitted', -35, 'porteur'],
      [
        'rejected',
        -31,
        'validateur',
        "Le projet ne relève pas de la charte : le lycée n'est ni en éducation prioritaire ni isolé, et un voyage de ce coût relève du financement des familles et du fonds social lycéen.",
      ],
    ],
  },
];
