import { FixedClock, SystemClock } from './clock';

describe('the clock', () => {
  it('takes "today" in the business time zone, not in UTC', () => {
    // 17:30 UTC on 31 December is already 1 January in Shanghai (UTC+8).
    const clock = new FixedClock('2025-12-31T17:30:00.000Z', 'Asia/Shanghai');
    expect(clock.today()).toBe('2026-01-01');
    expect(new FixedClock('2025-12-31T17:30:00.000Z', 'UTC').today()).toBe('2025-12-31');
  });

  it('shows the instant it was set to, and moves only when told', () => {
    const clock = new FixedClock('2026-03-01T08:00:00.000Z', 'Asia/Shanghai');
    expect(clock.now().toISOString()).toBe('2026-03-01T08:00:00.000Z');
    clock.advance(60_000);
    expect(clock.now().toISOString()).toBe('2026-03-01T08:01:00.000Z');
    clock.set('2026-04-30T16:00:00.000Z');
    expect(clock.today()).toBe('2026-05-01');
  });

  it('hands out copies, so a caller cannot move it by changing the Date it got', () => {
    const clock = new FixedClock('2026-03-01T08:00:00.000Z', 'UTC');
    clock.now().setUTCFullYear(1999);
    expect(clock.now().toISOString()).toBe('2026-03-01T08:00:00.000Z');
  });

  it('refuses an instant it cannot read', () => {
    expect(() => new FixedClock('yesterday', 'UTC')).toThrow(/not an instant/);
  });

  it('reads the machine time in the system clock, and its "today" agrees with its "now"', () => {
    const clock = new SystemClock('Asia/Shanghai');
    const before = Date.now();
    const now = clock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    const shanghai = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(now));
    // The day may turn between the two reads only at midnight; accept either side of it.
    expect([shanghai, new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())]).toContain(
      clock.today(),
    );
  });
});
