import type { Tx } from '../client.ts';
import type { Page } from './paging.ts';

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
}

const select = (db: Tx) => db`
  select r.id, r.school_uai, s.name as school_name, r.kind, r.legal_name, r.siret, r.legal_representative, r.iban,
         r.bic, r.bank_details_validated_at
  from receiving_structures r join schools s on s.uai = r.school_uai`;

/** Structures by name, all of them or only those given. */
export async function listStructures(
  db: Tx,
  options: { ids?: number[]; offset: number; limit: number },
): Promise<Page<StructureRow>> {
  const where = options.ids ? db`where r.id = any(${options.ids}::bigint[])` : db``;
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
 * Saves a structure's legal and bank details (a legal field left undefined keeps its value); a change of IBAN
 * or BIC withdraws their validation (an admin validates them again before any money goes there). Returns
 * false for an unknown structure.
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
        bank_details_validated_at = case when iban is distinct from ${details.iban} or bic is distinct from ${details.bic}
                                         then null else bank_details_validated_at end,
        iban = ${details.iban}, bic = ${details.bic}
    where id = ${id}`;
  return updated.count === 1;
}

/** Validates a structure's bank details; false when it has none (or is unknown). */
export async function validateBankDetails(db: Tx, id: number): Promise<boolean> {
  const updated = await db`
    update receiving_structures set bank_details_validated_at = clock_timestamp()
    where id = ${id} and iban is not null and bic is not null`;
  return updated.count === 1;
}
