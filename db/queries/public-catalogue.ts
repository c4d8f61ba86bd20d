import { SUCCESSFUL_CAMPAIGN, type ProjectStatus } from '../../domain/project-status.ts';
import type { Theme } from '../../domain/projects.ts';
import type { PriorityEducation } from '../../domain/schools.ts';
import type { Tx } from '../client.ts';
import type { Fragment } from './paging.ts';

/** The catalogue's sorts: ending soon (the default: collecting by deadline, then funded), relevance of a search, nearly funded, newest. */
export const CATALOGUE_SORTS = ['fin', 'pertinence', 'financement', 'recent'] as const;
export type CatalogueSort = (typeof CATALOGUE_SORTS)[number];

/** What the catalogue's address asks for (already validated). */
export interface CatalogueQuery {
  q?: string;
  theme?: Theme;
  academie?: string;
  departement?: string;
  niveau?: string;
  priorite?: 'rep_plus' | 'rep' | 'rural';
  statut?: 'en_cours' | 'termine';
  tri?: CatalogueSort;
  page: number;
  /** the home page's selections: REP+, REP or rural schools only, a few cards */
  priorityOnly?: boolean;
  pageSize?: number;
}

/** A project as a catalogue card shows it. */
export interface CatalogueCard {
  id: number;
  title: string;
  summary: string;
  theme: Theme;
  status: ProjectStatus;
  schoolName: string;
  commune: string;
  departement: string;
  priorityEducation: PriorityEducation;
  rural: boolean;
  minimumGoalCents: number;
  optimumGoalCents: number;
  collectedCents: number;
  campaignEndsAt: Date | null;
}

export const CATALOGUE_PAGE_SIZE = 24;

const cardColumns = (db: Tx) => db`
  p.id, p.title, p.summary, p.theme, p.status, s.name as school_name, s.commune, s.departement, s.priority_education,
  s.rural, p.minimum_goal_cents, p.optimum_goal_cents, coalesce(t.collected_cents, 0)::bigint as collected_cents,
  p.campaign_ends_at`;

const search = (db: Tx, q: string) => db`websearch_to_tsquery('french', public_unaccent(${q}))`;

// constants written in the SQL, not parameters, so that every plan (generic ones too) proves the partial indexes
const GROUPS = { en_cours: 'and p.public_group = 0', termine: 'and p.public_group = 1' } as const;

/** Filters on the project's own columns (the school's are copied onto it), all of them indexed. */
function conditions(db: Tx, query: CatalogueQuery): Fragment {
  const priority =
    query.priorite === 'rural'
      ? db`and p.school_rural`
      : query.priorite
        ? db`and p.school_priority_education = ${query.priorite}`
        : db``;
  return db`where p.public_order is not null ${query.statut ? db.unsafe(GROUPS[query.statut]) : db``}
    ${query.q ? db`and p.search_vector @@ ${search(db, query.q)}` : db``}
    ${query.theme ? db`and p.theme = ${query.theme}` : db``}
    ${query.academie ? db`and p.school_academy_code = ${query.academie}` : db``}
    ${query.departement ? db`and p.school_departement = ${query.departement}` : db``}
    ${query.niveau ? db`and p.levels @> ${[query.niveau]}::text[]` : db``}
    ${priority}
    ${query.priorityOnly ? db`and (p.school_priority_education <> 'none' or p.school_rural)` : db``}`;
}

/** Collecting first (public_group), then the sort asked for; each order has its index. */
function ordering(db: Tx, query: CatalogueQuery): Fragment {
  switch (query.tri) {
    case 'financement':
      return db`order by p.public_group, p.public_progress desc, p.id`;
    case 'recent':
      return db`order by p.public_group, p.campaign_starts_at desc nulls last, p.id desc`;
    case 'pertinence':
      return query.q
        ? db`order by ts_rank(p.search_vector, ${search(db, query.q)}) desc, p.public_order, p.id`
        : db`order by p.public_group, p.public_order, p.id`;
    default:
      return db`order by p.public_group, p.public_order, p.id`;
  }
}

/** Beyond this many matches the catalogue says « plus de 1 000 » rather than count them all. */
export const CATALOGUE_COUNT_CAP = 1_000;

/** The last page the catalogue serves, the pages of the counted matches: an OFFSET never beyond the cap. */
export const CATALOGUE_LAST_PAGE = Math.ceil(CATALOGUE_COUNT_CAP / CATALOGUE_PAGE_SIZE);

/** Runs one statement of a catalogue page (the benchmark passes one that also explains it). */
export type CatalogueRunner = <T extends object>(db: Tx, statement: Fragment) => Promise<T[]>;

const runStatement: CatalogueRunner = <T extends object>(db: Tx, statement: Fragment) => db<T[]>`${statement}`;

/**
 * One page of the catalogue (collecting first by deadline, then funded, the latest first) and how many projects
 * match, counted up to CATALOGUE_COUNT_CAP + 1. Up to the cap, the matches are sorted as they are; beyond, the
 * page walks the order's index, and a relevance sort ranks the CATALOGUE_COUNT_CAP matches ending soonest.
 */
export async function listCatalogue(
  db: Tx,
  query: CatalogueQuery,
  run: CatalogueRunner = runStatement,
): Promise<{ cards: CatalogueCard[]; total: number }> {
  const size = query.pageSize ?? CATALOGUE_PAGE_SIZE;
  const offset = (query.page - 1) * size;
  // planned for all its rows (a CTE is), so a rare combination of filters is found through their indexes rather
  // than by walking an order hoping to meet it; read only up to the cap
  const matches = await run<{ id: number }>(
    db,
    db`with m as materialized (select p.id from projects p ${conditions(db, query)})
       select id from m limit ${CATALOGUE_COUNT_CAP + 1}`,
  );
  const many = matches.length > CATALOGUE_COUNT_CAP;
  const among = !many
    ? db`where p.id = any(${matches.map(({ id }) => id)}::bigint[])`
    : query.tri === 'pertinence' && query.q
      ? db`where p.id in (select p.id from projects p ${conditions(db, query)}
                          order by p.public_group, p.public_order, p.id limit ${CATALOGUE_COUNT_CAP})`
      : conditions(db, query);
  const cards = await run<CatalogueCard>(
    db,
    db`select ${cardColumns(db)}
       from (select p.id from projects p ${among} ${ordering(db, query)} limit ${size} offset ${offset}) page
       join projects p on p.id = page.id join schools s on s.uai = p.school_uai
       left join project_public_totals t on t.project_id = p.id ${ordering(db, query)}`,
  );
  return { cards, total: matches.length };
}

/** The académies with at least one school, for the catalogue's filter. */
export async function listAcademyOptions(db: Tx): Promise<{ code: string; name: string }[]> {
  return db<{ code: string; name: string }[]>`
    select code, name from academies a where exists (select 1 from schools s where s.academy_code = a.code)
    order by name`;
}

/** The platform's totals on the home page. */
export interface PlatformTotals {
  collecting: number;
  funded: number;
  fundedCents: number;
  donors: number;
}

/** Projects collecting and funded, the money of the funded ones, distinct donors who gave: read from the kept aggregates (00019, 00020). */
export async function platformTotals(db: Tx): Promise<PlatformTotals> {
  const [row] = await db<PlatformTotals[]>`
    select (select coalesce(sum(projects), 0)::int from project_status_counts where status = 'published') as collecting,
           (select coalesce(sum(projects), 0)::int from project_status_counts
            where status = any(${SUCCESSFUL_CAMPAIGN})) as funded,
           coalesce(sum(funded_cents), 0)::bigint as funded_cents,
           coalesce(sum(donors), 0)::int as donors
    from public_home_totals`;
  return row!;
}

/** The public projects for the sitemap (the 49 000 most recently changed, within a sitemap's limit). */
export async function listSitemapProjects(db: Tx): Promise<{ id: number; changedAt: Date }[]> {
  return db<{ id: number; changedAt: Date }[]>`
    select id, status_changed_at as changed_at from projects
    where status = any(${['published', ...SUCCESSFUL_CAMPAIGN]})
    order by status_changed_at desc, id desc limit 49000`;
}
