import { describe, expect, it } from 'vitest';
import { amountInWords, numberInWords } from './amount-in-words.ts';

describe('amounts in French words, as a tax receipt writes them', () => {
  it('spells the tricky numbers of French', () => {
    const cases: [number, string][] = [
      [1, 'un'],
      [16, 'seize'],
      [21, 'vingt-et-un'],
      [71, 'soixante-et-onze'],
      [77, 'soixante-dix-sept'],
      [80, 'quatre-vingts'],
      [81, 'quatre-vingt-un'],
      [91, 'quatre-vingt-onze'],
      [99, 'quatre-vingt-dix-neuf'],
      [100, 'cent'],
      [200, 'deux-cents'],
      [201, 'deux-cent-un'],
      [1000, 'mille'],
      [1280, 'mille-deux-cent-quatre-vingts'],
      [200_000, 'deux-cent-mille'],
      [2_000_000, 'deux-millions'],
      [80_000, 'quatre-vingt-mille'],
      [200_000_000, 'deux-cents-millions'],
      [80_000_000, 'quatre-vingts-millions'],
      [380_080, 'trois-cent-quatre-vingt-mille-quatre-vingts'],
      [1_001_001, 'un-million-mille-un'],
    ];
    for (const [n, words] of cases) expect(numberInWords(n), String(n)).toBe(words);
  });

  it('names euros and centimes with their plurals', () => {
    expect(amountInWords(100)).toBe('un euro');
    expect(amountInWords(12_050)).toBe('cent-vingt euros et cinquante centimes');
    expect(amountInWords(500_001)).toBe('cinq-mille euros et un centime');
    expect(amountInWords(50)).toBe('cinquante centimes');
    expect(amountInWords(100_000_000)).toBe('un-million d’euros');
    expect(amountInWords(100_000_100)).toBe('un-million-un euros');
    expect(() => amountInWords(-1)).toThrow(RangeError);
  });
});
