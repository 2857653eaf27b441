import { LocalDate, yearOf } from '../time/local-date';
import { WorkingCalendar } from './working-calendar';

/**
 * From this day of the year on (MM-DD), the next year's calendar is due: the
 * State Council publishes it in October to December, and limits counted from
 * December facts already run into January.
 */
export const NEXT_YEAR_DUE_FROM = '11-01';

export interface CalendarCoverage {
  readonly knownYears: readonly number[];
  /** The years the calendar should know by `today` and does not. */
  readonly missingYears: readonly number[];
  /** One sentence per missing year, for the readiness details, the start-up log and `ledger stats`. */
  readonly warnings: readonly string[];
}

/**
 * Whether the official calendar covers the current year, and from 1 November
 * the next one too. A missing year does not stop the service (weekends stand
 * in as the only rest days and every deadline says so), but an office must be
 * told before a deadline is counted wrongly.
 */
export function calendarCoverage(calendar: WorkingCalendar, today: LocalDate): CalendarCoverage {
  const year = yearOf(today);
  const due = today.slice(5) >= NEXT_YEAR_DUE_FROM ? [year, year + 1] : [year];
  const missingYears = due.filter((y) => !calendar.knowsYear(y));
  const warnings = missingYears.map(
    (y) =>
      `the official calendar has no data for ${y}: deadlines in ${y} treat weekends as the only rest days ` +
      `(add ${y} to the calendar file, or point LEDGER_CALENDAR_FILE at one that has it)`,
  );
  return { knownYears: calendar.knownYears, missingYears, warnings };
}
