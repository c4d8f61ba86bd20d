import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN, slugOf } from './slug.ts';

describe('the slug of a guide’s title', () => {
  it('drops accents and punctuation, joins words with hyphens and fits the pattern', () => {
    expect(slugOf('Réussir sa collecte : l’œuvre de toute l’école !')).toBe(
      'reussir-sa-collecte-l-oeuvre-de-toute-l-ecole',
    );
    expect(slugOf('  Été 2027 — CM1/CM2  ')).toBe('ete-2027-cm1-cm2');
    expect(SLUG_PATTERN.test(slugOf('À l’écoute des élèves'))).toBe(true);
    expect(slugOf('a'.repeat(100))).toHaveLength(80);
  });
});
