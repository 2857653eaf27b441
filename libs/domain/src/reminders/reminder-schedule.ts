import type { LocalDate } from '../time/local-date';
import { localDateOf } from '../time/time-zone';

/** `LEDGER_REMINDER_AT`: the local time of day (HH:MM, business time zone) the daily reminder goes out. */
export const DEFAULT_REMINDER_AT = '08:30';

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after local midnight of `HH:MM`, or null when it is not a time of day. */
export function parseReminderAt(value: string): number | null {
  const m = HH_MM.exec(value);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function minutesOfDay(epochMs: number, timeZone: string): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  const parts = f.formatToParts(epochMs);
  const part = (t: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === t)?.value);
  return part('hour') * 60 + part('minute');
}

/**
 * Whether the day's reminder is due at an instant: the local date, and true
 * once the local time has reached `at`. A job that ticks every minute records
 * the day's digests on the first tick at or after `at` (recording is
 * idempotent per unit and day, so later ticks and restarts change nothing).
 */
export function reminderDue(
  now: string,
  atMinutes: number,
  timeZone: string,
): { readonly date: LocalDate; readonly due: boolean } {
  const epochMs = Date.parse(now);
  return { date: localDateOf(now, timeZone), due: minutesOfDay(epochMs, timeZone) >= atMinutes };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Milliseconds from `now` to the next time the local clock shows `at` (strictly
 * later: at 08:30:00.000 itself the next run is a day away). In a zone that changes
 * its offset the wait may be an hour off on that day; the job checks `reminderDue`
 * when it runs, so it never sends early, only once.
 */
export function msUntilReminder(now: string, atMinutes: number, timeZone: string): number {
  const epochMs = Date.parse(now);
  // Offsets are whole minutes, so the seconds within the minute are the same in every zone.
  const intoMinute = ((epochMs % 60_000) + 60_000) % 60_000;
  const minutes = (((atMinutes - minutesOfDay(epochMs, timeZone)) % 1440) + 1440) % 1440;
  const wait = minutes * 60_000 - intoMinute;
  return wait > 0 ? wait : wait + DAY_MS;
}
