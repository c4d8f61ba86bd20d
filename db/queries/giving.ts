import type { Tx } from '../client.ts';
import type { CampaignMoney } from '../../domain/campaign.ts';
import type { ProjectStatus } from '../../domain/project-status.ts';
import { heldGiftCents } from './gift-holds.ts';
import { reservedGrantCents } from './grants.ts';
import { projectBalance } from './ledger.ts';

/** What a gift to a project is checked against: the campaign's state and money, and the gifts being paid. */
export interface GiftTarget extends CampaignMoney {
  id: number;
  title: string;
  status: ProjectStatus;
  optimumGoalCents: number;
  /** gifts started whose Checkout Session has not expired (the donor may still pay them) */
  heldCents: number;
  campaignEndsAt: Date | null;
}

/**
 * The project a gift would go to, its row locked so two gifts see each other's checks in turn, with its money
 * read in one statement (a payment committing meanwhile is seen either held or paid, never neither); or undefined.
 */
export async function lockGiftProject(db: Tx, projectId: number): Promise<GiftTarget | undefined> {
  const [locked] = await db`select id from projects where id = ${projectId} for update`;
  if (!locked) return undefined;
  const [project] = await db<GiftTarget[]>`
    select p.id, p.title, p.status, p.optimum_goal_cents, p.campaign_ends_at, ${projectBalance(db)} as collected_cents,
           ${reservedGrantCents(db)}::bigint as reserved_grant_cents, ${heldGiftCents(db)}::bigint as held_cents
    from projects p where p.id = ${projectId}`;
  return project;
}

/** Whether a project's money has left it already: paid out to its structure, or given back (failed, cancelled). */
export async function projectMoneyGone(db: Tx, projectId: number): Promise<boolean> {
  const [row] = await db<{ gone: boolean }[]>`
    select p.status in ('failed', 'resolving', 'closed', 'cancelled')
           or exists (select 1 from payouts o where o.project_id = p.id) as gone
    from projects p where p.id = ${projectId}`;
  return row?.gone ?? false;
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
