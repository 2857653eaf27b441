import { addWorkingDays, nextWorkingDayOnOrAfter, WorkingCalendar } from '../calendar/working-calendar';
import { addDays, compareDates, LocalDate } from '../time/local-date';
import { localDateOf } from '../time/time-zone';
import { StatutoryLimit } from './statutory-limits';

/** Everything the clock needs besides the facts; read from configuration outside the domain. */
export interface ClockSettings {
  readonly timeZone: string;
  readonly calendar: WorkingCalendar;
  /** Move a last day that is not a working day to the next working day (民法典 art. 203). Default true. */
  readonly rollForward?: boolean;
}

export interface LastDay {
  /** The limit ends at the end of this day, in the business time zone. */
  readonly lastDay: LocalDate;
  /** Years the calendar did not know, for which only weekends were treated as rest days. */
  readonly assumedYears: readonly number[];
}

export interface LastDayOptions {
  readonly calendar: WorkingCalendar;
  readonly rollForward?: boolean;
  /** Extra days granted by an extension: D + N + E, then the roll-forward. */
  readonly extensionDays?: number;
}

/**
 * The last day of a limit that starts with a fact on `factDay`.
 * The fact's own day is not counted (民法典 art. 201).
 */
export function lastDayOf(limit: StatutoryLimit, factDay: LocalDate, options: LastDayOptions): LastDay {
  const days = limit.length + (options.extensionDays ?? 0);
  // Pure in (calendar, unit, days, day, roll-forward): remembered per calendar, since every event that can move
  // a limit recomputes all of a matter's limits, and rebuilding a log asks the same few thousand questions.
  let memo = lastDays.get(options.calendar);
  if (!memo) {
    memo = new Map();
    lastDays.set(options.calendar, memo);
  }
  const key = `${limit.unit}|${days}|${factDay}|${options.rollForward === false ? 0 : 1}`;
  let known = memo.get(key);
  if (!known) {
    const computed = computeLastDay(limit, days, factDay, options);
    known = Object.freeze({ lastDay: computed.lastDay, assumedYears: Object.freeze([...computed.assumedYears]) });
    if (memo.size >= MAX_REMEMBERED_DAYS) memo.clear();
    memo.set(key, known);
  }
  return known;
}

const MAX_REMEMBERED_DAYS = 20_000;
const lastDays = new WeakMap<WorkingCalendar, Map<string, LastDay>>();

function computeLastDay(limit: StatutoryLimit, days: number, factDay: LocalDate, options: LastDayOptions): LastDay {
  if (limit.unit === 'working_days') {
    // Counting only working days already ends on one: nothing to roll.
    const { date, assumedYears } = addWorkingDays(options.calendar, factDay, days);
    return { lastDay: date, assumedYears };
  }
  const end = addDays(factDay, days);
  if (options.rollForward === false) return { lastDay: end, assumedYears: [] };
  const { date, assumedYears } = nextWorkingDayOnOrAfter(options.calendar, end);
  return { lastDay: date, assumedYears };
}

/** Same as lastDayOf, for a fact given as an instant: its day is the business-zone date. */
export function lastDayAfterInstant(
  limit: StatutoryLimit,
  factAt: string,
  settings: ClockSettings,
  extensionDays = 0,
): LastDay {
  return lastDayOf(limit, localDateOf(factAt, settings.timeZone), {
    calendar: settings.calendar,
    rollForward: settings.rollForward,
    extensionDays,
  });
}

/** A fact on the last day is in time; from the next day it is late. */
export function isInTime(factDay: LocalDate, lastDay: LocalDate): boolean {
  return compareDates(factDay, lastDay) <= 0;
}

/** A limit is overdue from the day after its last day. */
export function isPast(lastDay: LocalDate, asOf: LocalDate): boolean {
  return compareDates(asOf, lastDay) > 0;
}
