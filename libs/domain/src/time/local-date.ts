import { err, ok, Result } from '../result';

/**
 * A calendar date in the business time zone, written `YYYY-MM-DD`.
 *
 * Arithmetic is done on day numbers with integer civil-calendar formulas,
 * never through `Date`, so the host's time zone and DST can never shift a day.
 * Because the format is fixed-width, string order is date order.
 */
export type LocalDate = string;

/** ISO day of week: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface LocalDateError {
  readonly code: 'date-malformed' | 'date-out-of-range';
  readonly input: string;
  readonly message: string;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function parseLocalDate(input: string): Result<LocalDate, LocalDateError> {
  const match = DATE_PATTERN.exec(input);
  if (!match) {
    return err({ code: 'date-malformed', input, message: `"${input}" is not a date of the form YYYY-MM-DD` });
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return err({ code: 'date-out-of-range', input, message: `"${input}" is not a day of the calendar` });
  }
  return ok(input);
}

export function isLocalDate(input: unknown): input is LocalDate {
  return typeof input === 'string' && parseLocalDate(input).ok;
}

/** Dates already checked: reports compare the same few thousand dates again and again. */
const checkedDates = new Set<string>();
const MAX_CHECKED_DATES = 100_000;

/** Throws on anything that is not a valid date: internal callers pass only validated dates. */
function assertDate(date: LocalDate): void {
  if (checkedDates.has(date)) return;
  const parsed = parseLocalDate(date);
  if (!parsed.ok) throw new RangeError(parsed.error.message);
  if (checkedDates.size >= MAX_CHECKED_DATES) checkedDates.clear();
  checkedDates.add(date);
}

export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function dateParts(date: LocalDate): DateParts {
  assertDate(date);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

export function formatDate(year: number, month: number, day: number): LocalDate {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  assertDate(text);
  return text;
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
export function toDayNumber(date: LocalDate): number {
  const { year, month, day } = dateParts(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of toDayNumber (civil_from_days). */
export function fromDayNumber(dayNumber: number): LocalDate {
  if (!Number.isInteger(dayNumber)) throw new RangeError(`day number ${dayNumber} is not an integer`);
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return formatDate(year, month, day);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function compareDates(a: LocalDate, b: LocalDate): -1 | 0 | 1 {
  assertDate(a);
  assertDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

export const isBefore = (a: LocalDate, b: LocalDate): boolean => compareDates(a, b) < 0;
export const isAfter = (a: LocalDate, b: LocalDate): boolean => compareDates(a, b) > 0;
export const maxDate = (a: LocalDate, b: LocalDate): LocalDate => (compareDates(a, b) >= 0 ? a : b);
export const minDate = (a: LocalDate, b: LocalDate): LocalDate => (compareDates(a, b) <= 0 ? a : b);

export function dayOfWeek(date: LocalDate): IsoWeekday {
  // 1970-01-01 was a Thursday (ISO 4).
  return (((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

export function isWeekend(date: LocalDate): boolean {
  return dayOfWeek(date) >= 6;
}

export function firstDayOfMonth(date: LocalDate): LocalDate {
  const { year, month } = dateParts(date);
  return formatDate(year, month, 1);
}

export function lastDayOfMonth(date: LocalDate): LocalDate {
  const { year, month } = dateParts(date);
  return formatDate(year, month, daysInMonth(year, month));
}

export function yearOf(date: LocalDate): number {
  return dateParts(date).year;
}

/** Same month and day `years` later (or earlier); 29 February becomes 28 February in a common year. */
export function addYears(date: LocalDate, years: number): LocalDate {
  const { year, month, day } = dateParts(date);
  const target = year + years;
  return formatDate(target, month, Math.min(day, daysInMonth(target, month)));
}

/** Same day-of-month `months` later (or earlier), clamped to the target month's last day. */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const { year, month, day } = dateParts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return formatDate(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** Every date from `from` to `to`, both included. */
export function* datesBetween(from: LocalDate, to: LocalDate): Generator<LocalDate> {
  for (let n = toDayNumber(from), end = toDayNumber(to); n <= end; n++) yield fromDayNumber(n);
}
