import type { Tx } from '../client.ts';
import type { DonationStatus } from './donations.ts';
import {
  cappedCount,
  orderBy,
  plannedForSearch,
  whereAll,
  type Fragment,
  type Page,
  type PageRequest,
} from './paging.ts';

/** Whose donations a caller sees: all (admin), their structures' projects (gestionnaire) or their own projects (porteur). */
export interface DonationScope {
  all: boolean;
  structureIds: number[];
  porteurId?: number;
}

/** A donation as the back office lists it. Donor contact details are null for a porteur (they need names only). */
export interface DonationListRow {
  id: number;
  projectId: number | null;
  projectTitle: string | null;
  fundId: number | null;
  fundName: string | null;
  amountCents: number | null;
  refundedCents: number;
  status: DonationStatus;
  donorKind: 'person' | 'company';
  donorName: string | null;
  donorEmail: string | null;
  companyName: string | null;
  siren: string | null;
  postalAddress: string | null;
  wantsTaxReceipt: boolean;
  failureChoice: 'refund' | 'redirect';
  createdAt: Date;
  paidAt: Date | null;
}

// output columns of visibleDonations: a caller sorts and searches only what they are shown
const DONATION_SORTS = {
  id: 'id',
  createdAt: 'created_at',
  paidAt: 'paid_at',
  amountCents: 'amount_cents',
  status: 'status',
  donorName: 'donor_name',
} as const;
export type DonationSort = keyof typeof DONATION_SORTS;
export const DONATION_SORT_FIELDS = Object.keys(DONATION_SORTS) as DonationSort[];

/** The filters of the donations list. */
export interface DonationFilters {
  scope: DonationScope;
  status?: DonationStatus;
  projectId?: number;
  fundId?: number;
  q?: string;
}

/**
 * The donations in the caller's scope as the caller sees them: full details for admins and the structures'
 * gestionnaires; for a porteur (who is not also their gestionnaire) the names and amounts donors let appear,
 * and no contact details; `searchable` adds the folded name searches use. An admin's columns are the table's own, so their sorts and searches use its indexes.
 */
function visibleDonations(db: Tx, scope: DonationScope, searchable = false) {
  const full = db`p.structure_id = any(${scope.structureIds}::bigint[])`;
  const shown = (column: Fragment, unless?: Fragment) =>
    scope.all ? column : db`case when ${full}${unless ? db` or not ${unless}` : db``} then ${column} end`;
  const inScope = scope.all ? db`` : db`where (${full} or p.porteur_id = ${scope.porteurId ?? 0})`;
  return db`
    select d.id, d.project_id, p.title as project_title, d.fund_id, f.name as fund_name,
           ${shown(db`d.amount_cents`, db`d.hide_amount`)} as amount_cents, d.refunded_cents, d.status, d.donor_kind,
           ${shown(db`d.donor_name`, db`d.hide_name`)} as donor_name,
           ${shown(db`d.donor_email::text`)} as donor_email,
           ${shown(db`d.company_name`)} as company_name,
           ${shown(db`d.siren`)} as siren,
           ${shown(db`case when d.address_line is not null then d.address_line || ', ' || d.postal_code || ' ' || d.city end`)}
             as postal_address,
           d.wants_tax_receipt, d.failure_choice, d.created_at, d.paid_at
           ${searchable ? db`, ${shown(db`d.donor_name_folded`, db`d.hide_name`)} as donor_name_folded` : db``}
    from donations d left join projects p on p.id = d.project_id left join funds f on f.id = d.fund_id
    ${inScope}`;
}

/** E-mail addresses starting with `prefix` (lower case), as a range of an index in byte order. */
function emailStartsWith(db: Tx, prefix: string): Fragment {
  const last = prefix.codePointAt(prefix.length - 1) ?? 0;
  const after = prefix.slice(0, -1) + String.fromCodePoint(last + 1);
  return db`(lower(v.donor_email) collate "C" >= ${prefix} and lower(v.donor_email) collate "C" < ${after})`;
}

/**
 * The filters as conditions on visibleDonations' columns (`v`), so a search finds only what the caller sees: with
 * an @, e-mail addresses starting with it; otherwise words of donors' names, accents and case ignored.
 */
function conditions(db: Tx, filters: DonationFilters): Fragment[] {
  const q = filters.q?.toLowerCase();
  return [
    ...(filters.status ? [db`v.status = ${filters.status}`] : []),
    ...(filters.projectId ? [db`v.project_id = ${filters.projectId}`] : []),
    ...(filters.fundId ? [db`v.fund_id = ${filters.fundId}`] : []),
    ...(q
      ? [q.includes('@') ? emailStartsWith(db, q) : db`v.donor_name_folded like public_unaccent(${`%${q}%`})`]
      : []),
  ];
}

const selectDonations = (db: Tx, filters: DonationFilters) =>
  db`select v.* from (${visibleDonations(db, filters.scope, true)}) v ${whereAll(db, conditions(db, filters))}`;

/** The columns an admin filters and sorts by, from donations alone: a page is chosen without joining. */
const adminKeys = (db: Tx) => db`
  select d.id, d.project_id, d.fund_id, d.amount_cents, d.status, d.donor_name, d.donor_email::text as donor_email,
         d.donor_name_folded, d.created_at, d.paid_at
  from donations d`;

/** A page of donations in the caller's scope; the total is capped (see LIST_ROW_CAP). */
export async function listDonations(
  db: Tx,
  options: PageRequest<DonationSort> & DonationFilters,
): Promise<Page<DonationListRow>> {
  return await plannedForSearch(db, options.q, async (db) => {
    const keys = options.scope.all ? adminKeys(db) : visibleDonations(db, options.scope, true);
    const order = orderBy(db, `v.${DONATION_SORTS[options.sort]}`, options.descending, 'v.id');
    const data = await db<DonationListRow[]>`
      select v.* from (${visibleDonations(db, options.scope)}) v
      where v.id in (select v.id from (${keys}) v ${whereAll(db, conditions(db, options))} ${order}
                     offset ${options.offset} limit ${options.limit})
      ${order}`;
    const total = await cappedCount(db, db`select 1 from (${keys}) v ${whereAll(db, conditions(db, options))}`);
    return { data, total };
  });
}

/** Every donation in the caller's scope that the filters select, oldest first (at most `limit`), for a CSV export. */
export async function exportDonations(db: Tx, filters: DonationFilters, limit = 100_000): Promise<DonationListRow[]> {
  return db<DonationListRow[]>`${selectDonations(db, filters)} order by v.id limit ${limit}`;
}
