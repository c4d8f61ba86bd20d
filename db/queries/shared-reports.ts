import type { Tx } from '../client.ts';

/** An accepted final report its porteur agreed to share, as the resource centre lists it. */
export interface SharedReport {
  projectId: number;
  title: string;
  schoolName: string;
  commune: string;
  theme: string;
  levels: string[];
  pupilsReached: number;
  whatWasDone: string;
  submittedAt: Date;
}

/** What the « retours d'expérience » may be searched by: theme, level, and French words (accents ignored). */
export interface SharedReportFilter {
  theme?: string;
  niveau?: string;
  q?: string;
}

/** The latest reports of completed projects shared by their porteur, newest first, filtered; at most `limit`. */
export async function listSharedReports(db: Tx, filter: SharedReportFilter, limit = 50): Promise<SharedReport[]> {
  const words = filter.q ? db`websearch_to_tsquery('french', public_unaccent(${filter.q}))` : undefined;
  return db<SharedReport[]>`
    with latest as (
      select distinct on (project_id) project_id, pupils_reached, what_was_done, submitted_at, share_consent
      from project_reports order by project_id, version desc)
    select p.id as project_id, p.title, s.name as school_name, s.commune, p.theme, p.levels,
           r.pupils_reached, r.what_was_done, r.submitted_at
    from latest r
    join projects p on p.id = r.project_id and p.status = 'completed'
    join schools s on s.uai = p.school_uai
    where r.share_consent
      ${filter.theme ? db`and p.theme = ${filter.theme}` : db``}
      ${filter.niveau ? db`and ${filter.niveau} = any(p.levels)` : db``}
      ${words ? db`and (p.search_vector || to_tsvector('french', public_unaccent(r.what_was_done))) @@ ${words}` : db``}
    order by r.submitted_at desc, p.id desc limit ${limit}`;
}
