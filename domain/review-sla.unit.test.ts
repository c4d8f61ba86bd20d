import { describe, expect, it } from 'vitest';
import { reviewSla, workingDaysBetween } from './review-sla.ts';

const paris = (isoDay: string) => new Date(`${isoDay}T10:00:00+01:00`);

describe('the review SLA in working days', () => {
  it('counts the working days after the day of submission, skipping week-ends and public holidays', () => {
    // Monday 7 December 2026 → Monday 14 December: five working days
    expect(workingDaysBetween(paris('2026-12-07'), paris('2026-12-14'))).toBe(5);
    // Wednesday 23 December → Wednesday 30 December, across Christmas: four
    expect(workingDaysBetween(paris('2026-12-23'), paris('2026-12-30'))).toBe(4);
  });

  it('is on time, then due soon on its last working day, then overdue', () => {
    expect(reviewSla(paris('2026-12-07'), paris('2026-12-09'))).toEqual({
      workingDaysWaited: 2,
      workingDaysLeft: 3,
      state: 'on_time',
    });
    expect(reviewSla(paris('2026-12-07'), paris('2026-12-11')).state).toBe('due_soon');
    expect(reviewSla(paris('2026-12-07'), paris('2026-12-14')).state).toBe('due_soon');
    expect(reviewSla(paris('2026-12-07'), paris('2026-12-15'))).toEqual({
      workingDaysWaited: 6,
      workingDaysLeft: -1,
      state: 'overdue',
    });
  });
});
