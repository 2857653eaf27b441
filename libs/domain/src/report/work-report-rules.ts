import type { Category } from '../code-lists';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { DateRange } from '../periods/periods';
import { addDays, compareDates, datesBetween, LocalDate, maxDate, minDate } from '../time/local-date';

/**
 * The work report's section 三 names problems by what they are about. The
 * ledger recognises that only from what the registrar recorded, never by
 * guessing from free text:
 *
 * - a **subject** is a matter's `subject` tag (the project, employer or place,
 *   e.g. 紫悦华府) as known at the report's position, corrections included;
 *   matters without a tag are counted in totals but never named;
 * - a **topic** is a set of categories within a window of days (the wage
 *   arrears around the Spring Festival: 劳动社保类 contacts from 30 days before
 *   the 春节 holiday to 15 days after it).
 */
export interface TopicDefinition {
  readonly id: string;
  /** As the report names it. */
  readonly name: string;
  readonly categories: readonly Category[];
  /** The window: a named official holiday of the period's year, widened. */
  readonly window: { readonly holiday: string; readonly daysBefore: number; readonly daysAfter: number };
}

export const WORK_REPORT_TOPICS: readonly TopicDefinition[] = [
  {
    id: 'wage_arrears_spring_festival',
    name: '讨要农民工工资和工程款',
    categories: ['labour_social_security'],
    window: { holiday: '春节', daysBefore: 30, daysAfter: 15 },
  },
];

/** A topic with its window resolved to dates inside the report's period. */
export interface TopicWindow {
  readonly topic: TopicDefinition;
  readonly window: DateRange;
}

/** The first and last day of the named holiday in a year, as the official calendar has it (null: unknown). */
export function holidayRange(calendar: WorkingCalendar, year: number, name: string): DateRange | null {
  if (!calendar.knowsYear(year)) return null;
  const days = [...datesBetween(`${year}-01-01` as LocalDate, `${year}-12-31` as LocalDate)].filter(
    (d) => calendar.describeDay(d).holidayName === name,
  );
  return days.length ? { from: days[0], to: days[days.length - 1] } : null;
}

/**
 * Each topic's window in the years the period touches, clipped to the period;
 * a topic whose window lies outside the period (or whose holiday the calendar
 * does not know) is left out rather than reported as zero.
 */
export function topicWindows(
  period: DateRange,
  calendar: WorkingCalendar,
  topics: readonly TopicDefinition[] = WORK_REPORT_TOPICS,
): TopicWindow[] {
  const first = Number(period.from.slice(0, 4));
  const last = Number(period.to.slice(0, 4));
  const out: TopicWindow[] = [];
  for (const topic of topics) {
    for (let year = first; year <= last; year++) {
      const holiday = holidayRange(calendar, year, topic.window.holiday);
      if (!holiday) continue;
      const from = maxDate(addDays(holiday.from, -topic.window.daysBefore), period.from);
      const to = minDate(addDays(holiday.to, topic.window.daysAfter), period.to);
      if (compareDates(from, to) <= 0) out.push({ topic, window: { from, to } });
    }
  }
  return out;
}

/**
 * How a case judged at a meeting (研判) stands at the end of the period:
 * - `resolved` (化解): the matter was resolved (MatterResolved) by then;
 * - `under_control` (稳控): not resolved, but no further contact of any channel
 *   on the matter after the day of the meeting that judged it, and no statutory
 *   limit of it overdue at the period's end: the petitioner is being dealt with
 *   and has not come back;
 * - `open`: anything else (a new contact, or a missed limit).
 */
export type JudgedCaseStanding = 'resolved' | 'under_control' | 'open';

export interface JudgedCaseFacts {
  readonly resolvedBy: LocalDate | null;
  readonly lastContactOn: LocalDate | null;
  readonly judgedOn: LocalDate;
  readonly overdueAtEnd: boolean;
}

export function judgedCaseStanding(c: JudgedCaseFacts, periodEnd: LocalDate): JudgedCaseStanding {
  if (c.resolvedBy !== null && compareDates(c.resolvedBy, periodEnd) <= 0) return 'resolved';
  const cameBack = c.lastContactOn !== null && compareDates(c.lastContactOn, c.judgedOn) > 0;
  return cameBack || c.overdueAtEnd ? 'open' : 'under_control';
}
