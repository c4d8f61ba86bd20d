import type { HomeProject } from '../../../domain/homes.ts';
import type { Tx } from '../../client.ts';

const iso = (row: Omit<HomeProject, 'since'> & { since: Date }): HomeProject => ({
  ...row,
  since: row.since.toISOString(),
});

const homeProject = (db: Tx) =>
  db`p.id, p.title, s.name as school_name, p.status, p.status_changed_at as since
     from projects p join schools s on s.uai = p.school_uai`;

/** The projects of these schools waiting for their directeur's attestation, oldest first. */
export async function attestationsWaiting(db: Tx, schoolUais: string[]): Promise<HomeProject[]> {
  const rows = await db<(Omit<HomeProject, 'since'> & { since: Date })[]>`
    select ${homeProject(db)}
    where p.status = 'awaiting_attestation' and p.school_uai = any(${schoolUais}::text[])
    order by p.status_changed_at, p.id`;
  return rows.map(iso);
}

/** Whose reviews: every académie's (undefined) or these; never the reviewer's own projects. */
export interface ReviewScope {
  academyCodes: string[] | undefined;
  reviewerId: number;
}

const inReviewScope = (db: Tx, scope: ReviewScope) =>
  db`p.porteur_id <> ${scope.reviewerId}
     and ${scope.academyCodes ? db`s.academy_code = any(${scope.academyCodes}::text[])` : db`true`}`;

/** The submitted projects awaiting review in the scope, oldest first, and how many final reports await it. */
export async function reviewQueue(db: Tx, scope: ReviewScope): Promise<{ queue: HomeProject[]; reports: number }> {
  const rows = await db<(Omit<HomeProject, 'since'> & { since: Date })[]>`
    select ${homeProject(db)}
    where p.status = 'submitted' and ${inReviewScope(db, scope)}
    order by p.status_changed_at, p.id`;
  const [reports] = await db<{ count: number }[]>`
    select count(*)::int as count from projects p join schools s on s.uai = p.school_uai
    where p.status = 'report_submitted' and ${inReviewScope(db, scope)}`;
  return { queue: rows.map(iso), reports: reports!.count };
}
