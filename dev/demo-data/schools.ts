import { uaiCheckLetter, type PriorityEducation, type Sector, type SchoolKind } from '../../domain/schools.ts';

/** The académies of the demo: the five pilots and two not yet enabled. */
export const DEMO_ACADEMIES = [
  { code: 'lille', name: 'Lille', pilotEnabled: true },
  { code: 'montpellier', name: 'Montpellier', pilotEnabled: true },
  { code: 'orleans-tours', name: 'Orléans-Tours', pilotEnabled: true },
  { code: 'reims', name: 'Reims', pilotEnabled: true },
  { code: 'versailles', name: 'Versailles', pilotEnabled: true },
  { code: 'paris', name: 'Paris', pilotEnabled: false },
  { code: 'lyon', name: 'Lyon', pilotEnabled: false },
] as const;

/** Academic e-mail domains; education.gouv.fr belongs to no académie. */
export const DEMO_ACADEMIC_DOMAINS = [
  ...DEMO_ACADEMIES.map((academy) => ({ domain: `ac-${academy.code}.fr`, academyCode: academy.code as string | null })),
  { domain: 'education.gouv.fr', academyCode: null },
];

/** The départements of each pilot académie. */
export const PILOT_DEPARTEMENTS: Record<string, readonly string[]> = {
  lille: ['59', '62'],
  montpellier: ['11', '30', '34', '48', '66'],
  'orleans-tours': ['18', '28', '36', '37', '41', '45'],
  reims: ['08', '10', '51', '52'],
  versailles: ['78', '91', '92', '95'],
};

export interface DemoSchool {
  key: string;
  uai: string;
  name: string;
  kind: SchoolKind;
  academy: string;
  departement: string;
  commune: string;
  sector: Sector;
  priority: PriorityEducation;
  rural: boolean;
  ips: number;
  head: string;
  structure?: 'association_sportive' | 'maison_des_lyceens';
}

/** A UAI code: the département on 3 digits, a 4-digit number, then the check letter. */
export function demoUai(departement: string, serial: number): string {
  const digits = departement.padStart(3, '0') + String(serial).padStart(4, '0');
  return digits + uaiCheckLetter(digits);
}

type Row = [
  string,
  number,
  string,
  SchoolKind,
  string,
  string,
  string,
  Sector,
  PriorityEducation,
  boolean,
  number,
  string,
];

// prettier-ignore
const ROWS: Row[] = [
  ['roubaix-jaures', 4127, 'École élémentaire Jean Jaurès', 'ecole_elementaire', 'lille', '59', 'Roubaix', 'public', 'rep_plus', false, 72.4, 'Philippe Durand'],
  ['lens-coquelicots', 1852, 'École maternelle Les Coquelicots', 'ecole_maternelle', 'lille', '62', 'Lens', 'public', 'rep_plus', false, 74.8, 'Valérie Caron'],
  ['wattrelos-voltaire', 2286, 'Collège Voltaire', 'college', 'lille', '59', 'Wattrelos', 'public', 'rep', false, 88.5, 'Karim Messaoudi'],
  ['calais-mendes-france', 3061, 'Lycée professionnel Pierre Mendès France', 'lycee_professionnel', 'lille', '62', 'Calais', 'public', 'none', false, 96.8, 'Stéphanie Vasseur'],
  ['saint-omer-saint-joseph', 3390, 'Lycée privé Saint-Joseph', 'lycee', 'lille', '62', 'Saint-Omer', 'prive_sous_contrat', 'none', false, 112.6, 'Bruno Delattre'],
  ['solre-petit-prince', 5473, 'École élémentaire Le Petit Prince', 'ecole_elementaire', 'lille', '59', 'Solre-le-Château', 'public', 'none', true, 97.9, 'Agnès Lemaire'],
  ['nimes-mistral', 1514, 'École élémentaire Frédéric Mistral', 'ecole_elementaire', 'montpellier', '30', 'Nîmes', 'public', 'rep_plus', false, 76.1, 'Sylvie Fabre'],
  ['montpellier-las-cazes', 2718, 'Collège Las Cazes', 'college', 'montpellier', '34', 'Montpellier', 'public', 'rep_plus', false, 71.3, 'Olivier Granier'],
  ['perpignan-jean-moulin', 1195, 'École maternelle Jean Moulin', 'ecole_maternelle', 'montpellier', '66', 'Perpignan', 'public', 'rep', false, 86.9, 'Marie-Pierre Sala'],
  ['mende-bourrillon', 260, 'Collège Henri Bourrillon', 'college', 'montpellier', '48', 'Mende', 'public', 'none', true, 104.2, 'Jean-Luc Pagès'],
  ['carcassonne-jules-fil', 749, 'Lycée Jules Fil', 'lycee', 'montpellier', '11', 'Carcassonne', 'public', 'none', false, 101.7, 'Christine Bonnet'],
  ['beziers-sainte-marie', 2043, 'École privée Sainte-Marie', 'ecole_elementaire', 'montpellier', '34', 'Béziers', 'prive_sous_contrat', 'none', false, 108.4, 'Anne Roques'],
  ['vierzon-rolland', 1337, 'École élémentaire Romain Rolland', 'ecole_elementaire', 'orleans-tours', '18', 'Vierzon', 'public', 'rep', false, 89.4, 'Hervé Lucas'],
  ['orleans-rostand', 1609, 'Collège Jean Rostand', 'college', 'orleans-tours', '45', 'Orléans', 'public', 'rep_plus', false, 78.2, 'Nadine Perrot'],
  ['tours-paul-bert', 2954, 'École maternelle Paul Bert', 'ecole_maternelle', 'orleans-tours', '37', 'Tours', 'public', 'none', false, 118.3, 'Catherine Rousseau'],
  ['mezieres-hirondelles', 418, 'École élémentaire Les Hirondelles', 'ecole_elementaire', 'orleans-tours', '36', 'Mézières-en-Brenne', 'public', 'none', true, 96.5, 'Didier Moreau'],
  ['dreux-courtois', 872, 'Lycée professionnel Gilbert Courtois', 'lycee_professionnel', 'orleans-tours', '28', 'Dreux', 'public', 'none', false, 95.6, 'Patrick Garnier'],
  ['chartres-notre-dame', 1120, 'Lycée privé Notre-Dame', 'lycee', 'orleans-tours', '28', 'Chartres', 'prive_sous_contrat', 'none', false, 121.5, 'Geneviève Hamon'],
  ['blois-rabelais', 655, 'Collège François Rabelais', 'college', 'orleans-tours', '41', 'Blois', 'public', 'rep', false, 91.2, 'Éric Chauvin'],
  ['reims-joliot-curie', 1876, 'École élémentaire Joliot-Curie', 'ecole_elementaire', 'reims', '51', 'Reims', 'public', 'rep_plus', false, 73.5, 'Sabrina Hamdi'],
  ['charleville-jean-mace', 1043, 'Collège Jean Macé', 'college', 'reims', '08', 'Charleville-Mézières', 'public', 'rep', false, 87.6, 'Alain Pierson'],
  ['montier-en-der', 497, 'École élémentaire du Der', 'ecole_elementaire', 'reims', '52', 'Montier-en-Der', 'public', 'none', true, 98.7, 'Françoise Thiébaut'],
  ['troyes-lombards', 868, 'Lycée professionnel Les Lombards', 'lycee_professionnel', 'reims', '10', 'Troyes', 'public', 'none', false, 95.4, 'Gilles Masson'],
  ['reims-chagall', 1391, 'Lycée Marc Chagall', 'lycee', 'reims', '51', 'Reims', 'public', 'none', false, 109.4, 'Laurence Jacquet'],
  ['grigny-langevin-wallon', 2231, 'École élémentaire Langevin-Wallon', 'ecole_elementaire', 'versailles', '91', 'Grigny', 'public', 'rep_plus', false, 70.2, 'Samia Bouzid'],
  ['garges-eluard', 1567, 'Collège Paul Éluard', 'college', 'versailles', '95', 'Garges-lès-Gonesse', 'public', 'rep_plus', false, 74.6, 'Frédéric Leroy'],
  ['mureaux-jaures', 2904, 'École maternelle Jean Jaurès', 'ecole_maternelle', 'versailles', '78', 'Les Mureaux', 'public', 'rep', false, 85.7, 'Hélène Boyer'],
  ['versailles-hoche', 680, 'Lycée Hoche', 'lycee', 'versailles', '78', 'Versailles', 'public', 'none', false, 129.5, 'Jean-Marc Ferrand'],
  ['asnieres-sainte-genevieve', 1744, 'Collège privé Sainte-Geneviève', 'college', 'versailles', '92', 'Asnières-sur-Seine', 'prive_sous_contrat', 'none', false, 125.3, 'Isabelle Vidal'],
  ['mereville-tilleuls', 3128, 'École élémentaire Les Tilleuls', 'ecole_elementaire', 'versailles', '91', 'Méréville', 'public', 'none', true, 101.2, 'Thierry Besson'],
];

const STRUCTURE_OVERRIDES: Record<string, DemoSchool['structure']> = {
  'mende-bourrillon': 'association_sportive',
  'carcassonne-jules-fil': 'maison_des_lyceens',
};

/** Thirty schools of the pilot académies, most in priority areas. */
export const DEMO_SCHOOLS: DemoSchool[] = ROWS.map(
  ([key, serial, name, kind, academy, departement, commune, sector, priority, rural, ips, head]) => ({
    key,
    uai: demoUai(departement, serial),
    name,
    kind,
    academy,
    departement,
    commune,
    sector,
    priority,
    rural,
    ips,
    head,
    ...(STRUCTURE_OVERRIDES[key] ? { structure: STRUCTURE_OVERRIDES[key] } : {}),
  }),
);

/** The demo school with this key; throws on a typo. */
export function demoSchool(key: string): DemoSchool {
  const school = DEMO_SCHOOLS.find((candidate) => candidate.key === key);
  if (!school) throw new Error(`unknown demo school ${key}`);
  return school;
}
