import { compareInstants, instantOf, isValidTimeZone, localDateOf, parseInstant } from './time-zone';

describe('instants', () => {
  it('parses instants with an offset or Z', () => {
    const parsed = parseInstant('2022-04-03T09:30:00+08:00');
    expect(parsed).toEqual({
      ok: true,
      value: { iso: '2022-04-03T09:30:00+08:00', epochMs: Date.UTC(2022, 3, 3, 1, 30), offsetMinutes: 480 },
    });
    expect(instantOf('2022-04-03T01:30:00Z').epochMs).toBe(Date.UTC(2022, 3, 3, 1, 30));
    expect(instantOf('2022-04-03T01:30:00.123Z').epochMs).toBe(Date.UTC(2022, 3, 3, 1, 30, 0, 123));
    expect(instantOf('2022-04-02T20:30:00-05:00').epochMs).toBe(Date.UTC(2022, 3, 3, 1, 30));
  });

  it('rejects a local time without an offset with a typed error', () => {
    expect(parseInstant('2022-04-03T09:30:00')).toMatchObject({ ok: false, error: { code: 'instant-without-offset' } });
  });

  it('rejects malformed and impossible instants', () => {
    expect(parseInstant('2022-04-03')).toMatchObject({ ok: false, error: { code: 'instant-malformed' } });
    expect(parseInstant('yesterday')).toMatchObject({ ok: false, error: { code: 'instant-malformed' } });
    expect(parseInstant('2022-02-30T09:30:00Z')).toMatchObject({ ok: false, error: { code: 'instant-out-of-range' } });
    expect(parseInstant('2022-04-03T24:00:00Z')).toMatchObject({ ok: false, error: { code: 'instant-out-of-range' } });
  });

  it('orders instants on the timeline whatever their offsets', () => {
    expect(compareInstants('2022-04-03T09:30:00+08:00', '2022-04-03T01:30:00Z')).toBe(0);
    expect(compareInstants('2022-04-03T09:30:00+08:00', '2022-04-03T01:31:00Z')).toBe(-1);
  });
});

describe('business-zone dates', () => {
  it('puts 16:00Z on the next day in Shanghai (its midnight)', () => {
    expect(localDateOf('2022-03-05T16:00:00Z', 'Asia/Shanghai')).toBe('2022-03-06');
    expect(localDateOf('2022-03-05T15:59:59.999Z', 'Asia/Shanghai')).toBe('2022-03-05');
  });

  it('uses the offset as written, not the host zone', () => {
    expect(localDateOf('2022-03-06T00:00:00+08:00', 'Asia/Shanghai')).toBe('2022-03-06');
    expect(localDateOf('2022-03-06T00:00:00+08:00', 'UTC')).toBe('2022-03-05');
    expect(localDateOf('2022-12-31T23:30:00-01:00', 'Asia/Shanghai')).toBe('2023-01-01');
  });

  it('follows daylight saving in zones that have it', () => {
    expect(localDateOf('2022-03-27T23:30:00Z', 'Europe/Berlin')).toBe('2022-03-28');
    expect(localDateOf('2022-01-27T23:30:00Z', 'Europe/Berlin')).toBe('2022-01-28');
  });

  it('tells valid zones from invalid ones', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('localDateOf across quarter hours (the cache must not blur midnight)', () => {
  it('gives the uncached answer for every minute of two days in zones with odd offsets', () => {
    const zones = ['Asia/Shanghai', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/St_Johns', 'Europe/London'];
    const start = Date.UTC(2022, 2, 26, 0, 0);
    for (const zone of zones) {
      const reference = new Intl.DateTimeFormat('en-CA', {
        timeZone: zone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
      for (let minute = 0; minute < 2 * 24 * 60; minute += 7) {
        const at = new Date(start + minute * 60_000);
        expect(localDateOf(at.toISOString(), zone)).toBe(reference.format(at));
      }
    }
  });
});
