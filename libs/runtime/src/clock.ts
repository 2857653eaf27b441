import { LocalDate, localDateOf } from '@app/domain';

/**
 * The one place the current time is read. Everything that needs "now" or
 * "today" is handed a Clock, so a test can fix the time and a run is
 * reproducible.
 */
export interface Clock {
  now(): Date;
  /** The calendar date (YYYY-MM-DD) in the business time zone. */
  today(): LocalDate;
}

/**
 * The machine's current instant: the one read of the system time. Libraries that need
 * only an instant (a recordedAt, a key's creation time) default to it when no Clock's
 * `now` is handed in; an instant does not depend on the time zone.
 */
export function systemNow(): Date {
  return new Date();
}

/** The machine's clock, with "today" taken in the business time zone. */
export class SystemClock implements Clock {
  constructor(private readonly timeZone: string) {}

  now(): Date {
    return systemNow();
  }

  today(): LocalDate {
    return localDateOf(this.now().toISOString(), this.timeZone);
  }
}

/** A clock that shows what it is told: for tests, the demo and replays. */
export class FixedClock implements Clock {
  private epochMs: number;

  constructor(
    at: Date | string,
    private readonly timeZone: string,
  ) {
    this.epochMs = new Date(at).getTime();
    if (Number.isNaN(this.epochMs)) throw new RangeError(`FixedClock: not an instant: ${String(at)}`);
  }

  now(): Date {
    return new Date(this.epochMs);
  }

  today(): LocalDate {
    return localDateOf(this.now().toISOString(), this.timeZone);
  }

  set(at: Date | string): void {
    const epochMs = new Date(at).getTime();
    if (Number.isNaN(epochMs)) throw new RangeError(`FixedClock: not an instant: ${String(at)}`);
    this.epochMs = epochMs;
  }

  advance(ms: number): void {
    this.epochMs += ms;
  }
}

/** The injection token of the Clock (a plain symbol: this library knows no framework). */
export const CLOCK = Symbol('CLOCK');
