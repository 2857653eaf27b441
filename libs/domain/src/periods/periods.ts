import { err, ok, Result } from '../result';
import {
  addDays,
  addMonths,
  addYears,
  compareDates,
  dateParts,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  formatDate,
  LocalDate,
  parseLocalDate,
} from '../time/local-date';

/** Inclusive local dates in the business time zone. */
export interface DateRange {
  readonly from: LocalDate;
  readonly to: LocalDate;
}

export type PeriodKind = 'week' | 'half_month' | 'month' | 'year' | 'range';

export interface Period extends DateRange {
  readonly kind: PeriodKind;
  /** `2022-W14`, `2022-04-H1`, `2022-04`, `2022`, or `2022-01-01/2022-06-30`. */
  readonly id: string;
}

export interface PeriodError {
  readonly code: 'period-malformed' | 'period-out-of-range';
  readonly input: string;
  readonly message: string;
}

const malformed = (input: string, expected: string): Result<never, PeriodError> =>
  err({ code: 'period-malformed', input, message: `"${input}" is not a period id; expected ${expected}` });
const outOfRange = (input: string, why: string): Result<never, PeriodError> =>
  err({ code: 'period-out-of-range', input, message: `"${input}": ${why}` });

const pad2 = (n: number) => String(n).padStart(2, '0');
const pad4 = (n: number) => String(n).padStart(4, '0');
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

// ---- ISO week (Monday–Sunday; week 1 holds the year's first Thursday) ----

function isoWeek1Monday(weekYear: number): LocalDate {
  const jan4 = formatDate(weekYear, 1, 4);
  return addDays(jan4, 1 - dayOfWeek(jan4));
}

function isoWeeksIn(weekYear: number): number {
  return daysBetween(isoWeek1Monday(weekYear), isoWeek1Monday(weekYear + 1)) / 7;
}

function weekPeriod(weekYear: number, week: number): Period {
  const from = addDays(isoWeek1Monday(weekYear), (week - 1) * 7);
  return { kind: 'week', id: `${pad4(weekYear)}-W${pad2(week)}`, from, to: addDays(from, 6) };
}

export function parseWeek(input: string): Result<Period, PeriodError> {
  const match = /^(\d{4})-W(\d{2})$/.exec(input);
  if (!match) return malformed(input, 'an ISO week such as 2022-W14');
  const [weekYear, week] = [Number(match[1]), Number(match[2])];
  if (weekYear < MIN_YEAR + 1 || weekYear > MAX_YEAR - 1) return outOfRange(input, 'year out of range');
  if (week < 1 || week > isoWeeksIn(weekYear)) {
    return outOfRange(input, `${weekYear} has ISO weeks 01–${isoWeeksIn(weekYear)}`);
  }
  return ok(weekPeriod(weekYear, week));
}

export function weekOf(date: LocalDate): Period {
  // The ISO week-year is the year of the Thursday of the date's week.
  const thursday = addDays(date, 4 - dayOfWeek(date));
  const weekYear = dateParts(thursday).year;
  return weekPeriod(weekYear, Math.floor(daysBetween(isoWeek1Monday(weekYear), thursday) / 7) + 1);
}

// ---- half-month (1–15, 16–end) ----

function halfMonthPeriod(year: number, month: number, half: 1 | 2): Period {
  const from = formatDate(year, month, half === 1 ? 1 : 16);
  const to = formatDate(year, month, half === 1 ? 15 : daysInMonth(year, month));
  return { kind: 'half_month', id: `${pad4(year)}-${pad2(month)}-H${half}`, from, to };
}

export function parseHalfMonth(input: string): Result<Period, PeriodError> {
  const match = /^(\d{4})-(\d{2})-H([12])$/.exec(input);
  if (!match) return malformed(input, 'a half-month such as 2022-04-H1 or 2022-04-H2');
  const [year, month] = [Number(match[1]), Number(match[2])];
  if (year < MIN_YEAR || month < 1 || month > 12) return outOfRange(input, 'no such month');
  return ok(halfMonthPeriod(year, month, match[3] === '1' ? 1 : 2));
}

export function halfMonthOf(date: LocalDate): Period {
  const { year, month, day } = dateParts(date);
  return halfMonthPeriod(year, month, day <= 15 ? 1 : 2);
}

// ---- month and year ----

function monthPeriod(year: number, month: number): Period {
  return {
    kind: 'month',
    id: `${pad4(year)}-${pad2(month)}`,
    from: formatDate(year, month, 1),
    to: formatDate(year, month, daysInMonth(year, month)),
  };
}

export function parseMonth(input: string): Result<Period, PeriodError> {
  const match = /^(\d{4})-(\d{2})$/.exec(input);
  if (!match) return malformed(input, 'a month such as 2022-04');
  const [year, month] = [Number(match[1]), Number(match[2])];
  if (year < MIN_YEAR || month < 1 || month > 12) return outOfRange(input, 'no such month');
  return ok(monthPeriod(year, month));
}

export function monthOf(date: LocalDate): Period {
  const { year, month } = dateParts(date);
  return monthPeriod(year, month);
}

function yearPeriod(year: number): Period {
  return { kind: 'year', id: pad4(year), from: formatDate(year, 1, 1), to: formatDate(year, 12, 31) };
}

export function parseYear(input: string): Result<Period, PeriodError> {
  if (!/^\d{4}$/.test(input)) return malformed(input, 'a year such as 2022');
  if (Number(input) < MIN_YEAR) return outOfRange(input, 'no such year');
  return ok(yearPeriod(Number(input)));
}

export function yearPeriodOf(date: LocalDate): Period {
  return yearPeriod(dateParts(date).year);
}

// ---- arbitrary ranges ----

export function rangePeriod(from: string, to: string): Result<Period, PeriodError> {
  const input = `${from}/${to}`;
  const f = parseLocalDate(from);
  const t = parseLocalDate(to);
  if (!f.ok) return err({ code: 'period-malformed', input, message: `from: ${f.error.message}` });
  if (!t.ok) return err({ code: 'period-malformed', input, message: `to: ${t.error.message}` });
  if (compareDates(from, to) > 0) return outOfRange(input, '"from" is after "to"');
  return ok({ kind: 'range', id: input, from, to });
}

/** Any period id: week, half-month, month, year, or `from/to` (`from..to` is accepted too). */
export function parsePeriod(input: string): Result<Period, PeriodError> {
  if (typeof input !== 'string') return malformed(String(input), 'a string');
  if (/W/.test(input)) return parseWeek(input);
  if (/H/.test(input)) return parseHalfMonth(input);
  const range = /^(.+?)(?:\/|\.\.)(.+)$/.exec(input);
  if (range) return rangePeriod(range[1], range[2]);
  if (/^\d{4}-\d{2}$/.test(input)) return parseMonth(input);
  if (/^\d{4}$/.test(input)) return parseYear(input);
  return malformed(input, '2022-W14, 2022-04-H1, 2022-04, 2022 or 2022-01-01/2022-06-30');
}

export function formatPeriod(period: Period): string {
  return period.id;
}

export function periodContains(range: DateRange, date: LocalDate): boolean {
  return compareDates(range.from, date) <= 0 && compareDates(date, range.to) <= 0;
}

/**
 * The period just before: the previous week, half-month, month or year; for
 * a range, the range of the same length that ends the day before it starts.
 */
export function previousPeriod(period: Period): Period {
  switch (period.kind) {
    case 'week':
      return weekOf(addDays(period.from, -7));
    case 'half_month':
      return halfMonthOf(addDays(period.from, -1));
    case 'month':
      return monthOf(addMonths(period.from, -1));
    case 'year':
      return yearPeriodOf(addYears(period.from, -1));
    case 'range': {
      const to = addDays(period.from, -1);
      const from = addDays(to, -daysBetween(period.from, period.to));
      return { kind: 'range', id: `${from}/${to}`, from, to };
    }
  }
}

/**
 * "Same period last year": the same dates one year earlier (29 February
 * becomes 28 February). Deliberately not "the same week": an ISO week a year
 * earlier covers different dates.
 */
export function sameDatesOneYearEarlier(range: DateRange): Period {
  const from = addYears(range.from, -1);
  const to = addYears(range.to, -1);
  return { kind: 'range', id: `${from}/${to}`, from, to };
}
