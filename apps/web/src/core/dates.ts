/** Calendar arithmetic on YYYY-MM-DD dates and ISO weeks (YYYY-Www), in UTC so no zone shifts a day. */

const DAY = 86_400_000;

function toUtc(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY);
}

/** The ISO week of a date, e.g. 2022-12-18 → 2022-W50. */
export function isoWeek(date: string): string {
  const ms = toUtc(date);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday 0
  const thursday = ms + (3 - weekday) * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const firstThursday = Date.UTC(year, 0, 4);
  const firstWeekday = (new Date(firstThursday).getUTCDay() + 6) % 7;
  const week1Monday = firstThursday - firstWeekday * DAY;
  const week = Math.floor((thursday - week1Monday) / (7 * DAY)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday of an ISO week. */
export function weekMonday(week: string): string {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) throw new Error(`not an ISO week: ${week}`);
  const year = Number(match[1]);
  const firstThursday = Date.UTC(year, 0, 4);
  const firstWeekday = (new Date(firstThursday).getUTCDay() + 6) % 7;
  return fromUtc(firstThursday - firstWeekday * DAY + (Number(match[2]) - 1) * 7 * DAY);
}

/** The `count` weeks ending with `week`, oldest first. */
export function weeksEnding(week: string, count: number): string[] {
  const monday = weekMonday(week);
  return Array.from({ length: count }, (_, i) => isoWeek(addDays(monday, -7 * (count - 1 - i))));
}

export function isIsoWeek(value: string): boolean {
  return /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/.test(value);
}
