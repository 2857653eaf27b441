import { err, ok, Result } from '../result';
import { daysInMonth, formatDate, LocalDate } from './local-date';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** An instant as written (with its offset) plus its position on the timeline. */
export interface Instant {
  /** The text as received; kept so that events store exactly what was asserted. */
  readonly iso: string;
  readonly epochMs: number;
  /** Offset from UTC in minutes as written (`Z` is 0). */
  readonly offsetMinutes: number;
}

export interface InstantError {
  readonly code: 'instant-malformed' | 'instant-without-offset' | 'instant-out-of-range';
  readonly input: string;
  readonly message: string;
}

const INSTANT_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses an ISO-8601 instant. An offset (or `Z`) is required: a local time
 * without one is ambiguous, and guessing the zone is how a fact lands on the
 * wrong day of the statutory clock.
 */
export function parseInstant(input: string): Result<Instant, InstantError> {
  const match = typeof input === 'string' ? INSTANT_PATTERN.exec(input) : null;
  if (!match) {
    return err({
      code: 'instant-malformed',
      input,
      message: `"${input}" is not an ISO-8601 instant such as 2022-04-03T09:30:00+08:00`,
    });
  }
  const [, y, mo, d, h, mi, s = '00', fraction = '', zone] = match;
  if (zone === undefined) {
    return err({
      code: 'instant-without-offset',
      input,
      message: `"${input}" has no offset: write e.g. ${input}+08:00 or ${input}Z`,
    });
  }
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number);
  const offsetMinutes = zone.toUpperCase() === 'Z' ? 0 : parseOffset(zone);
  const valid =
    year >= 1 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    Math.abs(offsetMinutes) <= 18 * 60;
  if (!valid) {
    return err({ code: 'instant-out-of-range', input, message: `"${input}" is not a real instant` });
  }
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  // Date.UTC maps years 0..99 to 1900..1999; correct for them.
  const epochMs = year < 100 ? new Date(utc).setUTCFullYear(year) : utc;
  return ok({ iso: input, epochMs: epochMs - offsetMinutes * 60_000, offsetMinutes });
}

function parseOffset(zone: string): number {
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

export class InvalidInstantError extends Error {
  constructor(readonly error: InstantError) {
    super(error.message);
    this.name = 'InvalidInstantError';
  }
}

/** For instants that were validated on the way in (e.g. read back from events). */
export function instantOf(input: string): Instant {
  const parsed = parseInstant(input);
  if (!parsed.ok) throw new InvalidInstantError(parsed.error);
  return parsed.value;
}

/** Negative when `a` is earlier than `b`, whatever offsets they were written with. */
export function compareInstants(a: string, b: string): number {
  return Math.sign(instantOf(a).epochMs - instantOf(b).epochMs);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

const QUARTER_HOUR_MS = 15 * 60_000;
const MAX_CACHED_DATES = 50_000;
/** Per zone: local dates by UTC quarter hour, and by instant text as given. */
const dateCaches = new Map<string, { byQuarter: Map<number, LocalDate>; byText: Map<string, LocalDate> }>();

function cachesFor(timeZone: string): { byQuarter: Map<number, LocalDate>; byText: Map<string, LocalDate> } {
  let caches = dateCaches.get(timeZone);
  if (!caches) {
    caches = { byQuarter: new Map(), byText: new Map() };
    dateCaches.set(timeZone, caches);
  }
  return caches;
}

/**
 * The calendar date that an instant falls on in the given zone.
 *
 * Intl formatting is the costliest step of projecting an event, so dates are cached
 * per zone and UTC quarter hour: every zone's offset is a whole number of quarter
 * hours, so local midnight always falls on a quarter-hour boundary in UTC and all
 * instants of one quarter hour share one local date. The same instant text is asked
 * for again and again (by each read model, by each limit of a matter), so its date is
 * also kept by the text itself, which skips the parse.
 */
export function localDateOf(instant: string | Instant, timeZone: string = DEFAULT_TIME_ZONE): LocalDate {
  const caches = cachesFor(timeZone);
  if (typeof instant === 'string') {
    const known = caches.byText.get(instant);
    if (known !== undefined) return known;
    const date = localDateOfEpoch(instantOf(instant).epochMs, timeZone, caches.byQuarter);
    if (caches.byText.size >= MAX_CACHED_DATES) caches.byText.clear();
    caches.byText.set(instant, date);
    return date;
  }
  return localDateOfEpoch(instant.epochMs, timeZone, caches.byQuarter);
}

function localDateOfEpoch(epochMs: number, timeZone: string, byQuarter: Map<number, LocalDate>): LocalDate {
  const key = Math.floor(epochMs / QUARTER_HOUR_MS);
  const cached = byQuarter.get(key);
  if (cached !== undefined) return cached;
  const parts = formatterFor(timeZone).formatToParts(new Date(epochMs));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const date = formatDate(part('year'), part('month'), part('day'));
  if (byQuarter.size >= MAX_CACHED_DATES) byQuarter.clear();
  byQuarter.set(key, date);
  return date;
}
