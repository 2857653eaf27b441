import { officialCalendar } from '../testing/official-calendar';
import { holidayRange, judgedCaseStanding, topicWindows, WORK_REPORT_TOPICS } from './work-report-rules';

describe('topic windows (section 三)', () => {
  it('finds the Spring Festival holiday of a known year and nothing for an unknown year', () => {
    expect(holidayRange(officialCalendar, 2022, '春节')).toEqual({ from: '2022-01-31', to: '2022-02-06' });
    expect(holidayRange(officialCalendar, 2030, '春节')).toBeNull();
  });

  it('given the first half of 2022, the wage-arrears window runs from 30 days before the holiday to 15 days after', () => {
    expect(topicWindows({ from: '2022-01-01', to: '2022-06-30' }, officialCalendar)).toEqual([
      { topic: WORK_REPORT_TOPICS[0], window: { from: '2022-01-01', to: '2022-02-21' } },
    ]);
  });

  it('clips the window to the period and leaves out a topic whose window misses it', () => {
    expect(topicWindows({ from: '2022-02-10', to: '2022-03-31' }, officialCalendar)[0].window).toEqual({
      from: '2022-02-10',
      to: '2022-02-21',
    });
    expect(topicWindows({ from: '2022-04-01', to: '2022-06-30' }, officialCalendar)).toEqual([]);
  });
});

describe('judged cases: resolved or under control (化解稳控)', () => {
  const base = { resolvedBy: null, lastContactOn: '2022-03-01', judgedOn: '2022-03-07', overdueAtEnd: false };

  it('given a resolution by the period end, the case is resolved', () => {
    expect(judgedCaseStanding({ ...base, resolvedBy: '2022-06-30' }, '2022-06-30')).toBe('resolved');
  });

  it('given no contact after the meeting and no missed limit, the case is under control', () => {
    expect(judgedCaseStanding(base, '2022-06-30')).toBe('under_control');
    expect(judgedCaseStanding({ ...base, lastContactOn: '2022-03-07' }, '2022-06-30')).toBe('under_control');
  });

  it('given a later contact, a missed limit, or a resolution only after the period, the case is open', () => {
    expect(judgedCaseStanding({ ...base, lastContactOn: '2022-03-08' }, '2022-06-30')).toBe('open');
    expect(judgedCaseStanding({ ...base, overdueAtEnd: true }, '2022-06-30')).toBe('open');
    expect(judgedCaseStanding({ ...base, resolvedBy: '2022-07-01', overdueAtEnd: true }, '2022-06-30')).toBe('open');
  });
});
