import type { Tx } from '../client.ts';
import type { DonationStatus } from './donations.ts';
import { orderBy, whereAll, type Fragment, type Page, type PageRequest } from './paging.ts';

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
 * and no contact details.
 */
function visibleDonations(db: Tx, scope: DonationScope) {
  const full = db`(${scope.all} or p.structure_id = any(${scope.structureIds}::bigint[]))`;
  const inScope = scope.all
    ? db``
    : db`where (p.structure_id = any(${scope.structureIds}::bigint[]) or p.porteur_id = ${scope.porteurId ?? 0})`;
  return db`
    select d.id, d.project_id, p.title as project_title, d.fund_id, f.name as fund_name,
           case when ${full} or not d.hide_amount then d.amount_cents end as amount_cents, d.refunded_cents,
           d.status, d.donor_kind,
           case when ${full} or not d.hide_name then d.donor_name end as donor_name,
           case when ${full} then d.donor_email::text end as donor_email,
           case when ${full} then d.company_name end as company_name,
           case when ${full} then d.siren end as siren,
           case when ${full} and d.address_line is not null
                then d.address_line || ', ' || d.postal_code || ' ' || d.city end as postal_address,
           d.wants_tax_receipt, d.failure_choice, d.created_at, d.paid_at
    from donations d left join projects p on p.id = d.project_id left join funds f on f.id = d.fund_id
    ${inScope}`;
}

/** The filters as conditions on visibleDonations' columns (`v`), so a search finds only what the caller sees. */
function conditions(db: Tx, filters: DonationFilters): Fragment[] {
  const like = `%${filters.q ?? ''}%`;
  return [
    ...(filters.status ? [db`v.status = ${filters.status}`] : []),
    ...(filters.projectId ? [db`v.project_id = ${filters.projectId}`] : []),
    ...(filters.fundId ? [db`v.fund_id = ${filters.fundId}`] : []),
    ...(filters.q ? [db`(v.donor_name ilike ${like} or v.donor_email ilike ${like})`] : []),
  ];
}

const selectDonations = (db: Tx, filters: DonationFilters) =>
  db`select v.* from (${visibleDonations(db, filters.scope)}) v ${whereAll(db, conditions(db, filters))}`;

/** A page of donations in the caller's scope. */
export async function listDonations(
  db: Tx,
  options: PageRequest<DonationSort> & DonationFilters,
): Promise<Page<DonationListRow>> {
  const data = await db<DonationListRow[]>`
    ${selectDonations(db, options)}
    ${orderBy(db, `v.${DONATION_SORTS[options.sort]}`, options.descending, 'v.id')}
    offset ${options.offset} limit ${options.limit}`;
  const [count] = await db<{ total: number }[]>`
    select count(*)::int as total from (${visibleDonations(db, options.scope)}) v
    ${whereAll(db, conditions(db, options))}`;
  return { data, total: count?.total ?? 0 };
}

/** Every donation in the caller's scope that the filters select, oldest first (at most `limit`), for a CSV export. */
export async function exportDonations(db: Tx, filters: DonationFilters, limit = 100_000): Promise<DonationListRow[]> {
  return db<DonationListRow[]>`${selectDonations(db, filters)} order by v.id limit ${limit}`;
}
