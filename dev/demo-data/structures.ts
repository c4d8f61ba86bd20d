import type { Tx } from '../../db/client.ts';
import { DEMO_BANKS, frenchIban, siret } from './bank.ts';
import type { DemoSchool } from './schools.ts';

type StructureKind =
  'cooperative_scolaire' | 'eple' | 'association_sportive' | 'maison_des_lyceens' | 'association_gestionnaire';

const OGEC_PRESIDENTS: Record<string, string> = {
  'saint-omer-saint-joseph': 'Dominique Lefebvre',
  'beziers-sainte-marie': 'Jean-Pierre Estève',
  'chartres-notre-dame': 'Marie-Odile Lecomte',
  'asnieres-sainte-genevieve': 'Bertrand de Villiers',
};
const MAISON_DES_LYCEENS_PRESIDENT = 'Inès Garcia';
const NOT_YET_VALIDATED = new Set(['tours-paul-bert', 'dreux-courtois']);
const NO_BANK_DETAILS_YET = new Set(['montier-en-der']);

const elision = (word: string) => (/^[AEIOUYÉÈH]/i.test(word) ? `d'${word}` : `de ${word}`);
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** The receiving structure a school's projects pay into, per DESIGN.md §Receiving structure. */
export function structureOf(school: DemoSchool): {
  kind: StructureKind;
  legalName: string;
  legalRepresentative: string;
} {
  if (school.sector === 'prive_sous_contrat') {
    const patron = school.name.replace(/^(École privée|Collège privé|Lycée privé) /, '');
    return {
      kind: 'association_gestionnaire',
      legalName: `OGEC ${patron} ${elision(school.commune)}`,
      legalRepresentative: `${OGEC_PRESIDENTS[school.key] ?? school.head}, président(e) de l'OGEC`,
    };
  }
  if (school.kind === 'ecole_maternelle' || school.kind === 'ecole_elementaire') {
    return {
      kind: 'cooperative_scolaire',
      legalName: `Coopérative scolaire de l'${lowerFirst(school.name)} (OCCE ${school.departement})`,
      legalRepresentative: `${school.head}, mandataire de la coopérative`,
    };
  }
  if (school.structure === 'association_sportive') {
    return {
      kind: 'association_sportive',
      legalName: `Association sportive du ${lowerFirst(school.name)}`,
      legalRepresentative: `${school.head}, président(e) de l'association sportive`,
    };
  }
  if (school.structure === 'maison_des_lyceens') {
    return {
      kind: 'maison_des_lyceens',
      legalName: `Maison des lycéens du ${lowerFirst(school.name)}`,
      legalRepresentative: `${MAISON_DES_LYCEENS_PRESIDENT}, présidente de la maison des lycéens`,
    };
  }
  return { kind: 'eple', legalName: school.name, legalRepresentative: `${school.head}, chef d’établissement` };
}

/** Inserts one receiving structure per school; returns their ids by school key. */
export async function insertStructures(tx: Tx, schools: readonly DemoSchool[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const [index, school] of schools.entries()) {
    const structure = structureOf(school);
    const publicBody = structure.kind === 'eple';
    const sirenPrefix = `${publicBody ? '19' : '78'}${school.departement}${String(1000 + index * 37).slice(-4)}`;
    const bank = DEMO_BANKS[index % DEMO_BANKS.length]!;
    const account = String(40_000_000_000 + index * 1_234_567 + 101).padStart(11, '0');
    const withBank = !NO_BANK_DETAILS_YET.has(school.key);
    const validated = withBank && !NOT_YET_VALIDATED.has(school.key);
    const iban = withBank ? frenchIban(bank.bank, bank.branch, account) : null;
    const bic = withBank ? bank.bic : null;
    const [row] = await tx<{ id: number }[]>`
      insert into receiving_structures (
        school_uai, kind, legal_name, siret, legal_representative, iban, bic, bank_details_validated_at,
        bank_details_validated_iban, bank_details_validated_bic, bank_details_validated_legal_name, created_at)
      values (${school.uai}, ${structure.kind}, ${structure.legalName}, ${siret(sirenPrefix, String(index + 1))},
        ${structure.legalRepresentative}, ${iban}, ${bic}, ${validated ? tx`now() - interval '150 days'` : null},
        ${validated ? iban : null}, ${validated ? bic : null}, ${validated ? structure.legalName : null},
        now() - interval '180 days')
      returning id`;
    ids.set(school.key, row!.id);
  }
  return ids;
}
