import { addDays, dayOfWeek, LocalDate, WorkingCalendar } from '@app/domain';
import { Random } from './random';

/** The demo city's instants are written in its own zone, China Standard Time. */
export const OFFSET = '+08:00';
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const OFFSET_MS = 8 * HOUR;

export function iso(ms: number): string {
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 19) + OFFSET;
}

export function dateOf(ms: number): LocalDate {
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10) as LocalDate;
}

export function midnight(date: string): number {
  return Date.parse(`${date}T00:00:00${OFFSET}`);
}

export function at(date: string, hours: number): number {
  return midnight(date) + Math.round(hours * 60) * MINUTE;
}

export function nextWorkingDate(calendar: WorkingCalendar, date: LocalDate): LocalDate {
  let day = date;
  while (!calendar.isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

export function isoWeekday(date: LocalDate): number {
  return dayOfWeek(date);
}

/** A time during office hours (08:30–17:30) on `date`, to the minute. */
export function officeTime(rng: Random, date: LocalDate): number {
  return at(date, rng.between(8.5, 17.5));
}

/**
 * Some time `minDays`..`maxDays` after `fromMs`, in office hours on a working day
 * (unless `anyDay`), and never before `fromMs` itself.
 */
export function later(
  rng: Random,
  calendar: WorkingCalendar,
  fromMs: number,
  minDays: number,
  maxDays: number,
  anyDay = false,
): number {
  const target = fromMs + rng.between(minDays, maxDays) * DAY;
  const date = anyDay ? dateOf(target) : nextWorkingDate(calendar, dateOf(target));
  const ms = anyDay ? target : officeTime(rng, date);
  return Math.max(ms, fromMs + rng.int(10, 90) * MINUTE);
}
