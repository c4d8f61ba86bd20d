import type { GrantExplanation } from '../../domain/funds/plan.ts';
import type { ReportedGrant } from '../../domain/funds/report.ts';
import type { GrantKind } from '../../domain/funds/types.ts';
import type { Tx } from '../client.ts';
import { orderBy, whereAll, type Page, type PageRequest } from './paging.ts';

/** A grant as people read it: which fund helped which project, how much, where it stands, and why. */
export interface GrantRow {
  id: number;
  fundId: number;
  fundName: string;
  projectId: number;
  projectTitle: string;
  schoolName: string;
  kind: GrantKind;
  amountCents: number;
  status: 'reserved' | 'committed' | 'released';
  createdAt: Date;
  settledAt: Date | null;
  explanation: GrantExplanation;
}

const GRANT_SORTS = { id: 'g.id', createdAt: 'g.created_at', amountCents: 'g.amount_cents', kind: 'g.kind' } as const;
export type GrantSort = keyof typeof GRANT_SORTS;
export const GRANT_SORT_FIELDS = Object.keys(GRANT_SORTS) as GrantSort[];

/** A page of grants of one fund or one project (or both), each with its stored explanation. */
export async function listGrants(
  db: Tx,
  options: PageRequest<GrantSort> & { fundId?: number; projectId?: number },
): Promise<Page<GrantRow>> {
  const where = whereAll(db, [
    ...(options.fundId === undefined ? [] : [db`g.fund_id = ${options.fundId}`]),
    ...(options.projectId === undefined ? [] : [db`g.project_id = ${options.projectId}`]),
  ]);
  const data = await db<GrantRow[]>`
    select g.id, g.fund_id, f.name as fund_name, g.project_id, p.title as project_title, s.name as school_name,
           g.kind, g.amount_cents, g.status, g.created_at, g.settled_at, g.explanation
    from grants g
    join funds f on f.id = g.fund_id
    join projects p on p.id = g.project_id
    join schools s on s.uai = p.school_uai
    ${where} ${orderBy(db, GRANT_SORTS[options.sort], options.descending, 'g.id')}
    limit ${options.limit} offset ${options.offset}`;
  const [count] = await db<{ total: number }[]>`select count(*)::int as total from grants g ${where}`;
  return { data, total: count?.total ?? 0 };
}

/** One line of a sponsor's report: a grant with its project and school. */
export interface FundReportLine extends ReportedGrant {
  grantId: number;
  projectTitle: string;
  schoolName: string;
  schoolUai: string;
  academyCode: string;
  departement: string;
  createdAt: Date;
  settledAt: Date | null;
}

/** Every grant of the fund with what its report needs, oldest first. */
export async function fundReportLines(db: Tx, fundId: number): Promise<FundReportLine[]> {
  return db<FundReportLine[]>`
    select g.id as grant_id, g.project_id, g.kind, g.status, g.amount_cents, g.created_at, g.settled_at,
           p.title as project_title, p.status as project_status, s.name as school_name, s.uai as school_uai,
           s.academy_code, s.departement, s.priority_education, s.rural
    from grants g join projects p on p.id = g.project_id join schools s on s.uai = p.school_uai
    where g.fund_id = ${fundId}
    order by g.id`;
}
