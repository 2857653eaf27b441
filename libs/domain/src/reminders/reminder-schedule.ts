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
