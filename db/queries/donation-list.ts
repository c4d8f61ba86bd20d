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

const DONATION_SORTS = {
  id: 'd.id',
  createdAt: 'd.created_at',
  paidAt: 'd.paid_at',
  amountCents: 'd.amount_cents',
  status: 'd.status',
  donorName: 'd.donor_name',
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

function conditions(db: Tx, filters: DonationFilters): Fragment[] {
  const { scope } = filters;
  return [
    ...(scope.all
      ? []
      : [db`(p.structure_id = any(${scope.structureIds}::bigint[]) or p.porteur_id = ${scope.porteurId ?? 0})`]),
    ...(filters.status ? [db`d.status = ${filters.status}`] : []),
    ...(filters.projectId ? [db`d.project_id = ${filters.projectId}`] : []),
    ...(filters.fundId ? [db`d.fund_id = ${filters.fundId}`] : []),
    ...(filters.q ? [db`(d.donor_name ilike ${`%${filters.q}%`} or d.donor_email ilike ${`%${filters.q}%`})`] : []),
  ];
}

/**
 * The donations the filters select: full details for admins and the structures' gestionnaires; for a porteur
 * (who is not also their gestionnaire) the names and amounts donors let appear, and no contact details.
 */
function selectDonations(db: Tx, filters: DonationFilters) {
  const full = db`(${filters.scope.all} or p.structure_id = any(${filters.scope.structureIds}::bigint[]))`;
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
    ${whereAll(db, conditions(db, filters))}`;
}

/** A page of donations in the caller's scope. */
export async function listDonations(
  db: Tx,
  options: PageRequest<DonationSort> & DonationFilters,
): Promise<Page<DonationListRow>> {
  const data = await db<DonationListRow[]>`
    ${selectDonations(db, options)}
    ${orderBy(db, DONATION_SORTS[options.sort], options.descending, 'd.id')}
    offset ${options.offset} limit ${options.limit}`;
  const [count] = await db<{ total: number }[]>`
    select count(*)::int as total
    from donations d left join projects p on p.id = d.project_id left join funds f on f.id = d.fund_id
    ${whereAll(db, conditions(db, options))}`;
  return { data, total: count?.total ?? 0 };
}

/** Every donation in the caller's scope that the filters select, oldest first (at most `limit`), for a CSV export. */
export async function exportDonations(db: Tx, filters: DonationFilters, limit = 100_000): Promise<DonationListRow[]> {
  return db<DonationListRow[]>`${selectDonations(db, filters)} order by d.id limit ${limit}`;
}
