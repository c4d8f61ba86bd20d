import { FINAL_STATUSES } from '../../domain/lifecycle.ts';
import type { ProjectStatus } from '../../domain/project-status.ts';
import type { Theme } from '../../domain/projects.ts';
import type { PriorityEducation } from '../../domain/schools.ts';
import type { Tx } from '../client.ts';
import { projectBalance } from './ledger.ts';
import {
  cappedCount,
  orderBy,
  plannedForSearch,
  whereAll,
  type Fragment,
  type Page,
  type PageRequest,
} from './paging.ts';

/** A project as listed in the back office, with the money collected so far (from the ledger). */
export interface ProjectRow {
  id: number;
  title: string;
  summary: string;
  status: ProjectStatus;
  theme: Theme;
  schoolUai: string;
  schoolName: string;
  academyCode: string;
  departement: string;
  porteurId: number;
  porteurName: string;
  minimumGoalCents: number;
  optimumGoalCents: number;
  collectedCents: number;
  campaignEndsAt: Date | null;
  statusChangedAt: Date;
  priorityEducation: PriorityEducation;
  rural: boolean;
}

/** The priority filter of the list: REP, REP+ or rural/isolated schools. */
export type PriorityFilter = 'rep' | 'rep_plus' | 'rural';

/** What the project list may be narrowed to (each optional). */
export interface ProjectFilters {
  status?: string;
  academyCode?: string;
  departement?: string;
  theme?: string;
  priority?: PriorityFilter;
  /** collecting projects whose campaign ends within this many days */
  deadlineWithinDays?: number;
  /** words of the title or of the school's name */
  q?: string;
}

const PROJECT_SORTS = {
  id: 'p.id',
  title: 'p.title',
  status: 'p.status',
  campaignEndsAt: 'p.campaign_ends_at',
  statusChangedAt: 'p.status_changed_at',
  minimumGoalCents: 'p.minimum_goal_cents',
} as const;
export type ProjectSort = keyof typeof PROJECT_SORTS;
export const PROJECT_SORT_FIELDS = Object.keys(PROJECT_SORTS) as ProjectSort[];

/** Who may see which projects: everything, or only some schools, académies or porteurs. */
export interface ProjectScope {
  all: boolean;
  porteurId?: number;
  schoolUais: string[];
  academyCodes: string[];
  structureIds: number[];
}

const select = (db: Tx) => db`
  select p.id, p.title, p.summary, p.status, p.theme, p.school_uai, s.name as school_name, s.academy_code,
         s.departement, p.porteur_id, u.display_name as porteur_name, p.minimum_goal_cents, p.optimum_goal_cents,
         ${projectBalance(db)} as collected_cents, p.campaign_ends_at, p.status_changed_at, s.priority_education, s.rural
  from projects p
  join schools s on s.uai = p.school_uai
  join users u on u.id = p.porteur_id`;

// conditions on `projects p` alone (a school's by subquery), so a page is chosen by walking one index of projects
const ofSchools = (db: Tx, condition: Fragment) => db`p.school_uai in (select uai from schools where ${condition})`;

const scopeCondition = (db: Tx, scope: ProjectScope) =>
  scope.all
    ? []
    : [
        db`(p.porteur_id = ${scope.porteurId ?? 0} or p.school_uai = any(${scope.schoolUais})
            or ${ofSchools(db, db`academy_code = any(${scope.academyCodes})`)}
            or p.structure_id = any(${scope.structureIds}))`,
      ];

/** Words of the title or of the school's name (copied onto the project), accents ignored; a trigram index on each. */
function searchCondition(db: Tx, q: string): Fragment {
  const like = db`lower(public_unaccent(${`%${q}%`}))`;
  return db`(p.title_folded like ${like} or p.school_name_folded like ${like})`;
}

function conditions(db: Tx, options: ProjectFilters & { scope: ProjectScope }): Fragment[] {
  const priority = {
    rep: ofSchools(db, db`priority_education = 'rep'`),
    rep_plus: ofSchools(db, db`priority_education = 'rep_plus'`),
    rural: ofSchools(db, db`rural`),
  };
  return [
    ...scopeCondition(db, options.scope),
    ...(options.status ? [db`p.status = ${options.status}`] : []),
    ...(options.academyCode ? [ofSchools(db, db`academy_code = ${options.academyCode}`)] : []),
    ...(options.departement ? [ofSchools(db, db`departement = ${options.departement}`)] : []),
    ...(options.theme ? [db`p.theme = ${options.theme}`] : []),
    ...(options.priority ? [priority[options.priority]] : []),
    ...(options.deadlineWithinDays !== undefined
      ? [
          db`p.status = 'published' and p.campaign_ends_at < now() + make_interval(days => ${options.deadlineWithinDays})`,
        ]
      : []),
    ...(options.q ? [searchCondition(db, options.q)] : []),
  ];
}

/**
 * A page of the projects the scope allows, narrowed by the filters: the page's ids are chosen from projects alone
 * along the sort's index, then only those rows are joined and their money read; the total is capped (see
 * LIST_ROW_CAP).
 */
export async function listProjects(
  db: Tx,
  options: PageRequest<ProjectSort> & ProjectFilters & { scope: ProjectScope },
): Promise<Page<ProjectRow>> {
  return await plannedForSearch(db, options.q, async (db) => {
    const where = whereAll(db, conditions(db, options));
    const order = orderBy(db, PROJECT_SORTS[options.sort], options.descending, 'p.id');
    const data = await db<ProjectRow[]>`
      with page as (select p.id from projects p ${where} ${order} limit ${options.limit} offset ${options.offset})
      ${select(db)} join page on page.id = p.id ${order}`;
    return { data, total: await cappedCount(db, db`select 1 from projects p ${where}`) };
  });
}

/** One project, if the scope allows it. */
export async function findProject(db: Tx, id: number, scope: ProjectScope): Promise<ProjectRow | undefined> {
  const [row] = await db<ProjectRow[]>`
    ${select(db)} ${whereAll(db, [db`p.id = ${id}`, ...scopeCondition(db, scope)])}`;
  return row;
}

/** What the lifecycle workflow needs to know about a project when it starts. */
export interface LifecycleFacts {
  projectId: number;
  porteurId: number;
  schoolUai: string;
  academyCode: string;
  degree: 'premier' | 'second';
  status: ProjectStatus;
  minimumGoalCents: number;
  optimumGoalCents: number;
  campaignDays: number;
  activityEndsOn: string;
  campaignEndsAt: Date | null;
  reportVersions: number;
}

const selectFacts = (db: Tx) => db`
  select p.id as project_id, p.porteur_id, p.school_uai, s.academy_code, s.degree, p.status, p.minimum_goal_cents,
         p.optimum_goal_cents, p.campaign_days, p.activity_ends_on::text, p.campaign_ends_at,
         (select count(*)::int from project_reports r where r.project_id = p.id) as report_versions
  from projects p join schools s on s.uai = p.school_uai`;

/** The lifecycle facts of a project, or undefined. */
export async function findLifecycleFacts(db: Tx, projectId: number): Promise<LifecycleFacts | undefined> {
  const [row] = await db<LifecycleFacts[]>`${selectFacts(db)} where p.id = ${projectId}`;
  return row;
}

/** The lifecycle facts of every project whose lifecycle has not ended. */
export async function listUnfinishedLifecycleFacts(db: Tx): Promise<LifecycleFacts[]> {
  return db<LifecycleFacts[]>`
    ${selectFacts(db)} where p.status <> all(${FINAL_STATUSES}) order by p.id`;
}
