/**
 * The one place the UI reads the time: today's date in the business time zone (the server's
 * LEDGER_TIMEZONE default), as YYYY-MM-DD. Tests and pages pass dates around, never Date objects.
 */
export const BUSINESS_TIME_ZONE = 'Asia/Shanghai';

export function todayIn(timeZone = BUSINESS_TIME_ZONE, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(now)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The current instant with the business zone's offset (+08:00), for a form's default "occurred at". */
export function nowLocalInput(now: Date = new Date()): string {
  const shifted = new Date(now.getTime() + 8 * 3600_000);
  return shifted.toISOString().slice(0, 16);
}
