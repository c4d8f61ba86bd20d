import { describe, expect, it } from 'vitest';
import { calendarDaysForWorkingDays, isWorkingDay } from './working-days.ts';

describe('the review SLA in French working days', () => {
  it('skips the weekend: from a Monday, 5 working days end the next Monday', () => {
    expect(calendarDaysForWorkingDays(new Date('2026-03-02T09:00:00+01:00'), 5)).toBe(7);
  });

  it('counts from the next working day when submitted on a Saturday', () => {
    expect(calendarDaysForWorkingDays(new Date('2026-03-07T09:00:00+01:00'), 5)).toBe(6);
  });

  it('skips French public holidays: Ascension Thursday and Christmas', () => {
    expect(isWorkingDay(new Date('2026-05-14T09:00:00+02:00'))).toBe(false);
    expect(calendarDaysForWorkingDays(new Date('2026-05-11T09:00:00+02:00'), 5)).toBe(8);
    expect(calendarDaysForWorkingDays(new Date('2026-12-21T09:00:00+01:00'), 5)).toBe(8);
  });
});
