import type { ReceiptFacts } from '../../domain/tax-receipts.ts';
import type { Tx } from '../client.ts';
import { orderBy, type Page } from './paging.ts';

/** Whose receipts: every structure's (admin) or only these (a gestionnaire's). */
type Structures = number[] | undefined;

const inScope = (db: Tx, structures: Structures) =>
  structures ? db`r.structure_id = any(${structures}::bigint[])` : db`true`;

/** Whether a gift still earns a receipt: paid, not refunded in whole (refunded, redirected or disputed gifts do not). */
const stillPaid = (db: Tx) => db`d.status = 'paid' and d.amount_cents > d.refunded_cents`;

/**
 * Brings the drafts up to date with the gifts: opens one for every paid gift that asked for a receipt and whose
 * project's payout the bank has executed (the money reached the structure), drops the drafts of gifts taken back
 * since (a draft holds no number, so nothing is lost) and follows partial refunds. Idempotent; call it before
 * listing, or once a payout is confirmed. Returns how many drafts were opened.
 */
export async function createDraftReceiptsForConfirmedPayouts(db: Tx): Promise<number> {
  await db`
    delete from tax_receipts r using donations d
    where d.id = r.donation_id and r.status = 'draft' and not (${stillPaid(db)})`;
  await db`
    update tax_receipts r set amount_cents = d.amount_cents - d.refunded_cents
    from donations d
    where d.id = r.donation_id and r.status = 'draft' and ${stillPaid(db)}
      and r.amount_cents <> d.amount_cents - d.refunded_cents`;
  const inserted = await db`
    insert into tax_receipts (donation_id, structure_id, amount_cents)
    select d.id, o.structure_id, d.amount_cents - d.refunded_cents
    from donations d join payouts o on o.project_id = d.project_id
    where o.status = 'confirmed' and d.wants_tax_receipt and ${stillPaid(db)}
      and not exists (select from tax_receipts t where t.donation_id = d.id)
    on conflict (donation_id) do nothing`;
  return inserted.count;
}

/** A receipt as the gestionnaire lists it: a draft shows the gift as it is, an issued receipt as it was issued. */
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

const RECEIPT_SORTS = { id: 'r.id', paidAt: 'd.paid_at', amountCents: 'r.amount_cents' } as const;

/** A page of receipts in scope, optionally of one status, sorted by an allow-listed field. */
export async function listReceipts(
  db: Tx,
  options: {
    structures: Structures;
    status?: string;
    sort: keyof typeof RECEIPT_SORTS;
    descending: boolean;
    offset: number;
    limit: number;
  },
): Promise<Page<ReceiptRow>> {
  const rows = await db<(ReceiptRow & { total: number })[]>`
    select r.id, r.donation_id, r.structure_id, coalesce(r.beneficiary_name, s.legal_name) as structure_name,
           p.title as project_title, r.status, r.year, r.number, r.amount_cents,
           case when r.number is null then coalesce(d.company_name, d.donor_name)
                else coalesce(r.company_name, r.donor_name) end as donor_name,
           coalesce(r.donor_email, d.donor_email)::text as donor_email, d.paid_at, r.sent_at,
           count(*) over ()::int as total
    from tax_receipts r join donations d on d.id = r.donation_id join projects p on p.id = d.project_id
    join receiving_structures s on s.id = r.structure_id
    where ${inScope(db, options.structures)}
      and (${options.status ?? null}::text is null or r.status = ${options.status ?? null})
    ${orderBy(db, RECEIPT_SORTS[options.sort], options.descending, 'r.id')}
    offset ${options.offset} limit ${options.limit}`;
  return { data: rows.map(({ total: _, ...row }) => row), total: rows[0]?.total ?? 0 };
}

/**
 * Validates draft receipts, each taking the next number of its structure's sequence for the current year (Paris
 * time) and a copy of what it states (donor, structure, sum, date). Counter rows are locked until the transaction
 * ends, always in structure order, so concurrent validations queue without deadlocking and numbers have neither
 * gaps nor duplicates; the gifts are share-locked so a refund cannot slip in between. A gift no longer paid is
 * skipped. Returns the ids validated. Call inside a transaction.
 */
export async function validateReceipts(
  db: Tx,
  ids: number[],
  structures: Structures,
  userId: number,
): Promise<number[]> {
  const drafts = await db<{ id: number; structureId: number }[]>`
    select r.id, r.structure_id from tax_receipts r join donations d on d.id = r.donation_id
    where r.id = any(${ids}::bigint[]) and r.status = 'draft' and ${stillPaid(db)} and ${inScope(db, structures)}
    order by r.structure_id, r.id
    for update of r for share of d`;
  for (const draft of drafts) {
    const [counter] = await db<{ year: number; lastNumber: number }[]>`
      insert into tax_receipt_counters (structure_id, year, last_number)
      values (${draft.structureId}, extract(year from now() at time zone 'Europe/Paris')::int, 1)
      on conflict (structure_id, year) do update set last_number = tax_receipt_counters.last_number + 1
      returning year, last_number`;
    await db`
      update tax_receipts r
      set status = 'validated', year = ${counter!.year}, number = ${counter!.lastNumber},
          validated_at = clock_timestamp(), validated_by = ${userId}, amount_cents = d.amount_cents - d.refunded_cents,
          donor_kind = d.donor_kind, donor_name = d.donor_name, donor_email = d.donor_email,
          company_name = d.company_name, siren = d.siren, address_line = d.address_line,
          postal_code = d.postal_code, city = d.city, paid_on = (d.paid_at at time zone 'Europe/Paris')::date,
          beneficiary_name = s.legal_name, beneficiary_siret = s.siret, beneficiary_kind = s.kind,
          beneficiary_address = sc.name, beneficiary_commune = sc.commune,
          beneficiary_representative = s.legal_representative
      from donations d, receiving_structures s join schools sc on sc.uai = s.school_uai
      where r.id = ${draft.id} and d.id = r.donation_id and s.id = r.structure_id`;
  }
  return drafts.map((draft) => draft.id);
}

/** A receipt sent to its donor, with what the e-mail says of it. */
export interface SentReceipt {
  id: number;
  donationId: number;
  year: number;
  number: number;
  amountCents: number;
  paidOn: string;
}

/** Marks validated receipts sent (a receipt sent again keeps its first date); returns each one with its donation. */
export async function markReceiptsSent(db: Tx, ids: number[], structures: Structures): Promise<SentReceipt[]> {
  return db<SentReceipt[]>`
    update tax_receipts r set status = 'sent', sent_at = coalesce(sent_at, clock_timestamp())
    where r.id = any(${ids}::bigint[]) and r.status in ('validated', 'sent') and ${inScope(db, structures)}
    returning r.id, r.donation_id, r.year, r.number, r.amount_cents, r.paid_on::text`;
}

/** An issued receipt with what its PDF states, its structure and donor's address. */
export type IssuedReceipt = ReceiptFacts & { id: number; structureId: number; donorEmail: string };

const issued = (db: Tx) => db`
  select r.id, r.structure_id, r.year, r.number, r.amount_cents, r.donor_email::text,
         (r.validated_at at time zone 'Europe/Paris')::date::text as issued_on, r.paid_on::text,
         json_build_object('legalName', r.beneficiary_name, 'siret', r.beneficiary_siret, 'kind', r.beneficiary_kind,
                           'schoolName', r.beneficiary_address, 'commune', r.beneficiary_commune,
                           'legalRepresentative', r.beneficiary_representative) as structure,
         json_build_object('kind', r.donor_kind, 'name', r.donor_name, 'companyName', r.company_name,
                           'siren', r.siren, 'addressLine', r.address_line, 'postalCode', r.postal_code,
                           'city', r.city) as donor
  from tax_receipts r
  where r.number is not null`;

/** An issued receipt (validated or sent) as it was issued, in scope, or undefined (a draft, another structure's). */
export async function findIssuedReceipt(
  db: Tx,
  id: number,
  structures: Structures = undefined,
): Promise<IssuedReceipt | undefined> {
  const [row] = await db<IssuedReceipt[]>`${issued(db)} and r.id = ${id} and ${inScope(db, structures)}`;
  return row;
}

/** Every receipt issued to an address (any case) for gifts paid in a calendar year, in the order they were paid. */
export async function donorYearReceipts(db: Tx, email: string, year: number): Promise<IssuedReceipt[]> {
  return db<IssuedReceipt[]>`
    ${issued(db)} and r.donor_email = ${email}::citext
      and r.paid_on between make_date(${year}, 1, 1) and make_date(${year}, 12, 31)
    order by r.paid_on, r.id`;
}

/** Per address with receipts issued for gifts paid in the year: its latest such donation, to e-mail the donor. */
export async function donorsWithReceipts(db: Tx, year: number) {
  return db<{ email: string; donationId: number }[]>`
    select distinct on (r.donor_email) r.donor_email::text as email, r.donation_id
    from tax_receipts r
    where r.number is not null and r.paid_on between make_date(${year}, 1, 1) and make_date(${year}, 12, 31)
    order by r.donor_email, r.paid_on desc, r.id desc`;
}
