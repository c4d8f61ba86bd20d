import { formatEuros } from './money.ts';

export { formatEuros };

const PARIS = 'Europe/Paris';

/** The académies by their code, as the French name them. */
export const ACADEMY_NAMES: Record<string, string> = {
  'aix-marseille': 'Aix-Marseille',
  amiens: 'Amiens',
  besancon: 'Besançon',
  bordeaux: 'Bordeaux',
  'clermont-ferrand': 'Clermont-Ferrand',
  corse: 'Corse',
  creteil: 'Créteil',
  dijon: 'Dijon',
  grenoble: 'Grenoble',
  guadeloupe: 'Guadeloupe',
  guyane: 'Guyane',
  'la-reunion': 'La Réunion',
  lille: 'Lille',
  limoges: 'Limoges',
  lyon: 'Lyon',
  martinique: 'Martinique',
  mayotte: 'Mayotte',
  montpellier: 'Montpellier',
  'nancy-metz': 'Nancy-Metz',
  nantes: 'Nantes',
  nice: 'Nice',
  normandie: 'Normandie',
  'orleans-tours': 'Orléans-Tours',
  paris: 'Paris',
  poitiers: 'Poitiers',
  reims: 'Reims',
  rennes: 'Rennes',
  strasbourg: 'Strasbourg',
  toulouse: 'Toulouse',
  versailles: 'Versailles',
};

/** An académie's name from its code (`orleans-tours` → « Orléans-Tours »); an unknown code as it is. */
export function academyName(code: string): string {
  return ACADEMY_NAMES[code] ?? code;
}

const FIRST_OF_MONTH = /^1 /;
const isCalendarDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** A date in words: `2027-04-03` (a calendar day) or an instant (its day in Paris) → « 3 avril 2027 ». */
export function formatDate(value: string | Date): string {
  const day = typeof value === 'string' && isCalendarDate(value);
  return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: day ? 'UTC' : PARIS })
    .format(new Date(day ? `${value}T00:00:00Z` : value))
    .replace(FIRST_OF_MONTH, '1er ');
}

/** A date in figures, for tables and CSV files: `2027-04-03` or an instant (its day in Paris) → « 03/04/2027 ». */
export function formatShortDate(value: string | Date): string {
  const day = typeof value === 'string' && isCalendarDate(value);
  return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeZone: day ? 'UTC' : PARIS }).format(
    new Date(day ? `${value}T00:00:00Z` : value),
  );
}

/** An instant with its time in Paris: « 4 décembre 2026 à 23:40 ». */
export function formatDateTime(value: string | Date): string {
  return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: PARIS })
    .format(new Date(value))
    .replace(FIRST_OF_MONTH, '1er ');
}

/** A month `2026-12` in words: « décembre 2026 ». */
export function formatMonth(month: string): string {
  return new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month.slice(0, 7)}-01T00:00:00Z`),
  );
}

/** A number the French way: 72.4 → « 72,4 », 12500 → « 12 500 ». */
export function formatNumber(value: number, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat('fr-FR', { maximumFractionDigits }).format(value);
}

/** A count with its noun agreed (French: 0 and 1 take the singular): « 1 jour », « 23 jours restants ». */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatNumber(count, 0)} ${Math.abs(count) < 2 ? singular : pluralForm}`;
}
