import { REVIEW_SLA_WORKING_DAYS } from './lifecycle.ts';
import { isWorkingDay } from './working-days.ts';

const DAY_MS = 86_400_000;

/** Where a review stands against its SLA: due soon on its last working day, overdue once past it. */
export type ReviewSlaState = 'on_time' | 'due_soon' | 'overdue';

/** A review's standing: working days waited since submission (not counting the day of submission), days left. */
export interface ReviewSla {
  workingDaysWaited: number;
  workingDaysLeft: number;
  state: ReviewSlaState;
}

/** The working days after `from`'s day, up to and including `to`'s day. */
export function workingDaysBetween(from: Date, to: Date): number {
  let count = 0;
  for (let day = from.getTime() + DAY_MS; day <= to.getTime(); day += DAY_MS) {
    if (isWorkingDay(new Date(day))) count += 1;
  }
  return count;
}

/** How a review submitted at `submittedAt` stands at `now` against the 5-working-day SLA. */
export function reviewSla(submittedAt: Date, now: Date): ReviewSla {
  const workingDaysWaited = workingDaysBetween(submittedAt, now);
  const workingDaysLeft = REVIEW_SLA_WORKING_DAYS - workingDaysWaited;
  const state = workingDaysLeft < 0 ? 'overdue' : workingDaysLeft <= 1 ? 'due_soon' : 'on_time';
  return { workingDaysWaited, workingDaysLeft, state };
}
