import fc from 'fast-check';
import { addDays, fromDayNumber } from '../time/local-date';
import {
  halfMonthOf,
  parsePeriod,
  parseWeek,
  Period,
  periodContains,
  previousPeriod,
  rangePeriod,
  sameDatesOneYearEarlier,
  weekOf,
} from './periods';

const parsed = (id: string): Period => {
  const result = parsePeriod(id);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};
const span = (p: Period) => [p.id, p.from, p.to];

describe('periods', () => {
  it('parses ISO weeks, Monday to Sunday', () => {
    expect(span(parsed('2022-W14'))).toEqual(['2022-W14', '2022-04-04', '2022-04-10']);
    // Week 1 of 2021 starts in 2021; 2021-01-01..03 belong to 2020-W53.
    expect(span(parsed('2021-W01'))).toEqual(['2021-W01', '2021-01-04', '2021-01-10']);
    expect(span(parsed('2020-W53'))).toEqual(['2020-W53', '2020-12-28', '2021-01-03']);
    expect(span(parsed('2025-W01'))).toEqual(['2025-W01', '2024-12-30', '2025-01-05']);
  });

  it('finds the ISO week of a date, across year ends', () => {
    expect(weekOf('2022-04-03').id).toBe('2022-W13');
    expect(weekOf('2022-04-04').id).toBe('2022-W14');
    expect(weekOf('2021-01-03').id).toBe('2020-W53');
    expect(weekOf('2024-12-31').id).toBe('2025-W01');
  });

  it('parses half-months: 1st–15th and 16th–end of month', () => {
    expect(span(parsed('2022-04-H1'))).toEqual(['2022-04-H1', '2022-04-01', '2022-04-15']);
    expect(span(parsed('2022-04-H2'))).toEqual(['2022-04-H2', '2022-04-16', '2022-04-30']);
    expect(span(parsed('2024-02-H2'))).toEqual(['2024-02-H2', '2024-02-16', '2024-02-29']);
    expect(halfMonthOf('2022-04-15').id).toBe('2022-04-H1');
    expect(halfMonthOf('2022-04-16').id).toBe('2022-04-H2');
  });

  it('parses months, years and from/to ranges', () => {
    expect(span(parsed('2022-02'))).toEqual(['2022-02', '2022-02-01', '2022-02-28']);
    expect(span(parsed('2022'))).toEqual(['2022', '2022-01-01', '2022-12-31']);
    expect(span(parsed('2022-01-01/2022-06-30'))).toEqual(['2022-01-01/2022-06-30', '2022-01-01', '2022-06-30']);
    expect(span(parsed('2022-01-01..2022-06-30'))).toEqual(['2022-01-01/2022-06-30', '2022-01-01', '2022-06-30']);
  });

  it('gives a typed error for invalid ids', () => {
    for (const id of [
      '2022-W54',
      '2022-W00',
      '2021-W53',
      '2022-13',
      '2022-04-H3',
      '2022-00-H1',
      'April',
      '2022-04-31/2022-05-01',
      '',
    ]) {
      const result = parsePeriod(id);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(['period-malformed', 'period-out-of-range']).toContain(result.error.code);
    }
    expect(rangePeriod('2022-06-30', '2022-01-01')).toMatchObject({
      ok: false,
      error: { code: 'period-out-of-range' },
    });
    expect(parseWeek('2022-W54')).toMatchObject({ ok: false, error: { code: 'period-out-of-range' } });
  });

  it('gives the previous week, half-month, month, year and range', () => {
    expect(previousPeriod(parsed('2022-W01')).id).toBe('2021-W52');
    expect(previousPeriod(parsed('2021-W01')).id).toBe('2020-W53');
    expect(previousPeriod(parsed('2022-04-H2')).id).toBe('2022-04-H1');
    expect(span(previousPeriod(parsed('2022-03-H1')))).toEqual(['2022-02-H2', '2022-02-16', '2022-02-28']);
    expect(previousPeriod(parsed('2022-01-H1')).id).toBe('2021-12-H2');
    expect(previousPeriod(parsed('2022-03')).id).toBe('2022-02');
    expect(previousPeriod(parsed('2022-01')).id).toBe('2021-12');
    expect(previousPeriod(parsed('2022')).id).toBe('2021');
    expect(span(previousPeriod(parsed('2022-04-11/2022-04-20')))).toEqual([
      '2022-04-01/2022-04-10',
      '2022-04-01',
      '2022-04-10',
    ]);
  });

  it('gives the same dates one year earlier, 29 February becoming 28 February', () => {
    expect(span(sameDatesOneYearEarlier(parsed('2022-01-01/2022-06-30')))).toEqual([
      '2021-01-01/2021-06-30',
      '2021-01-01',
      '2021-06-30',
    ]);
    expect(sameDatesOneYearEarlier(parsed('2024-02-H2'))).toMatchObject({ from: '2023-02-16', to: '2023-02-28' });
    expect(sameDatesOneYearEarlier(parsed('2022-W14'))).toMatchObject({ from: '2021-04-04', to: '2021-04-10' });
  });

  it('tiles the calendar: every date is in exactly one week and one half-month, each listed by its own id (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), (n) => {
        const date = fromDayNumber(n);
        for (const period of [weekOf(date), halfMonthOf(date)]) {
          expect(periodContains(period, date)).toBe(true);
          expect(parsed(period.id)).toEqual(period);
          expect(addDays(previousPeriod(period).to, 1)).toBe(period.from);
        }
      }),
    );
  });
});
