import { BEFORE_PUBLICATION, type ProjectStatus } from '../../domain/project-status.ts';
import type { Tx } from '../client.ts';
import { findCampaignProgress } from './grants.ts';

/** A project as its public page shows it. */
export interface PublicProject {
  id: number;
  title: string;
  summary: string;
  description: string;
  status: ProjectStatus;
  schoolName: string;
  commune: string;
  minimumGoalCents: number;
  optimumGoalCents: number;
  collectedCents: number;
  reservedGrantCents: number;
  donorCount: number;
  campaignEndsAt: Date | null;
}

/** A project whose campaign has opened (drafts and projects under review are not public), or undefined. */
export async function findPublicProject(db: Tx, id: number): Promise<PublicProject | undefined> {
  const [project] = await db<Omit<PublicProject, 'collectedCents' | 'reservedGrantCents' | 'donorCount'>[]>`
    select p.id, p.title, p.summary, p.description, p.status, s.name as school_name, s.commune,
           p.minimum_goal_cents, p.optimum_goal_cents, p.campaign_ends_at
    from projects p join schools s on s.uai = p.school_uai
    where p.id = ${id} and p.status <> all(${BEFORE_PUBLICATION})`;
  return project && { ...project, ...(await findCampaignProgress(db, id)) };
}

/** A paid gift as the public may see it: the name and amount only where the donor did not hide them. */
export interface PublicGift {
  name: string | null;
  amountCents: number | null;
  paidAt: Date;
}

/** The project's latest paid gifts, newest first, hidden names and amounts left out. */
export async function listPublicGifts(db: Tx, projectId: number, limit = 20): Promise<PublicGift[]> {
  return db<PublicGift[]>`
    select case when hide_name then null else donor_name end as name,
           case when hide_amount then null else amount_cents end as amount_cents, paid_at
    from donations where project_id = ${projectId} and status = 'paid'
    order by paid_at desc, id desc limit ${limit}`;
}

/** The funds that support a project (grants reserved or committed), for its public page ("abondé par …"). */
export async function listProjectSponsors(db: Tx, projectId: number): Promise<{ name: string; sponsorName: string }[]> {
  return db<{ name: string; sponsorName: string }[]>`
    select distinct f.name, f.sponsor_name from grants g join funds f on f.id = g.fund_id
    where g.project_id = ${projectId} and g.status <> 'released' order by f.name`;
}

/** A donation as its donor's "manage my gift" page shows it. */
export interface DonorGift {
  id: number;
  amountCents: number;
  status: string;
  failureChoice: 'refund' | 'redirect';
  choiceMadeAt: Date | null;
  donorName: string;
  projectId: number | null;
  projectStatus: ProjectStatus | null;
  supported: string;
}

/** The gift behind a signed "manage my gift" link, or undefined. */
export async function findDonorGift(db: Tx, donationId: number): Promise<DonorGift | undefined> {
  const [gift] = await db<DonorGift[]>`
    select d.id, d.amount_cents, d.status, d.failure_choice, d.choice_made_at, d.donor_name, d.project_id,
           p.status as project_status, coalesce(p.title, f.name) as supported
    from donations d left join projects p on p.id = d.project_id left join funds f on f.id = d.fund_id
    where d.id = ${donationId}`;
  return gift;
}

/** Records the donor's choice for a failed campaign; false when the gift is no longer paid (already resolved). */
export async function recordDonorChoice(db: Tx, donationId: number, choice: 'refund' | 'redirect'): Promise<boolean> {
  const updated = await db`
    update donations set failure_choice = ${choice}, choice_made_at = clock_timestamp()
    where id = ${donationId} and status = 'paid' and project_id is not null`;
  return updated.count === 1;
}
