import type { Tx } from '../client.ts';

/** A project as its porteur writes it (a draft, or one whose changes a validator asked for). */
export interface DraftProject {
  schoolUai: string;
  structureId: number | null;
  gestionnaireEmail: string | null;
  title: string;
  summary: string;
  description: string;
  theme: string;
  levels: string[];
  pupilCount: number;
  activityStartsOn: string;
  activityEndsOn: string;
  minimumGoalCents: number;
  optimumGoalCents: number;
  campaignDays: number;
  budgetLines: { label: string; amountCents: number }[];
}

/**
 * Whether the porteur may carry a project at this school: the school is in the académie of their academic
 * e-mail domain (a porteur of ac-lille.fr works in the académie of Lille), and it must be a pilot académie.
 */
export async function schoolOpenToPorteur(
  db: Tx,
  porteurEmail: string,
  schoolUai: string,
): Promise<'ok' | 'unknown_school' | 'other_academy' | 'not_pilot'> {
  const [row] = await db<{ sameAcademy: boolean; pilot: boolean }[]>`
    select exists (select 1 from academic_domains d
                   where d.academy_code = s.academy_code
                     and lower(split_part(${porteurEmail}, '@', 2)) = d.domain) as same_academy,
           a.pilot_enabled as pilot
    from schools s join academies a on a.code = s.academy_code where s.uai = ${schoolUai}`;
  if (!row) return 'unknown_school';
  if (!row.sameAcademy) return 'other_academy';
  return row.pilot ? 'ok' : 'not_pilot';
}

/** Whether the structure receives money for this school (or no structure is named yet). */
export async function structureOfSchool(db: Tx, structureId: number | null, schoolUai: string): Promise<boolean> {
  if (structureId === null) return true;
  const [row] = await db`select 1 from receiving_structures where id = ${structureId} and school_uai = ${schoolUai}`;
  return row !== undefined;
}

/** The receiving structures of a school, as a porteur names one in a project (no bank details). */
export async function listSchoolStructures(db: Tx, schoolUai: string): Promise<{ id: number; legalName: string }[]> {
  return db<{ id: number; legalName: string }[]>`
    select id, legal_name from receiving_structures where school_uai = ${schoolUai} order by legal_name, id`;
}

const columns = (project: DraftProject) => ({
  school_uai: project.schoolUai,
  structure_id: project.structureId,
  gestionnaire_email: project.gestionnaireEmail,
  title: project.title,
  summary: project.summary,
  description: project.description,
  theme: project.theme,
  levels: project.levels,
  pupil_count: project.pupilCount,
  activity_starts_on: project.activityStartsOn,
  activity_ends_on: project.activityEndsOn,
  minimum_goal_cents: project.minimumGoalCents,
  optimum_goal_cents: project.optimumGoalCents,
  campaign_days: project.campaignDays,
});

async function replaceBudgetLines(db: Tx, projectId: number, lines: DraftProject['budgetLines']): Promise<void> {
  await db`delete from project_budget_lines where project_id = ${projectId}`;
  if (lines.length === 0) return;
  await db`insert into project_budget_lines ${db(
    lines.map((line, index) => ({
      project_id: projectId,
      position: index + 1,
      label: line.label,
      amount_cents: line.amountCents,
    })),
  )}`;
}

/** Creates the porteur's draft with its budget lines; returns its id. Call inside a transaction. */
export async function insertDraft(db: Tx, porteurId: number, project: DraftProject): Promise<number> {
  const [row] = await db<{ id: number }[]>`
    insert into projects ${db({ ...columns(project), porteur_id: porteurId } as never)} returning id`;
  const id = (row as { id: number }).id;
  await replaceBudgetLines(db, id, project.budgetLines);
  return id;
}

/**
 * Saves the porteur's changes while the project is theirs to edit (draft, or changes requested); returns false
 * otherwise (nothing changes). Call inside a transaction.
 */
export async function updateDraft(db: Tx, id: number, porteurId: number, project: DraftProject): Promise<boolean> {
  const updated = await db`
    update projects set ${db(columns(project) as never)}, updated_at = now()
    where id = ${id} and porteur_id = ${porteurId} and status in ('draft', 'changes_requested')`;
  if (updated.count === 0) return false;
  await replaceBudgetLines(db, id, project.budgetLines);
  return true;
}

/**
 * Grants the project the admin's exception to the 5 000 € cap on its minimum goal, while it is still being
 * written or reviewed: 'granted' now, 'already' granted before, 'not_found', or 'too_late'.
 */
export async function grantMinimumGoalException(
  db: Tx,
  id: number,
): Promise<'granted' | 'already' | 'not_found' | 'too_late'> {
  const [row] = await db<{ status: string; wasGranted: boolean }[]>`
    select status, minimum_goal_exception as was_granted from projects where id = ${id} for update`;
  if (!row) return 'not_found';
  if (!['draft', 'submitted', 'changes_requested'].includes(row.status)) return 'too_late';
  if (row.wasGranted) return 'already';
  await db`update projects set minimum_goal_exception = true where id = ${id}`;
  return 'granted';
}

/** Whether an admin has lifted the 5 000 € cap on the project's minimum goal. */
export async function hasMinimumGoalException(db: Tx, id: number): Promise<boolean> {
  const [row] = await db<
    { granted: boolean }[]
  >`select minimum_goal_exception as granted from projects where id = ${id}`;
  return row?.granted ?? false;
}
