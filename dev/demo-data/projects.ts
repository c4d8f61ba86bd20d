import type { Tx } from '../../db/client.ts';
import { DEMO_PEOPLE } from './people.ts';
import { demoSchool } from './schools.ts';
import { insertDonations } from './donations.ts';
import type { Actor, DemoProject } from './project-data.ts';

const at = (tx: Tx, days: number) => tx`now() + make_interval(hours => ${Math.round(days * 24)}::int)`;

function actorEmail(project: DemoProject, actor: Exclude<Actor, null>): string | undefined {
  switch (actor) {
    case 'porteur':
      return project.porteur;
    case 'directeur':
      return DEMO_PEOPLE.find((person) => person.role === 'directeur' && person.school === project.school)?.email;
    case 'admin':
      return 'admin@trousse-a-projets.fr';
    case 'validateur':
      return demoSchool(project.school).academy === 'lille'
        ? 'validation.lille@trousse-a-projets.fr'
        : 'validation@trousse-a-projets.fr';
  }
}

function actorId(project: DemoProject, actor: Actor, userIds: ReadonlyMap<string, number>): number | null {
  if (actor === null) return null;
  const email = actorEmail(project, actor);
  const id = email === undefined ? undefined : userIds.get(email);
  if (id === undefined) throw new Error(`no demo user acts as ${actor} for ${project.key}`);
  return id;
}

/** Inserts the demo projects with their budget, timeline, donations and money; returns project ids by key. */
export async function insertProjects(
  tx: Tx,
  projects: readonly DemoProject[],
  context: { userIds: ReadonlyMap<string, number>; structureIds: ReadonlyMap<string, number> },
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const project of projects) {
    const id = await insertProject(tx, project, context);
    ids.set(project.key, id);
    if (project.history.some(([status]) => status === 'published')) {
      await insertDonations(tx, { projectId: id, project });
    }
  }
  return ids;
}

async function insertProject(
  tx: Tx,
  project: DemoProject,
  context: { userIds: ReadonlyMap<string, number>; structureIds: ReadonlyMap<string, number> },
): Promise<number> {
  const school = demoSchool(project.school);
  const first = project.history[0]!;
  const last = project.history[project.history.length - 1]!;
  const optimumCents = project.budget.reduce((sum, [, euros]) => sum + euros * 100, 0);
  const [activityStart, activityLength] = project.activity;
  const campaign = project.campaign;
  const [row] = await tx<{ id: number }[]>`
    insert into projects (
      school_uai, structure_id, porteur_id, title, summary, description, theme, levels, pupil_count,
      activity_starts_on, activity_ends_on, minimum_goal_cents, optimum_goal_cents,
      campaign_days, campaign_starts_at, campaign_ends_at, status, status_changed_at, created_at, updated_at)
    values (
      ${school.uai}, ${context.structureIds.get(project.school) ?? null}, ${context.userIds.get(project.porteur)!},
      ${project.title}, ${project.summary}, ${project.description}, ${project.theme}, ${project.levels}::text[],
      ${project.pupilCount}, current_date + ${activityStart}::int, current_date + ${activityStart + activityLength}::int,
      ${project.minimumEuros * 100}, ${optimumCents}, ${campaign ? campaign[1] : 30},
      ${campaign ? at(tx, campaign[0]) : null},
      ${campaign ? at(tx, campaign[0] + campaign[1]) : null},
      ${last[0]}, ${at(tx, last[1])}, ${at(tx, first[1])}, ${at(tx, last[1])})
    returning id`;
  const id = row!.id;
  for (const [index, [label, euros]] of project.budget.entries()) {
    await tx`
      insert into project_budget_lines (project_id, position, label, amount_cents)
      values (${id}, ${index + 1}, ${label}, ${euros * 100})`;
  }
  let previous: string | null = null;
  for (const [status, day, actor, comment] of project.history) {
    await tx`
      insert into project_status_history (project_id, from_status, to_status, actor_id, comment, at)
      values (${id}, ${previous}, ${status}, ${actorId(project, actor, context.userIds)}, ${comment ?? null},
        ${at(tx, day)})`;
    previous = status;
  }
  return id;
}
