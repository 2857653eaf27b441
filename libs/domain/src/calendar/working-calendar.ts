import { addDays, datesBetween, isAfter, isWeekend, LocalDate, parseLocalDate, yearOf } from '../time/local-date';

/**
 * The shape of `cn-official-calendar.json`. A later year is added by adding
 * data, never code: `years` is open-ended.
 */
export interface CalendarData {
  readonly about?: string;
  readonly sources?: Readonly<Record<string, string>>;
  readonly years: Readonly<
    Record<
      string,
      {
        /** Inclusive ranges `[from, to, name?]`; a range may start in the previous year (元旦). */
        readonly holidays: ReadonlyArray<readonly [string, string, string?] | readonly string[]>;
        /** Make-up working days (调休上班) that fall on a weekend. */
        readonly workdays: readonly string[];
      }
    >
  >;
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

export interface DayInfo {
  readonly date: LocalDate;
  readonly kind: DayKind;
  readonly working: boolean;
  readonly holidayName?: string;
  /** True when the day's year is not in the data, so only weekends were treated as rest days. */
  readonly assumed: boolean;
}

export interface WorkingCalendar {
  isWorkingDay(date: LocalDate): boolean;
  describeDay(date: LocalDate): DayInfo;
  knowsYear(year: number): boolean;
  readonly knownYears: readonly number[];
}

export class CalendarDataError extends Error {
  constructor(message: string) {
    super(`calendar data: ${message}`);
    this.name = 'CalendarDataError';
  }
}

function validDate(value: unknown, where: string): LocalDate {
  const parsed = typeof value === 'string' ? parseLocalDate(value) : null;
  if (!parsed || !parsed.ok) throw new CalendarDataError(`${where}: ${JSON.stringify(value)} is not a YYYY-MM-DD date`);
  return parsed.value;
}

/** Builds a calendar from data passed in (the domain reads no files); throws CalendarDataError on bad data. */
export function createWorkingCalendar(data: CalendarData): WorkingCalendar {
  if (!data || typeof data !== 'object' || !data.years || typeof data.years !== 'object') {
    throw new CalendarDataError('expected an object with "years"');
  }
  const holidays = new Map<LocalDate, string>();
  const makeupWorkdays = new Set<LocalDate>();
  const knownYears: number[] = [];

  for (const [yearKey, year] of Object.entries(data.years)) {
    if (!/^\d{4}$/.test(yearKey)) throw new CalendarDataError(`"${yearKey}" is not a year`);
    if (!Array.isArray(year?.holidays) || !Array.isArray(year?.workdays)) {
      throw new CalendarDataError(`${yearKey}: expected "holidays" and "workdays" arrays`);
    }
    knownYears.push(Number(yearKey));
    year.holidays.forEach((range, i) => {
      const from = validDate(range?.[0], `${yearKey} holiday #${i + 1}`);
      const to = validDate(range?.[1], `${yearKey} holiday #${i + 1}`);
      if (isAfter(from, to)) throw new CalendarDataError(`${yearKey} holiday #${i + 1} ends before it starts`);
      for (const date of datesBetween(from, to)) holidays.set(date, String(range[2] ?? ''));
    });
    year.workdays.forEach((value, i) => makeupWorkdays.add(validDate(value, `${yearKey} workday #${i + 1}`)));
  }
  for (const date of makeupWorkdays) {
    if (holidays.has(date)) throw new CalendarDataError(`${date} is listed both as a holiday and as a working day`);
  }
  knownYears.sort((a, b) => a - b);
  const known = new Set(knownYears);

  const describeDay = (date: LocalDate): DayInfo => {
    const assumed = !known.has(yearOf(date));
    const holidayName = holidays.get(date);
    if (holidayName !== undefined) {
      return { date, kind: 'holiday', working: false, assumed, ...(holidayName ? { holidayName } : {}) };
    }
    if (makeupWorkdays.has(date)) return { date, kind: 'makeup_workday', working: true, assumed };
    return isWeekend(date)
      ? { date, kind: 'weekend', working: false, assumed }
      : { date, kind: 'workday', working: true, assumed };
  };

  return {
    describeDay,
    isWorkingDay: (date) => describeDay(date).working,
    knowsYear: (year) => known.has(year),
    knownYears,
  };
}

/** A date computed from the calendar, with the years for which weekends had to stand in for the official data. */
export interface CalendarResult {
  readonly date: LocalDate;
  readonly assumedYears: readonly number[];
}

class AssumedYears {
  private readonly years = new Set<number>();
  note(info: DayInfo): DayInfo {
    if (info.assumed) this.years.add(yearOf(info.date));
    return info;
  }
  list(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }
}

/** The date itself if it is a working day, else the next working day. */
export function nextWorkingDayOnOrAfter(calendar: WorkingCalendar, date: LocalDate): CalendarResult {
  const assumed = new AssumedYears();
  let day = date;
  while (!assumed.note(calendar.describeDay(day)).working) day = addDays(day, 1);
  return { date: day, assumedYears: assumed.list() };
}

/** The n-th working day after `date` (the day itself is not counted). */
export function addWorkingDays(calendar: WorkingCalendar, date: LocalDate, n: number): CalendarResult {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  const assumed = new AssumedYears();
  let day = date;
  for (let counted = 0; counted < n;) {
    day = addDays(day, 1);
    if (assumed.note(calendar.describeDay(day)).working) counted++;
  }
  return { date: day, assumedYears: assumed.list() };
}
