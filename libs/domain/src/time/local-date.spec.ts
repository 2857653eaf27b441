import fc from 'fast-check';
import {
  addDays,
  addMonths,
  addYears,
  compareDates,
  datesBetween,
  dayOfWeek,
  daysBetween,
  fromDayNumber,
  isLeapYear,
  lastDayOfMonth,
  parseLocalDate,
  toDayNumber,
} from './local-date';

describe('local dates', () => {
  it('accepts real days and rejects malformed or impossible ones with a typed error', () => {
    expect(parseLocalDate('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseLocalDate('2023-02-29')).toMatchObject({ ok: false, error: { code: 'date-out-of-range' } });
    expect(parseLocalDate('2022-4-3')).toMatchObject({ ok: false, error: { code: 'date-malformed' } });
    expect(parseLocalDate('2022-04-03T00:00:00Z')).toMatchObject({ ok: false, error: { code: 'date-malformed' } });
    expect(parseLocalDate('2022-13-01')).toMatchObject({ ok: false, error: { code: 'date-out-of-range' } });
  });

  it('knows the leap-year rule, including centuries', () => {
    expect([2020, 2021, 2024, 1900, 2000, 2100].map(isLeapYear)).toEqual([true, false, true, false, true, false]);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2022-03-05', 60)).toBe('2022-05-04');
    expect(addDays('2022-01-28', 15)).toBe('2022-02-12');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2022-12-31', 1)).toBe('2023-01-01');
    expect(addDays('2022-01-01', -1)).toBe('2021-12-31');
  });

  it('gives the ISO day of week (Monday 1 … Sunday 7)', () => {
    expect(dayOfWeek('2022-05-20')).toBe(5);
    expect(dayOfWeek('2022-02-12')).toBe(6);
    expect(dayOfWeek('2022-03-07')).toBe(1);
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('1969-12-28')).toBe(7);
  });

  it('gives the last day of a month', () => {
    expect(lastDayOfMonth('2024-02-10')).toBe('2024-02-29');
    expect(lastDayOfMonth('2022-02-10')).toBe('2022-02-28');
    expect(lastDayOfMonth('2022-04-01')).toBe('2022-04-30');
    expect(lastDayOfMonth('2022-12-31')).toBe('2022-12-31');
  });

  it('moves 29 February to 28 February when going to a common year', () => {
    expect(addYears('2024-02-29', -1)).toBe('2023-02-28');
    expect(addYears('2022-04-14', -1)).toBe('2021-04-14');
    expect(addMonths('2022-03-31', -1)).toBe('2022-02-28');
    expect(addMonths('2022-01-15', -1)).toBe('2021-12-15');
  });

  it('compares dates and lists inclusive ranges', () => {
    expect(compareDates('2022-05-04', '2022-05-05')).toBe(-1);
    expect(compareDates('2022-05-05', '2022-05-05')).toBe(0);
    expect([...datesBetween('2022-02-27', '2022-03-01')]).toEqual(['2022-02-27', '2022-02-28', '2022-03-01']);
    expect(daysBetween('2022-03-05', '2022-05-04')).toBe(60);
  });

  it('agrees with the proleptic Gregorian calendar of Date.UTC on every day (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -700_000, max: 2_900_000 }), (n) => {
        const date = fromDayNumber(n);
        expect(date).toBe(new Date(n * 86_400_000).toISOString().slice(0, 10));
        expect(toDayNumber(date)).toBe(n);
        expect(dayOfWeek(date) % 7).toBe(new Date(n * 86_400_000).getUTCDay());
      }),
    );
  });

  it('adding then subtracting days is the identity (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_900_000 }), fc.integer({ min: -5000, max: 5000 }), (n, k) => {
        const date = fromDayNumber(n);
        expect(addDays(addDays(date, k), -k)).toBe(date);
        expect(daysBetween(date, addDays(date, k))).toBe(k);
      }),
    );
  });
});
