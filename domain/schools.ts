/** Kinds of school (établissement) and the degree each belongs to. */
export const SCHOOL_KINDS = [
  'ecole_maternelle',
  'ecole_elementaire',
  'college',
  'lycee',
  'lycee_professionnel',
] as const;
export type SchoolKind = (typeof SCHOOL_KINDS)[number];

/** French labels shown in the back office. */
export const SCHOOL_KIND_LABELS: Record<SchoolKind, string> = {
  ecole_maternelle: 'École maternelle',
  ecole_elementaire: 'École élémentaire',
  college: 'Collège',
  lycee: 'Lycée',
  lycee_professionnel: 'Lycée professionnel',
};

export const DEGREES = ['premier', 'second'] as const;
export type Degree = (typeof DEGREES)[number];

export const PRIORITY_EDUCATION = ['none', 'rep', 'rep_plus'] as const;
export type PriorityEducation = (typeof PRIORITY_EDUCATION)[number];

export const SECTORS = ['public', 'prive_sous_contrat'] as const;
export type Sector = (typeof SECTORS)[number];

/** Pilot académies allowed to publish at launch (DESIGN.md §Schools). */
export const PILOT_ACADEMIES = ['lille', 'montpellier', 'orleans-tours', 'reims', 'versailles'] as const;

/** The degree (1er or 2nd) that a kind of school belongs to. */
export function degreeOf(kind: SchoolKind): Degree {
  return kind === 'ecole_maternelle' || kind === 'ecole_elementaire' ? 'premier' : 'second';
}

const UAI_KEY_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

/** The check letter of a UAI: the 7-digit number modulo 23, as one of 23 letters (no I, O, Q). */
export function uaiCheckLetter(digits: string): string {
  return UAI_KEY_LETTERS[Number(digits) % 23] as string;
}

/** True for a valid UAI code: 7 digits and their check letter, e.g. 0590001F. */
export function isUai(code: string): boolean {
  const match = /^([0-9]{7})([A-Z])$/.exec(code);
  return match !== null && uaiCheckLetter(match[1] as string) === match[2];
}
