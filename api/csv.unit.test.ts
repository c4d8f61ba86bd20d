import { describe, expect, it } from 'vitest';
import { centsAsFrenchDecimal, toFrenchCsv } from './csv.ts';

describe('CSV for French Excel', () => {
  it('starts with a BOM, separates with “;”, ends lines with CRLF and quotes only what needs it', () => {
    const csv = toFrenchCsv(
      ['Projet', 'Montant (€)'],
      [
        ['Sortie « mer ; sable »', '12,50'],
        ['Dit "le grand"', 3],
      ],
    );
    expect(csv).toBe('\uFEFFProjet;Montant (€)\r\n"Sortie « mer ; sable »";12,50\r\n"Dit ""le grand""";3\r\n');
  });

  it('keeps text that looks like a formula inert', () => {
    expect(toFrenchCsv(['Projet'], [['=HYPERLINK("http://x")'], ['-2+3'], ['@SUM(A1)']])).toBe(
      '\uFEFFProjet\r\n"\'=HYPERLINK(""http://x"")"\r\n\'-2+3\r\n\'@SUM(A1)\r\n',
    );
  });

  it('writes cents as euros with a decimal comma and no grouping', () => {
    expect([123_456, 5, 100, 0].map(centsAsFrenchDecimal)).toEqual(['1234,56', '0,05', '1,00', '0,00']);
  });
});
