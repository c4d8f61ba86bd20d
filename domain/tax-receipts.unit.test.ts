import { describe, expect, it } from 'vitest';
import { receiptNumber, receiptSections, statementSections, type ReceiptFacts } from './tax-receipts.ts';

const facts: ReceiptFacts = {
  year: 2026,
  number: 42,
  issuedOn: '2026-11-24',
  paidOn: '2026-10-03',
  amountCents: 12_050,
  structure: {
    legalName: 'Coopérative scolaire de l’école Jean Macé',
    siret: '12345678900011',
    kind: 'cooperative_scolaire',
    schoolName: 'École Jean Macé',
    commune: 'Roubaix',
    legalRepresentative: 'Claire Martin',
  },
  donor: {
    kind: 'person',
    name: 'Louise Garnier',
    companyName: null,
    siren: null,
    addressLine: '12 rue des Lilas',
    postalCode: '59100',
    city: 'Roubaix',
  },
};

const company: ReceiptFacts = {
  ...facts,
  donor: { ...facts.donor, kind: 'company', companyName: 'Boulangerie Garnier SARL', siren: '732829320' },
};

describe('the text of a tax receipt', () => {
  it('numbers it with the year and six digits', () => {
    expect(receiptNumber(2026, 42)).toBe('2026-000042');
    expect(receiptSections(facts).number).toBe('Numéro d’ordre du reçu : 2026-000042');
  });

  it('states the form’s title, its articles and the beneficiary with its object', () => {
    const text = receiptSections(facts);
    expect(text.title).toBe('Reçu au titre des dons à certains organismes d’intérêt général');
    expect(text.legalBasis).toContain('Articles 200, 238 bis et 978 du code général des impôts');
    expect(text.legalBasis).toContain('Cerfa n° 11580');
    expect(text.beneficiary).toEqual([
      'Nom ou dénomination : Coopérative scolaire de l’école Jean Macé',
      'SIRET : 12345678900011',
      'Adresse : École Jean Macé, Roubaix',
      'Objet : Coopérative scolaire : activités éducatives des élèves de l’école',
      'Organisme d’intérêt général ayant un caractère éducatif',
    ]);
  });

  it('names a person with their address and gives them the 66 % reduction of article 200', () => {
    const text = receiptSections(facts);
    expect(text.donor).toEqual(['Nom et prénom : Louise Garnier', 'Adresse : 12 rue des Lilas, 59100 Roubaix']);
    expect(text.certification).toMatch(/^Le bénéficiaire certifie sur l’honneur que les dons et versements/);
    expect(text.certification).toContain('prévue à l’article 200 du CGI (66 % du montant du don');
  });

  it('names a company by its name and SIREN and gives it the 60 % reduction of article 238 bis', () => {
    const text = receiptSections(company);
    expect(text.donor).toEqual([
      'Dénomination : Boulangerie Garnier SARL',
      'SIREN : 732829320',
      'Adresse : 12 rue des Lilas, 59100 Roubaix',
    ]);
    expect(text.certification).toContain('prévue à l’article 238 bis du CGI (60 % du montant du don');
  });

  it('writes the sum in figures and words, the date and form of the gift, the place, date and signatory', () => {
    const text = receiptSections(facts);
    expect(text.sum[0]).toMatch(/la somme de : 120,50\s€$/);
    expect(text.sum.slice(1)).toEqual([
      'Somme en toutes lettres : cent-vingt euros et cinquante centimes',
      'Date du versement ou du don : 3 octobre 2026',
    ]);
    expect(text.form).toEqual([
      'Forme du don : déclaration de don manuel',
      'Nature du don : numéraire',
      'Mode de versement : carte bancaire',
    ]);
    expect(text.signature).toEqual([
      'Fait à Roubaix, le 24 novembre 2026',
      'Pour Coopérative scolaire de l’école Jean Macé, son représentant légal : Claire Martin',
    ]);
  });
});

describe('a donor’s yearly statement', () => {
  it('lists each receipt with its number, structure, sum and date, and adds them up', () => {
    const other = { ...company, number: 7, amountCents: 3_000, paidOn: '2026-12-31' };
    const text = statementSections(2026, 'Louise Garnier', [facts, other]);
    expect(text.title).toBe('Récapitulatif de vos dons de 2026');
    expect(text.donor).toBe('Donateur : Louise Garnier');
    expect(text.receipts.map((line) => line.replace(/\s/g, ' '))).toEqual([
      'N° 2026-000042 — Coopérative scolaire de l’école Jean Macé — 120,50 € (don du 3 octobre 2026)',
      'N° 2026-000007 — Coopérative scolaire de l’école Jean Macé — 30,00 € (don du 31 décembre 2026)',
    ]);
    expect(text.total[0]!.replace(/\s/g, ' ')).toBe('150,50 € versés en 2026 ouvrant droit à réduction d’impôt.');
  });
});
