import { addDays, daysBetween, isoWeek, weekMonday, weeksEnding } from './dates';
import { deadlineLine } from './deadlines';

const REPLY = { step: 'reply', kind: 'duty', unit: 'town-a', from: '2022-11-18', lastDay: '2023-01-17', met: null };

describe("a matter's statutory clock, as the 事项 page shows it", () => {
  it('counts the days left, the last day itself and the days overdue', () => {
    expect(deadlineLine(REPLY, '2023-01-10')).toMatchObject({ state: 'open', daysLeft: 7, text: '还剩 7 天' });
    expect(deadlineLine(REPLY, '2023-01-17')).toMatchObject({
      state: 'due_today',
      daysLeft: 0,
      text: '今天是最后一天',
    });
    expect(deadlineLine(REPLY, '2023-01-20')).toMatchObject({ state: 'overdue', daysLeft: -3, text: '已逾期 3 天' });
  });

  it('says when a limit was met, and how late', () => {
    expect(deadlineLine({ ...REPLY, met: '2023-01-05' }, '2023-03-01')).toMatchObject({
      state: 'met',
      daysLeft: null,
      text: '已于 2023-01-05 办结',
    });
    expect(deadlineLine({ ...REPLY, met: '2023-01-19' }, '2023-03-01').text).toBe('2023-01-19 办结，逾期 2 天');
  });

  it("names the step and adds the calendar note when a year's calendar is unknown", () => {
    const line = deadlineLine({ ...REPLY, assumedYears: [2027], note: 'the official calendar…' }, '2026-12-20');
    expect(line.step).toBe('办理答复');
    expect(line.calendarNote).toBe('2027 年的法定节假日安排未知：仅按周末计算休息日，最后一天可能有变。');
    expect(deadlineLine(REPLY, '2023-01-10').calendarNote).toBeNull();
  });
});

describe('calendar arithmetic of the pages', () => {
  it('knows ISO weeks across a year end', () => {
    expect(isoWeek('2022-12-18')).toBe('2022-W50');
    expect(isoWeek('2023-01-01')).toBe('2022-W52');
    expect(isoWeek('2021-01-04')).toBe('2021-W01');
    expect(isoWeek('2020-12-31')).toBe('2020-W53');
    expect(weekMonday('2022-W50')).toBe('2022-12-12');
    expect(weekMonday('2021-W01')).toBe('2021-01-04');
  });

  it('lists the 12 weeks ending with a week, oldest first', () => {
    const weeks = weeksEnding('2022-W02', 12);
    expect(weeks).toHaveLength(12);
    expect(weeks[0]).toBe('2021-W43');
    expect(weeks[11]).toBe('2022-W02');
  });

  it('adds and counts days over month and leap-year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2022-12-31', 1)).toBe('2023-01-01');
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
  });
});
