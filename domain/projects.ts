/** Project themes (DESIGN.md §Project). */
export const THEMES = [
  'classe_decouverte',
  'arts_culture',
  'sciences_robotique',
  'developpement_durable',
  'lecture_ecriture',
  'langues_echanges',
  'sport',
  'citoyennete',
  'numerique',
] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_LABELS: Record<Theme, string> = {
  classe_decouverte: 'Classe de découverte',
  arts_culture: 'Arts et culture',
  sciences_robotique: 'Sciences et robotique',
  developpement_durable: 'Développement durable',
  lecture_ecriture: 'Lecture et écriture',
  langues_echanges: 'Langues et échanges',
  sport: 'Sport',
  citoyennete: 'Citoyenneté',
  numerique: 'Numérique',
};

/** School levels, from maternelle to lycée. */
export const LEVELS = [
  'PS',
  'MS',
  'GS',
  'CP',
  'CE1',
  'CE2',
  'CM1',
  'CM2',
  '6e',
  '5e',
  '4e',
  '3e',
  '2nde',
  '1re',
  'Tle',
] as const;
export type Level = (typeof LEVELS)[number];
