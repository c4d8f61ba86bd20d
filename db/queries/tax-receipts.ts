import type { ReceiptFacts } from '../../domain/tax-receipts.ts';
import type { Tx } from '../client.ts';
import type { Page } from './paging.ts';

/** Whose receipts: every structure's (admin) or only these (a gestionnaire's). */
type Structures = number[] | undefined;

const inScope = (db: Tx, structures: Structures) =>
  structures ? db`r.structure_id = any(${structures}::bigint[])` : db`true`;

/**
 * Opens a draft receipt for every paid gift that asked for one and whose project's payout the bank has executed
 * (the money reached the structure); a repeat opens nothing twice. Returns how many were opened.
 */
export async function openDraftReceipts(db: Tx): Promise<number> {
  const inserted = await db`
    insert into tax_receipts (donation_id, structure_id, amount_cents)
    select d.id, o.structure_id, d.amount_cents - d.refunded_cents
    from donations d join payouts o on o.project_id = d.project_id
    where o.status = 'confirmed' and d.wants_tax_receipt and d.status = 'paid' and d.amount_cents > d.refunded_cents
    on conflict (donation_id) do nothing`;
  return inserted.count;
}

/** A receipt as the gestionnaire lists it. */
export interface ReceiptRow {
  id: number;
  donationId: number;
  structureId: number;
  structureName: string;
  projectTitle: string;
  status: 'draft' | 'validated' | 'sent';
  year: number | null;
  number: number | null;
  amountCents: number;
  donorName: string;
  donorEmail: string;
  paidAt: Date;
  sentAt: Date | null;
}

/** A page of receipts in scope, oldest first, optionally of one status. */
export async function listReceipts(
  db: Tx,
  options: { structures: Structures; status?: string; offset: number; limit: number },
): Promise<Page<ReceiptRow>> {
  const rows = await db<(ReceiptRow & { total: number })[]>`
    select r.id, r.donation_id, r.structure_id, s.legal_name as structure_name, p.title as project_title, r.status,
           r.year, r.number, r.amount_cents, coalesce(d.company_name, d.donor_name) as donor_name,
           d.donor_email::text, d.paid_at, r.sent_at, count(*) over ()::int as total
    from tax_receipts r join donations d on d.id = r.donation_id join projects p on p.id = d.project_id
    join receiving_structures s on s.id = r.structure_id
    where ${inScope(db, options.structures)}
      and (${options.status ?? null}::text is null or r.status = ${options.status ?? null})
    order by r.id offset ${options.offset} limit ${options.limit}`;
  return { data: rows.map(({ total: _, ...row }) => row), total: rows[0]?.total ?? 0 };
}

/**
 * Validates draft receipts in id order, each taking the next number of its structure's sequence for the
 * current year: the counter row is locked until the transaction ends, so concurrent validations queue and
 * numbers have neither gaps nor duplicates. A gift no longer paid (refunded meanwhile) is skipped. Returns
 * the ids validated. Call inside a transaction.
 */
export async function validateReceipts(
  db: Tx,
  ids: number[],
  structures: Structures,
  userId: number,
): Promise<number[]> {
  const drafts = await db<{ id: number; structureId: number }[]>`
    select r.id, r.structure_id from tax_receipts r join donations d on d.id = r.donation_id
    where r.id = any(${ids}::bigint[]) and r.status = 'draft' and d.status = 'paid' and ${inScope(db, structures)}
    order by r.id for update of r`;
  const validated: number[] = [];
  for (const draft of drafts) {
    const [counter] = await db<{ year: number; lastNumber: number }[]>`
      insert into tax_receipt_counters (structure_id, year, last_number)
      values (${draft.structureId}, extract(year from now() at time zone 'Europe/Paris')::int, 1)
      on conflict (structure_id, year) do update set last_number = tax_receipt_counters.last_number + 1
      returning year, last_number`;
    await db`
      update tax_receipts set status = 'validated', year = ${counter!.year}, number = ${counter!.lastNumber},
                              validated_at = clock_timestamp(), validated_by = ${userId}
      where id = ${draft.id}`;
    validated.push(draft.id);
  }
  return validated;
}

/** Marks validated receipts sent; returns each one's donation (for the e-mail). */
export async function markReceiptsSent(
  db: Tx,
  ids: number[],
  structures: Structures,
): Promise<{ id: number; donationId: number }[]> {
  return db<{ id: number; donationId: number }[]>`
    update tax_receipts r set status = 'sent', sent_at = coalesce(sent_at, clock_timestamp())
    where r.id = any(${ids}::bigint[]) and r.status in ('validated', 'sent') and ${inScope(db, structures)}
    returning r.id, r.donation_id`;
}

const factsSelect = (db: Tx) => db`
  select r.id, r.structure_id, r.year, r.number, r.amount_cents, coalesce(r.validated_at, now())::date::text as issued_on,
         (d.paid_at at time zone 'Europe/Paris')::date::text as paid_on, d.donor_email::text,
         json_build_object('legalName', s.legal_name, 'siret', s.siret, 'kind', s.kind, 'schoolName', sc.name,
                           'commune', sc.commune, 'legalRepresentative', s.legal_representative) as structure,
         json_build_object('kind', d.donor_kind, 'name', d.donor_name, 'companyName', d.company_name, 'siren', d.siren,
                           'addressLine', d.address_line, 'postalCode', d.postal_code, 'city', d.city) as donor
  from tax_receipts r join donations d on d.id = r.donation_id
  join receiving_structures s on s.id = r.structure_id join schools sc on sc.uai = s.school_uai`;

/** An issued receipt (validated or sent) with what its PDF states, in scope, or undefined. */
export async function findIssuedReceipt(
  db: Tx,
  id: number,
  structures: Structures = undefined,
): Promise<(ReceiptFacts & { id: number; structureId: number; donorEmail: string }) | undefined> {
  const [row] = await db<(ReceiptFacts & { id: number; structureId: number; donorEmail: string })[]>`
    select * from (${factsSelect(db)}) f
    where f.id = ${id} and f.number is not null
      and (${structures ?? null}::bigint[] is null or f.structure_id = any(${structures ?? null}::bigint[]))`;
  return row;
}

/** Every receipt issued to an address for gifts paid in a calendar year, in the order they were paid. */
export async function donorYearReceipts(db: Tx, email: string, year: number) {
  return db<(ReceiptFacts & { id: number; donorEmail: string })[]>`
    select * from (${factsSelect(db)}) f
    where lower(f.donor_email) = lower(${email}) and f.number is not null and extract(year from f.paid_on::date) = ${year}
    order by f.paid_on, f.id`;
}

/** Per donor with receipts for gifts paid in the year: one of their donations (the latest), to e-mail them. */
export async function donorsWithReceipts(db: Tx, year: number) {
  return db<{ email: string; donationId: number }[]>`
    select distinct on (lower(d.donor_email)) d.donor_email::text as email, d.id as donation_id
    from tax_receipts r join donations d on d.id = r.donation_id
    where r.number is not null and extract(year from d.paid_at at time zone 'Europe/Paris') = ${year}
    order by lower(d.donor_email), d.paid_at desc`;
}
