// Cross-checks the project's calendar file against chinese-days, a dataset maintained
// independently of ours, day by day for every year both know: a typo in a range cannot pass.
import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import { isHoliday, isWorkday } from 'chinese-days';
import { officialCalendar, officialCalendarData } from '../testing/official-calendar';
import { datesBetween } from '../time/local-date';

const yearsOf = (dates: string[]) => new Set(dates.map((date) => Number(date.slice(0, 4))));
const theirYears = yearsOf(Object.keys(chineseDaysData.holidays));
const ourYears = Object.keys(officialCalendarData.years).map(Number);
const sharedYears = ourYears.filter((year) => theirYears.has(year));

describe('the official calendar file against chinese-days', () => {
  it('shares every year of our file with the reference dataset (2021-2026 at least)', () => {
    expect(sharedYears).toEqual(ourYears);
    expect(sharedYears).toEqual(expect.arrayContaining([2021, 2022, 2023, 2024, 2025, 2026]));
  });

  describe.each(sharedYears)('%i', (year) => {
    const days = [...datesBetween(`${year}-01-01`, `${year}-12-31`)];

    it('has the same working days, day by day', () => {
      const differ = days.filter((date) => officialCalendar.isWorkingDay(date) !== isWorkday(date));
      expect(differ).toEqual([]);
    });

    it('has the same public holidays and the same make-up working days', () => {
      const ours = days.map((date) => [date, officialCalendar.describeDay(date).kind]);
      const theirs = days.map((date) => [
        date,
        isHoliday(date) && date in chineseDaysData.holidays
          ? 'holiday'
          : date in chineseDaysData.workdays
            ? 'makeup_workday'
            : isWorkday(date)
              ? 'workday'
              : 'weekend',
      ]);
      expect(ours).toEqual(theirs);
    });

    it('is known for the whole year, so no day of it is assumed', () => {
      expect(days.filter((date) => officialCalendar.describeDay(date).assumed)).toEqual([]);
    });
  });
});
