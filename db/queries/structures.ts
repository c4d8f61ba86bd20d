import type { Tx } from '../client.ts';
import { whereAll, type Page } from './paging.ts';
import { containsText } from './search.ts';

/** A receiving structure with its legal and bank details. */
export interface StructureRow {
  id: number;
  schoolUai: string;
  schoolName: string;
  kind: string;
  legalName: string;
  siret: string | null;
  legalRepresentative: string | null;
  iban: string | null;
  bic: string | null;
  bankDetailsValidatedAt: Date | null;
  /** what the admin reviewed when validating: the details transfers are made with (null when not validated) */
  validatedDetails: BankDetailsReviewed | null;
}

/** The details a validation of bank details covers. */
export interface BankDetailsReviewed {
  legalName: string;
  iban: string;
  bic: string;
}

const select = (db: Tx) => db`
  select r.id, r.school_uai, s.name as school_name, r.kind, r.legal_name, r.siret, r.legal_representative, r.iban,
         r.bic, r.bank_details_validated_at,
         case when r.bank_details_validated_at is not null
              then json_build_object('legalName', r.bank_details_validated_legal_name,
                                     'iban', r.bank_details_validated_iban, 'bic', r.bank_details_validated_bic)
         end as validated_details
  from receiving_structures r join schools s on s.uai = r.school_uai`;

/**
 * Structures by name, all of them or only those given, optionally searched by name (accents and case ignored) or
 * only those whose bank details, entered, await an admin's validation.
 */
export async function listStructures(
  db: Tx,
  options: { ids?: number[]; q?: string; bankDetails?: 'to_validate'; offset: number; limit: number },
): Promise<Page<StructureRow>> {
  const where = whereAll(db, [
    ...(options.ids ? [db`r.id = any(${options.ids}::bigint[])`] : []),
    ...(options.q ? [containsText(db, ['r.legal_name'], options.q)] : []),
    ...(options.bankDetails === 'to_validate' ? [db`r.iban is not null and r.bank_details_validated_at is null`] : []),
  ]);
  const data = await db<StructureRow[]>`
    ${select(db)} ${where} order by r.legal_name, r.id offset ${options.offset} limit ${options.limit}`;
  const [count] = await db<{ total: number }[]>`
    select count(*)::int as total from receiving_structures r ${where}`;
  return { data, total: count?.total ?? 0 };
}

/** One structure, or undefined. */
export async function findStructure(db: Tx, id: number): Promise<StructureRow | undefined> {
  const [row] = await db<StructureRow[]>`${select(db)} where r.id = ${id}`;
  return row;
}

/**
 * Saves a structure's legal and bank details (a legal field left undefined keeps its value); a change of IBAN,
 * BIC or legal name withdraws the validation (the database's trigger `receiving_structures_lapse_validation`
 * does it on any update): an admin validates them again before any money goes there. Returns false for an
 * unknown structure.
 */
export async function updateStructureDetails(
  db: Tx,
  id: number,
  details: { legalName?: string; siret?: string | null; legalRepresentative?: string; iban: string; bic: string },
): Promise<boolean> {
  const siret = details.siret === undefined ? db`siret` : db`${details.siret}`;
  const updated = await db`
    update receiving_structures
    set legal_name = coalesce(${details.legalName ?? null}, legal_name), siret = ${siret},
        legal_representative = coalesce(${details.legalRepresentative ?? null}, legal_representative),
        iban = ${details.iban}, bic = ${details.bic}
    where id = ${id}`;
  return updated.count === 1;
}

/**
 * Validates a structure's bank details as the admin reviewed them, storing what was reviewed: `changed` when
 * the structure's details are no longer those (or it has none), `validated` otherwise.
 */
export async function validateBankDetails(
  db: Tx,
  id: number,
  reviewed: BankDetailsReviewed,
): Promise<'validated' | 'changed'> {
  const updated = await db`
    update receiving_structures
    set bank_details_validated_at = clock_timestamp(), bank_details_validated_iban = iban,
        bank_details_validated_bic = bic, bank_details_validated_legal_name = legal_name
    where id = ${id} and iban = ${reviewed.iban} and bic = ${reviewed.bic} and legal_name = ${reviewed.legalName}`;
  return updated.count === 1 ? 'validated' : 'changed';
}
