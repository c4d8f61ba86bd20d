import type { Tx } from '../client.ts';
import type { ProjectStatus } from '../../domain/project-status.ts';
import { findCampaignProgress, type CampaignProgress } from './grants.ts';

/** What a gift to a project is checked against: the campaign's state and money. */
export interface GiftTarget extends CampaignProgress {
  id: number;
  title: string;
  status: ProjectStatus;
  optimumGoalCents: number;
  campaignEndsAt: Date | null;
  /** the campaign's deadline has passed (its outcome may not be recorded yet) */
  pastDeadline: boolean;
}

/** The project a gift would go to, its row locked so two gifts see each other's checks in turn; or undefined. */
export async function lockGiftProject(db: Tx, projectId: number): Promise<GiftTarget | undefined> {
  const [project] = await db<Omit<GiftTarget, keyof CampaignProgress>[]>`
    select id, title, status, optimum_goal_cents, campaign_ends_at,
           coalesce(campaign_ends_at <= now(), false) as past_deadline
    from projects where id = ${projectId} for update`;
  return project && { ...project, ...(await findCampaignProgress(db, projectId)) };
}

/** A fund open to gifts today (within its validity window), or undefined. */
export async function findOpenFund(db: Tx, fundId: number): Promise<{ id: number; name: string } | undefined> {
  const [fund] = await db<{ id: number; name: string }[]>`
    select id, name from funds where id = ${fundId} and current_date between valid_from and valid_until`;
  return fund;
}

/** Funds open to gifts today, the general solidarity fund first, with what each supports. */
export async function listOpenFunds(db: Tx) {
  return db<
    {
      id: number;
      name: string;
      sponsorName: string;
      isGeneralSolidarity: boolean;
      themes: string[];
      departements: string[];
      levels: string[];
      prioritySchoolsOnly: boolean;
    }[]
  >`
    select id, name, sponsor_name, is_general_solidarity, themes, departements, levels, priority_schools_only
    from funds where current_date between valid_from and valid_until
    order by is_general_solidarity desc, name, id`;
}

/** Keeps the Checkout Session a pending donation is paid through. */
export async function setCheckoutSession(db: Tx, donationId: number, sessionId: string): Promise<void> {
  await db`update donations set stripe_checkout_session_id = ${sessionId} where id = ${donationId}`;
}

/** Gives up a pending donation whose payment could not even start. */
export async function abandonDonation(db: Tx, donationId: number): Promise<void> {
  await db`update donations set status = 'expired' where id = ${donationId} and status = 'pending'`;
}

/** The donation paid through a Checkout Session, as the local checkout page and the return pages show it. */
export async function findDonationOfSession(db: Tx, sessionId: string) {
  const [row] = await db<
    { id: number; amountCents: number; status: string; projectId: number | null; supported: string }[]
  >`
    select d.id, d.amount_cents, d.status, d.project_id, coalesce(p.title, f.name) as supported
    from donations d left join projects p on p.id = d.project_id left join funds f on f.id = d.fund_id
    where d.stripe_checkout_session_id = ${sessionId}`;
  return row;
}
