import type { Cents } from './money.ts';

/** Progress milestones that donors and the porteur are told about (DESIGN.md §E-mails). */
export const MILESTONES = ['half_minimum', 'minimum_reached', 'optimum_reached'] as const;
export type Milestone = (typeof MILESTONES)[number];

/** A campaign's money: donations collected and fund grants reserved for it. */
export interface CampaignMoney {
  collectedCents: Cents;
  reservedGrantCents: Cents;
}

/** The milestones crossed between two readings of a campaign's money, in order. */
export function milestonesReached(
  before: CampaignMoney,
  after: CampaignMoney,
  goals: { minimumGoalCents: Cents; optimumGoalCents: Cents },
): Milestone[] {
  const total = (money: CampaignMoney) => money.collectedCents + money.reservedGrantCents;
  const thresholds: [Milestone, Cents][] = [
    ['half_minimum', Math.ceil(goals.minimumGoalCents / 2)],
    ['minimum_reached', goals.minimumGoalCents],
    ['optimum_reached', goals.optimumGoalCents],
  ];
  return thresholds
    .filter(([, threshold]) => total(before) < threshold && total(after) >= threshold)
    .map(([milestone]) => milestone);
}

/** What a campaign still needs to reach its optimum: the most a new gift may be (0 once it is reached). */
export function stillNeededCents(money: CampaignMoney, optimumGoalCents: Cents): Cents {
  return Math.max(0, optimumGoalCents - money.collectedCents - money.reservedGrantCents);
}

/**
 * True while a campaign takes gifts: published and before its deadline. Past it, the project may still show as
 * published until the lifecycle records its outcome, but gives no more.
 */
export function takesGifts(project: { status: string; campaignEndsAt: Date | null }, now: Date): boolean {
  return project.status === 'published' && project.campaignEndsAt !== null && project.campaignEndsAt > now;
}

/** Whole days left before the campaign ends (0 once it has ended), counting a started day as a day. */
export function daysLeft(now: Date, campaignEndsAt: Date): number {
  return Math.max(0, Math.ceil((campaignEndsAt.getTime() - now.getTime()) / 86_400_000));
}

/**
 * How long before its deadline a campaign's top-up window opens: D before it, but never before the
 * campaign's half (DESIGN.md §Funds: a 7-day campaign is not « near its deadline » on its first day). Any unit.
 */
export function topUpWindowLength(window: number, campaignLength: number): number {
  return Math.min(window, campaignLength / 2);
}
