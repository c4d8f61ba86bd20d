import { amountInWords } from './amount-in-words.ts';
import { formatDate, formatEuros } from './format.ts';

/** The states of a tax receipt: drafted at payment, validated by the structure, sent to the donor. */
export const RECEIPT_STATUSES = ['draft', 'validated', 'sent'] as const;

/** Everything a tax receipt states, as issued. */
export interface ReceiptFacts {
  year: number;
  number: number;
  /** ISO date of issue and of the payment */
  issuedOn: string;
  paidOn: string;
  amountCents: number;
  structure: {
    legalName: string;
    siret: string | null;
    kind: string;
    /** where the structure is: its school's name, and the commune (also the place of issue) */
    schoolName: string;
    commune: string;
    legalRepresentative: string | null;
  };
  donor: {
    kind: 'person' | 'company';
    name: string;
    companyName: string | null;
    siren: string | null;
    addressLine: string | null;
    postalCode: string | null;
    city: string | null;
  };
}

/** A receipt's number: the year and its rank in the structure's sequence, e.g. 2026-000042. */
export const receiptNumber = (year: number, number: number) => `${year}-${String(number).padStart(6, '0')}`;

const STRUCTURE_OBJECTS: Record<string, string> = {
  cooperative_scolaire: 'Coopérative scolaire : activités éducatives des élèves de l’école',
  eple: 'Établissement public local d’enseignement',
  association_sportive: 'Association sportive scolaire',
  maison_des_lyceens: 'Maison des lycéens : activités éducatives, culturelles et sportives des lycéens',
  association_gestionnaire: 'Association gestionnaire d’un établissement d’enseignement',
};

/** The reduction a gift gives: 66 % of it off income tax for a person, 60 % off corporate tax for a company. */
const REDUCTIONS = {
  person: { article: '200', rate: '66 %', limit: 'dans la limite de 20 % du revenu imposable' },
  company: {
    article: '238 bis',
    rate: '60 %',
    limit: 'dans la limite de 20 000 € ou de 5 ‰ du chiffre d’affaires hors taxes si ce montant est plus élevé',
  },
} as const;

/** The sections of a tax receipt, after the French form for donations to associations (Cerfa n° 11580). */
export function receiptSections(facts: ReceiptFacts) {
  const { structure, donor } = facts;
  const company = donor.kind === 'company';
  const reduction = REDUCTIONS[donor.kind];
  const address = [donor.addressLine, [donor.postalCode, donor.city].filter(Boolean).join(' ')].filter(Boolean);
  return {
    title: 'Reçu au titre des dons à certains organismes d’intérêt général',
    legalBasis: 'Articles 200, 238 bis et 978 du code général des impôts (modèle Cerfa n° 11580)',
    number: `Numéro d’ordre du reçu : ${receiptNumber(facts.year, facts.number)}`,
    beneficiary: [
      `Nom ou dénomination : ${structure.legalName}`,
      ...(structure.siret ? [`SIRET : ${structure.siret}`] : []),
      `Adresse : ${structure.schoolName}, ${structure.commune}`,
      `Objet : ${STRUCTURE_OBJECTS[structure.kind] ?? structure.kind}`,
      'Organisme d’intérêt général ayant un caractère éducatif',
    ],
    donor: [
      company ? `Dénomination : ${donor.companyName}` : `Nom et prénom : ${donor.name}`,
      ...(company && donor.siren ? [`SIREN : ${donor.siren}`] : []),
      ...(address.length ? [`Adresse : ${address.join(', ')}`] : []),
    ],
    sum: [
      `Le bénéficiaire reconnaît avoir reçu au titre des dons et versements ouvrant droit à réduction d’impôt la somme de : ${formatEuros(facts.amountCents)}`,
      `Somme en toutes lettres : ${amountInWords(facts.amountCents)}`,
      `Date du versement ou du don : ${formatDate(facts.paidOn)}`,
    ],
    certification:
      'Le bénéficiaire certifie sur l’honneur que les dons et versements qu’il reçoit ouvrent droit à la réduction ' +
      `d’impôt prévue à l’article ${reduction.article} du CGI (${reduction.rate} du montant du don, ${reduction.limit}).`,
    form: [
      'Forme du don : déclaration de don manuel',
      'Nature du don : numéraire',
      'Mode de versement : carte bancaire',
    ],
    signature: [
      `Fait à ${structure.commune}, le ${formatDate(facts.issuedOn)}`,
      `Pour ${structure.legalName}, son représentant légal${structure.legalRepresentative ? ` : ${structure.legalRepresentative}` : ''}`,
    ],
  };
}

/** The sections of a donor's yearly statement: each receipt issued for gifts paid in the year, and the total. */
export function statementSections(year: number, donorName: string, receipts: ReceiptFacts[]) {
  const total = receipts.reduce((sum, receipt) => sum + receipt.amountCents, 0);
  return {
    title: `Récapitulatif de vos dons de ${year}`,
    donor: `Donateur : ${donorName}`,
    receipts: receipts.map(
      (receipt) =>
        `N° ${receiptNumber(receipt.year, receipt.number)} — ${receipt.structure.legalName} — ` +
        `${formatEuros(receipt.amountCents)} (don du ${formatDate(receipt.paidOn)})`,
    ),
    total: [
      `${formatEuros(total)} versés en ${year} ouvrant droit à réduction d’impôt.`,
      'Ce récapitulatif n’est pas un reçu fiscal : conservez les reçus de chaque structure, qui en font foi.',
    ],
  };
}
