import { officialCalendar } from '../testing/official-calendar';
import { calendarCoverage } from './calendar-coverage';
import { createWorkingCalendar } from './working-calendar';

const through2026 = officialCalendar;
const only2025 = createWorkingCalendar({ years: { 2025: { holidays: [], workdays: [] } } });

describe('calendar coverage: is today (and, late in the year, next year) in the official calendar?', () => {
  it('given the calendar through 2026, when it is 2026-06-30, then nothing is missing', () => {
    expect(calendarCoverage(through2026, '2026-06-30')).toEqual({
      knownYears: [2021, 2022, 2023, 2024, 2025, 2026],
      missingYears: [],
      warnings: [],
    });
  });

  it('given the calendar through 2026, when it is 2026-10-31, then next year is not due yet', () => {
    expect(calendarCoverage(through2026, '2026-10-31').missingYears).toEqual([]);
  });

  it('given the calendar through 2026, when it is 2026-11-01, then 2027 is missing and the warning says what to do', () => {
    const coverage = calendarCoverage(through2026, '2026-11-01');
    expect(coverage.missingYears).toEqual([2027]);
    expect(coverage.warnings).toHaveLength(1);
    expect(coverage.warnings[0]).toMatch(/no data for 2027/);
    expect(coverage.warnings[0]).toMatch(/LEDGER_CALENDAR_FILE/);
  });

  it('given a calendar of 2025 only, when it is 2026-12-02, then both 2026 and 2027 are missing', () => {
    expect(calendarCoverage(only2025, '2026-12-02').missingYears).toEqual([2026, 2027]);
  });

  it('given a calendar of 2025 only, when it is 2026-01-15, then only the current year is missing', () => {
    expect(calendarCoverage(only2025, '2026-01-15').missingYears).toEqual([2026]);
  });
});
