import { BEFORE_PUBLICATION, type ProjectStatus } from '../../domain/project-status.ts';
import type { Tx } from '../client.ts';
import { projectBalance } from './ledger.ts';
import { projectTitle } from './outbox.ts';

/**
 * Records that the address wants no more progress and news e-mails about the project (once; a repeat
 * changes nothing). Returns the project's title, or undefined when there is no such project.
 */
export async function recordUnsubscription(
  db: Tx,
  who: { email: string; projectId: number },
): Promise<string | undefined> {
  const title = await projectTitle(db, who.projectId);
  if (title === undefined) return undefined;
  await db`
    insert into email_unsubscriptions (email, project_id) values (${who.email}, ${who.projectId})
    on conflict do nothing`;
  return title;
}

/** A project as its public page shows it. */
export interface PublicProject {
  id: number;
  title: string;
  summary: string;
  status: ProjectStatus;
  schoolName: string;
  commune: string;
  minimumGoalCents: number;
  optimumGoalCents: number;
  collectedCents: number;
  campaignEndsAt: Date | null;
}

/** A project whose campaign has opened (drafts and projects under review are not public), or undefined. */
export async function findPublicProject(db: Tx, id: number): Promise<PublicProject | undefined> {
  const [project] = await db<PublicProject[]>`
    select p.id, p.title, p.summary, p.status, s.name as school_name, s.commune, p.minimum_goal_cents,
           p.optimum_goal_cents, ${projectBalance(db)} as collected_cents, p.campaign_ends_at
    from projects p join schools s on s.uai = p.school_uai
    where p.id = ${id} and p.status <> all(${BEFORE_PUBLICATION})`;
  return project;
}

/** The funds that support a project (grants reserved or committed), for its public page ("abondé par …"). */
export async function listProjectSponsors(db: Tx, projectId: number): Promise<{ name: string; sponsorName: string }[]> {
  return db<{ name: string; sponsorName: string }[]>`
    select distinct f.name, f.sponsor_name from grants g join funds f on f.id = g.fund_id
    where g.project_id = ${projectId} and g.status <> 'released' order by f.name`;
}
