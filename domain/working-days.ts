import Holidays from 'date-holidays';

const FRANCE = new Holidays('FR');
const DAY_MS = 86_400_000;

/** True on a French working day: Monday to Friday, not a public holiday (metropolitan France). */
export function isWorkingDay(date: Date): boolean {
  const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'Europe/Paris' }).format(date);
  if (weekday === 'Sat' || weekday === 'Sun') return false;
  const holidays = FRANCE.isHoliday(date);
  return !holidays || holidays.every((holiday) => holiday.type !== 'public');
}

/**
 * How many calendar days after `from` the given number of working days have passed (the days after the
 * day of `from`): submitted on a Monday, 5 working days are 7 calendar days; across a public holiday, 8.
 */
export function calendarDaysForWorkingDays(from: Date, workingDays: number): number {
  let days = 0;
  for (let counted = 0; counted < workingDays;) {
    days += 1;
    if (isWorkingDay(new Date(from.getTime() + days * DAY_MS))) counted += 1;
  }
  return days;
}
