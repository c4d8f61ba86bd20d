import type { Degree, PriorityEducation, SchoolKind, Sector } from '../../domain/schools.ts';
import type { Tx } from '../client.ts';
import { academyOfEmail } from './academic-domains.ts';
import { containsText } from './search.ts';
import { orderBy, whereAll, type Page, type PageRequest } from './paging.ts';

/** A school as listed in the back office; its id is its UAI code. */
export interface SchoolRow {
  id: string;
  uai: string;
  name: string;
  kind: SchoolKind;
  degree: Degree;
  academyCode: string;
  departement: string;
  commune: string;
  sector: Sector;
  priorityEducation: PriorityEducation;
  rural: boolean;
  ips: number | null;
}

const SCHOOL_SORTS = {
  uai: 'uai',
  name: 'name',
  academyCode: 'academy_code',
  departement: 'departement',
  commune: 'commune',
  ips: 'ips',
} as const;
export type SchoolSort = keyof typeof SCHOOL_SORTS;
export const SCHOOL_SORT_FIELDS = Object.keys(SCHOOL_SORTS) as SchoolSort[];

const columns = (db: Tx) => db`
  uai as id, uai, name, kind, degree, academy_code, departement, commune, sector, priority_education, rural,
  ips::float8 as ips`;

/**
 * A page of schools, filtered by académie (or the académie of a porteur's academic e-mail), priority status or a
 * search on name, commune or UAI that ignores accents and case.
 */
export async function listSchools(
  db: Tx,
  options: PageRequest<SchoolSort> & {
    academyCode?: string;
    academyOfEmail?: string;
    priorityEducation?: string;
    q?: string;
  },
): Promise<Page<SchoolRow>> {
  const where = whereAll(db, [
    ...(options.academyCode ? [db`academy_code = ${options.academyCode}`] : []),
    ...(options.academyOfEmail ? [academyOfEmail(db, 'academy_code', options.academyOfEmail)] : []),
    ...(options.priorityEducation ? [db`priority_education = ${options.priorityEducation}`] : []),
    ...(options.q
      ? [db`(${containsText(db, ['name', 'commune'], options.q)} or uai = ${options.q.toUpperCase()})`]
      : []),
  ]);
  const data = await db<SchoolRow[]>`
    select ${columns(db)} from schools ${where}
    ${orderBy(db, SCHOOL_SORTS[options.sort], options.descending, 'uai')}
    limit ${options.limit} offset ${options.offset}`;
  const [count] = await db<{ total: number }[]>`select count(*)::int as total from schools ${where}`;
  return { data, total: count?.total ?? 0 };
}

/** One school by UAI; with `academyOfEmail`, only if it is in the académie of that academic address. */
export async function findSchool(
  db: Tx,
  uai: string,
  options: { academyOfEmail?: string } = {},
): Promise<SchoolRow | undefined> {
  const [row] = await db<SchoolRow[]>`
    select ${columns(db)} from schools
    where uai = ${uai} ${options.academyOfEmail ? db`and ${academyOfEmail(db, 'academy_code', options.academyOfEmail)}` : db``}`;
  return row;
}
