import { describe, expect, it } from 'vitest';
import {
  academyName,
  formatDate,
  formatDateTime,
  formatMonth,
  formatNumber,
  formatShortDate,
  plural,
} from './format.ts';

const nbsp = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('French formats', () => {
  it('writes dates, months and instants in words, in Paris time', () => {
    expect(formatDate('2027-04-03')).toBe('3 avril 2027');
    expect(formatDate('2026-12-31T23:30:00Z')).toBe('1er janvier 2027');
    expect(formatMonth('2026-12')).toBe('décembre 2026');
    expect(formatDateTime('2026-07-14T08:05:00Z')).toBe('14 juillet 2026 à 10:05');
  });

  it('writes dates in figures for tables and CSV files, an instant on its day in Paris', () => {
    expect(formatShortDate('2027-04-03')).toBe('03/04/2027');
    expect(formatShortDate(new Date('2026-12-31T23:30:00Z'))).toBe('01/01/2027');
  });

  it('writes numbers with a decimal comma and grouped thousands', () => {
    expect(formatNumber(72.4)).toBe('72,4');
    expect(nbsp(formatNumber(12500))).toBe('12 500');
  });

  it('agrees nouns with their count, 0 and 1 in the singular', () => {
    expect(plural(0, 'jour')).toBe('0 jour');
    expect(plural(1, 'élève')).toBe('1 élève');
    expect(plural(23, 'jour restant', 'jours restants')).toBe('23 jours restants');
  });

  it('names académies from their code', () => {
    expect(academyName('orleans-tours')).toBe('Orléans-Tours');
    expect(academyName('la-reunion')).toBe('La Réunion');
    expect(academyName('inconnue')).toBe('inconnue');
  });
});
