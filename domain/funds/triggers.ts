import { topUpWindowLength } from '../campaign.ts';
import { euros, frenchDate } from './format.ts';
import type { Check, Fund, GrantKind, ProjectFacts } from './types.ts';

/** Seeding is for campaigns that opened while the fund was valid (a new fund does not seed old campaigns). */
export function checkSeedingTrigger(fund: Fund, project: ProjectFacts): Check {
  const opened = project.publishedOn;
  const met = opened !== null && fund.validFrom <= opened && opened <= fund.validUntil;
  const label =
    opened === null
      ? 'campagne ouverte pendant la validité du fonds (campagne pas encore ouverte)'
      : `campagne ouverte pendant la validité du fonds (ouverte le ${frenchDate(opened)})`;
  return { ok: met, conditions: [{ label, met }] };
}

/**
 * The top-up trigger: at least P % of the minimum collected, at least N donors, D days or fewer left but
 * no more than half the campaign, and the minimum not reached yet. Collected money includes the grants
 * already reserved for the project.
 */
export function checkTopUpTrigger(fund: Fund, project: ProjectFacts): Check {
  const { topUpThresholdPct, topUpMinDonors, topUpDaysLeft } = fund.rules;
  const { collectedCents, minimumGoalCents, donorCount, daysLeft, campaignDays } = project;
  const windowDays = topUpWindowLength(topUpDaysLeft, campaignDays);
  const conditions = [
    {
      label: `au moins ${topUpThresholdPct} % du minimum collecté (${euros(collectedCents)} sur ${euros(minimumGoalCents)})`,
      met: collectedCents * 100 >= topUpThresholdPct * minimumGoalCents,
    },
    { label: `au moins ${topUpMinDonors} donateurs (${donorCount})`, met: donorCount >= topUpMinDonors },
    {
      label:
        windowDays < topUpDaysLeft
          ? `au plus ${decimal(windowDays)} jours restants, la moitié de la campagne (${daysLeft})`
          : `au plus ${topUpDaysLeft} jours restants (${daysLeft})`,
      met: daysLeft <= windowDays,
    },
    { label: 'minimum pas encore atteint', met: collectedCents < minimumGoalCents },
  ];
  return { ok: conditions.every((condition) => condition.met), conditions };
}

const decimal = (days: number) => String(Math.round(days * 10) / 10).replace('.', ',');

/** True when the top-up trigger holds for the project (see checkTopUpTrigger for the reasons). */
export function topUpTriggerHolds(fund: Fund, project: ProjectFacts): boolean {
  return checkTopUpTrigger(fund, project).ok;
}

/** The trigger of the given kind of grant. */
export function checkTrigger(kind: GrantKind, fund: Fund, project: ProjectFacts): Check {
  return kind === 'seeding' ? checkSeedingTrigger(fund, project) : checkTopUpTrigger(fund, project);
}
