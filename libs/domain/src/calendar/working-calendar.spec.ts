import { officialCalendar as calendar } from '../testing/official-calendar';
import { addWorkingDays, CalendarDataError, createWorkingCalendar, nextWorkingDayOnOrAfter } from './working-calendar';

describe('working calendar', () => {
  it('rests on public holidays, including a range that starts in the previous year', () => {
    expect(calendar.isWorkingDay('2022-05-04')).toBe(false);
    expect(calendar.isWorkingDay('2022-10-07')).toBe(false);
    expect(calendar.isWorkingDay('2022-12-31')).toBe(false);
    expect(calendar.isWorkingDay('2023-01-02')).toBe(false);
    expect(calendar.describeDay('2022-06-03')).toEqual({
      date: '2022-06-03',
      kind: 'holiday',
      working: false,
      holidayName: '端午节',
      assumed: false,
    });
  });

  it('works on make-up days even though they fall on a weekend', () => {
    expect(calendar.isWorkingDay('2022-05-07')).toBe(true);
    expect(calendar.describeDay('2022-05-07').kind).toBe('makeup_workday');
    expect(calendar.isWorkingDay('2022-05-08')).toBe(false);
  });

  it('works Monday to Friday otherwise', () => {
    expect(calendar.isWorkingDay('2022-05-20')).toBe(true);
    expect(calendar.isWorkingDay('2022-02-12')).toBe(false);
  });

  it('knows the years in its data only', () => {
    expect(calendar.knownYears).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);
    expect(calendar.knowsYear(2022)).toBe(true);
    expect(calendar.knowsYear(2026)).toBe(true);
    expect(calendar.knowsYear(2027)).toBe(false);
  });

  it('treats only weekends as rest days in an unknown year and says the day was assumed', () => {
    // 2027-10-01 will be 国庆节, but 2027 is not in the data yet.
    expect(calendar.describeDay('2027-10-01')).toEqual({
      date: '2027-10-01',
      kind: 'workday',
      working: true,
      assumed: true,
    });
    expect(calendar.isWorkingDay('2028-02-29')).toBe(true);
    expect(calendar.isWorkingDay('2028-03-04')).toBe(false);
  });

  it('counts working days from the day after, reporting assumed years', () => {
    expect(addWorkingDays(calendar, '2022-04-29', 5)).toEqual({ date: '2022-05-10', assumedYears: [] });
    expect(addWorkingDays(calendar, '2026-12-29', 3)).toEqual({ date: '2027-01-01', assumedYears: [2027] });
    expect(addWorkingDays(calendar, '2022-05-06', 0)).toEqual({ date: '2022-05-06', assumedYears: [] });
  });

  it('rolls forward to the next working day', () => {
    expect(nextWorkingDayOnOrAfter(calendar, '2022-04-30')).toEqual({ date: '2022-05-05', assumedYears: [] });
    expect(nextWorkingDayOnOrAfter(calendar, '2022-05-05')).toEqual({ date: '2022-05-05', assumedYears: [] });
    expect(nextWorkingDayOnOrAfter(calendar, '2028-03-04')).toEqual({ date: '2028-03-06', assumedYears: [2028] });
  });

  it('extends to a later year by data alone', () => {
    const extended = createWorkingCalendar({
      years: { 2027: { holidays: [['2027-10-01', '2027-10-07', '国庆节']], workdays: ['2027-10-09'] } },
    });
    expect(extended.knowsYear(2027)).toBe(true);
    expect(extended.isWorkingDay('2027-10-01')).toBe(false);
    expect(extended.isWorkingDay('2027-10-09')).toBe(true);
    expect(addWorkingDays(extended, '2027-09-30', 1)).toEqual({ date: '2027-10-08', assumedYears: [] });
  });

  it('refuses malformed or contradictory data', () => {
    expect(() =>
      createWorkingCalendar({ years: { 2024: { holidays: [['2024-13-01', '2024-13-02']], workdays: [] } } }),
    ).toThrow(CalendarDataError);
    expect(() =>
      createWorkingCalendar({ years: { 2024: { holidays: [['2024-10-07', '2024-10-01']], workdays: [] } } }),
    ).toThrow(/ends before it starts/);
    expect(() =>
      createWorkingCalendar({
        years: { 2024: { holidays: [['2024-10-01', '2024-10-07']], workdays: ['2024-10-03'] } },
      }),
    ).toThrow(/both/);
    expect(() => createWorkingCalendar({} as never)).toThrow(CalendarDataError);
  });
});
