import { describe, expect, it } from 'vitest';
import { checkBankDetails, maskIban } from './bank-details.ts';
import { pain001, sepaAmount, sepaText } from './sepa.ts';

describe('SEPA credit transfer files', () => {
  it('write amounts from integer cents, never through floating point', () => {
    expect(sepaAmount(123_456)).toBe('1234.56');
    expect(sepaAmount(5)).toBe('0.05');
    expect(sepaAmount(100)).toBe('1.00');
    expect(() => sepaAmount(0)).toThrow(RangeError);
    expect(() => sepaAmount(12.5)).toThrow(RangeError);
  });

  it('keep names in the SEPA character set', () => {
    expect(sepaText('Coopérative scolaire de l’école Émile-Zola (OCCE 59) & co', 70)).toBe(
      "Cooperative scolaire de l'ecole Emile-Zola (OCCE 59) co",
    );
    expect(sepaText('x'.repeat(200), 140)).toHaveLength(140);
  });

  it('hold the group header totals and one transaction per transfer', () => {
    const xml = pain001({
      messageId: 'TAP-2026-11-24-1',
      createdAt: new Date('2026-11-24T09:30:00.123Z'),
      executionDate: '2026-11-25',
      debtor: { name: 'Trousse à Projets', iban: 'FR7630001007941234567890185', bic: 'BDFEFRPPCCT' },
      transfers: [
        {
          endToEndId: 'TAP-PAYOUT-1',
          amountCents: 180_050,
          creditorName: 'OCCE 59',
          iban: 'FR7630006000011234567890189',
          bic: 'AGRIFRPP',
          remittance: 'Projet 1',
        },
        {
          endToEndId: 'TAP-PAYOUT-2',
          amountCents: 99_950,
          creditorName: 'AS du collège',
          iban: 'FR1420041010050500013M02606',
          bic: 'PSSTFRPPLIL',
          remittance: 'Projet 2',
        },
      ],
    });
    expect(xml).toContain('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03">');
    expect(xml).toContain('<CreDtTm>2026-11-24T09:30:00</CreDtTm>');
    expect(xml.match(/<NbOfTxs>2<\/NbOfTxs>/g)).toHaveLength(2);
    expect(xml.match(/<CtrlSum>2800.00<\/CtrlSum>/g)).toHaveLength(2);
    expect(xml.match(/<CdtTrfTxInf>/g)).toHaveLength(2);
    expect(xml).toContain('<InstdAmt Ccy="EUR">1800.50</InstdAmt>');
    expect(xml).toContain('<Nm>AS du college</Nm>');
  });
});

describe('bank details', () => {
  it('accept an IBAN typed with spaces and lower case, in the electronic format', () => {
    expect(checkBankDetails({ iban: 'fr76 3000 6000 0112 3456 7890 189', bic: 'agri frpp' })).toEqual({
      iban: 'FR7630006000011234567890189',
      bic: 'AGRIFRPP',
    });
  });

  it('refuse a wrong check digit or a malformed BIC, saying which', () => {
    expect(checkBankDetails({ iban: 'FR7630006000011234567890188', bic: 'AGRIFRPP' })).toMatchObject({ field: 'iban' });
    expect(checkBankDetails({ iban: 'FR7630006000011234567890189', bic: 'AGRI' })).toMatchObject({ field: 'bic' });
  });

  it('say in French what is wrong with an IBAN: country, length, check digits, SEPA zone', () => {
    const reason = (iban: string) => {
      const checked = checkBankDetails({ iban, bic: 'AGRIFRPP' });
      return 'error' in checked ? checked.error : '';
    };
    expect(reason('')).toBe('L’IBAN est obligatoire.');
    expect(reason('XX76 3000 6000 0112 3456 7890 189')).toMatch(/« XX », qui n’est pas un code pays/);
    expect(reason('FR76 3000 6000 0112 3456 7890 1')).toMatch(/un IBAN FR compte 27 caractères, celui-ci en a 25/);
    expect(reason('FR76 3000 6000 0112 3456 7890 188')).toMatch(/^Cet IBAN n’est pas valide : sa clé de contrôle/);
    expect(reason('BR15 0000 0000 0000 1093 2840 814P 2')).toMatch(/pas dans la zone SEPA/);
  });

  it('mask an IBAN to its first and last characters', () => {
    expect(maskIban('FR7630006000011234567890189')).toBe('FR76 •••• •••• 0189');
  });
});
