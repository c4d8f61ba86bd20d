import { acceptedOn, type DemoProject } from './project-data.ts';

const CLAIRE = 'claire.martin@ac-lille.fr';

/** Claire Martin's other projects, so that each role of Roubaix has work on its home page. */
export const ROUBAIX_PROJECTS: DemoProject[] = [
  {
    key: 'roubaix-chorale',
    school: 'roubaix-jaures',
    porteur: CLAIRE,
    title: 'Une chorale et son concert de fin d’année',
    summary: 'Trois classes chantent avec un chef de chœur et donnent un concert à la salle Watremez.',
    description:
      'Un chef de chœur intervient chaque semaine pendant un trimestre ; les élèves préparent un répertoire de chansons françaises et le présentent aux familles lors d’un concert dans une salle municipale.',
    theme: 'arts_culture',
    levels: ['CE2', 'CM1', 'CM2'],
    pupilCount: 72,
    activity: [-60, 55],
    campaign: [-130, 30],
    minimumEuros: 1200,
    budget: [
      ['Interventions du chef de chœur', 1100],
      ['Location de la salle et sonorisation', 400],
      ['Partitions et enregistrement du concert', 200],
    ],
    history: [
      ['draft', -150, 'porteur'],
      ['submitted', -146, 'porteur'],
      ...acceptedOn(-141),
      ['published', -130, 'directeur', "Accords de l'IEN et du DASEN attestés."],
      ['succeeded', -100, null, 'Campagne terminée : objectif minimum atteint.'],
      ['paid_out', -95, 'admin', "Virement à la coopérative scolaire de l'école."],
      ['report_due', -4, null, 'Activité terminée : bilan attendu sous 30 jours.'],
    ],
    // prettier-ignore
    donations: [
      { name: 'Sophie Lemaire', email: 'sophie.lemaire@example.com', euros: 150, day: -128, receipt: ['14 rue de Lannoy', '59100', 'Roubaix'] },
      { name: 'Karim Benali', email: 'karim.benali@example.org', euros: 60, day: -124 },
      { name: 'Association des parents de Jean Jaurès', email: 'ape.jaures@example.org', euros: 400, day: -118 },
      { name: 'Martine Dewitte', email: 'martine.dewitte@example.net', euros: 80, day: -112, hideAmount: true },
      { name: 'Hugo Vandamme', email: 'hugo.vandamme@example.com', euros: 250, day: -106, receipt: ['3 place de la Liberté', '59100', 'Roubaix'] },
      { name: 'Fatou Diallo', email: 'fatou.diallo@example.org', euros: 40, day: -103 },
    ],
  },
  {
    key: 'roubaix-musee',
    school: 'roubaix-jaures',
    porteur: CLAIRE,
    title: 'Une journée au musée La Piscine',
    summary: 'Deux classes découvrent le musée d’art et d’industrie de Roubaix et y créent leurs œuvres.',
    description:
      'Visite guidée du musée La Piscine, puis atelier d’arts plastiques avec une médiatrice : les élèves réalisent une œuvre collective exposée ensuite dans le hall de l’école.',
    theme: 'arts_culture',
    levels: ['CP', 'CE1'],
    pupilCount: 46,
    activity: [75, 1],
    minimumEuros: 500,
    budget: [
      ['Visite guidée et atelier', 420],
      ['Transport en car', 330],
    ],
    history: [['draft', -12, 'porteur'], ['submitted', -9, 'porteur'], ...acceptedOn(-2)],
  },
  {
    key: 'roubaix-robots',
    school: 'roubaix-jaures',
    porteur: CLAIRE,
    title: 'Des robots pour apprendre à coder',
    summary: 'Six robots programmables pour initier les CM1 et CM2 au code.',
    description:
      'Les élèves programment des robots pour résoudre des défis de déplacement, d’abord avec des cartes puis sur tablette, au fil d’une séquence de dix séances.',
    theme: 'sciences_robotique',
    levels: ['CM1', 'CM2'],
    pupilCount: 50,
    activity: [90, 60],
    minimumEuros: 900,
    budget: [
      ['Six robots programmables', 900],
      ['Cartes et tapis de défis', 150],
    ],
    // two weeks ago: overdue against the 5 working days whatever the weekday and public holidays
    history: [
      ['draft', -18, 'porteur'],
      ['submitted', -14, 'porteur'],
    ],
  },
];
