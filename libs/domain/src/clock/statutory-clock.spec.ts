import { officialCalendar as calendar } from '../testing/official-calendar';
import { localDateOf } from '../time/time-zone';
import { isInTime, isPast, lastDayAfterInstant, lastDayOf } from './statutory-clock';
import { STATUTORY_LIMITS as L } from './statutory-limits';

const opts = { calendar };
const shanghai = { timeZone: 'Asia/Shanghai', calendar, rollForward: true };

describe('statutory clock: the worked examples of DOMAIN.md', () => {
  it('accepted 2022-03-05, reply in 60 days: 2022-05-04 is 劳动节, so 2022-05-05', () => {
    expect(lastDayOf(L.reply, '2022-03-05', opts)).toEqual({ lastDay: '2022-05-05', assumedYears: [] });
  });

  it('the same, extended by 30 days: 2022-06-03 is 端午节, so 2022-06-06', () => {
    expect(lastDayOf(L.reply, '2022-03-05', { ...opts, extensionDays: 30 })).toEqual({
      lastDay: '2022-06-06',
      assumedYears: [],
    });
  });

  it('received 2022-01-28, transfer in 15 days: 2022-02-12 is a Saturday, so 2022-02-14', () => {
    expect(lastDayOf(L.transfer, '2022-01-28', opts).lastDay).toBe('2022-02-14');
  });

  it('transfer received 2022-04-29, remit return in 5 working days: May 5, 6, 7 (make-up), 9, 10', () => {
    expect(lastDayOf(L.remit_return, '2022-04-29', opts).lastDay).toBe('2022-05-10');
  });

  it('replied 2022-04-20, review request within 30 days: 2022-05-20, a Friday', () => {
    expect(lastDayOf(L.review_request, '2022-04-20', opts).lastDay).toBe('2022-05-20');
  });

  it('accepted 2022-01-06, reply in 60 days: 2022-03-07, a Monday', () => {
    expect(lastDayOf(L.reply, '2022-01-06', opts).lastDay).toBe('2022-03-07');
  });
});

describe('statutory clock: worked examples on the 2024-2026 calendar', () => {
  it('accepted 2026-08-06, reply in 60 days: 2026-10-05 is 国庆节 (to 10-07), so 2026-10-08', () => {
    expect(lastDayOf(L.reply, '2026-08-06', opts)).toEqual({ lastDay: '2026-10-08', assumedYears: [] });
  });

  it('accepted 2025-12-18, reply in 60 days: 2026-02-16 is 春节 (02-15 to 02-23), so Tuesday 2026-02-24', () => {
    expect(lastDayOf(L.reply, '2025-12-18', opts)).toEqual({ lastDay: '2026-02-24', assumedYears: [] });
  });

  it('accepted 2024-11-30, reply in 60 days: 2025-01-29 is 春节 (01-28 to 02-04), so 2025-02-05', () => {
    expect(lastDayOf(L.reply, '2024-11-30', opts).lastDay).toBe('2025-02-05');
  });

  it('transfer received 2026-02-24, remit return in 5 working days: Feb 25, 26, 27, Saturday 28 (make-up), Mar 2', () => {
    expect(lastDayOf(L.remit_return, '2026-02-24', opts)).toEqual({ lastDay: '2026-03-02', assumedYears: [] });
  });

  it('transfer received 2024-10-08, remit return in 5 working days: Oct 9, 10, 11, Saturday 12 (make-up), 14', () => {
    expect(lastDayOf(L.remit_return, '2024-10-08', opts).lastDay).toBe('2024-10-14');
  });

  it('received 2025-09-20, transfer in 15 days: 2025-10-05 is 国庆节、中秋节 (to 10-08), so 2025-10-09', () => {
    expect(lastDayOf(L.transfer, '2025-09-20', opts)).toEqual({ lastDay: '2025-10-09', assumedYears: [] });
  });

  it('received 2024-09-16, transfer in 15 days: 2024-10-01 is 国庆节 (to 10-07), so 2024-10-08', () => {
    expect(lastDayOf(L.transfer, '2024-09-16', opts).lastDay).toBe('2024-10-08');
  });

  it('does not roll a limit that lands on a make-up Sunday: 2026-09-20 is worked in exchange', () => {
    // Replied 2026-08-21: day 30 is Sunday 2026-09-20, a make-up working day for 国庆节.
    expect(lastDayOf(L.review_request, '2026-08-21', opts).lastDay).toBe('2026-09-20');
  });
});

describe('statutory clock: edges', () => {
  it('does not roll forward when switched off', () => {
    expect(lastDayOf(L.reply, '2022-03-05', { calendar, rollForward: false }).lastDay).toBe('2022-05-04');
    expect(lastDayOf(L.transfer, '2022-01-28', { calendar, rollForward: false }).lastDay).toBe('2022-02-12');
  });

  it('still counts working days when roll-forward is off (they never end on a rest day)', () => {
    expect(lastDayOf(L.remit_return, '2022-04-29', { calendar, rollForward: false }).lastDay).toBe('2022-05-10');
  });

  it('counts across month ends', () => {
    expect(lastDayOf(L.review_request, '2022-01-31', opts).lastDay).toBe('2022-03-02');
    expect(lastDayOf(L.review_request, '2022-03-31', opts).lastDay).toBe('2022-05-05');
  });

  it('rolls onto a make-up working day that falls on a weekend', () => {
    // 2022-10-07 is the last day of 国庆节; 2022-10-08 is a Saturday worked in exchange.
    expect(lastDayOf(L.acceptance, '2022-09-22', opts).lastDay).toBe('2022-10-08');
    // 2023-01-21 is 春节; 2023-01-28 is a Saturday worked in exchange.
    expect(lastDayOf(L.transfer, '2023-01-06', opts).lastDay).toBe('2023-01-28');
  });

  it('lands on 29 February in 2028, a year the data does not know, and says so', () => {
    expect(lastDayOf(L.review_request, '2028-01-30', opts)).toEqual({ lastDay: '2028-02-29', assumedYears: [2028] });
    expect(lastDayOf(L.review_request, '2028-01-31', opts)).toEqual({ lastDay: '2028-03-01', assumedYears: [2028] });
    expect(lastDayOf(L.reply, '2027-12-30', opts)).toEqual({ lastDay: '2028-02-28', assumedYears: [2028] });
  });

  it('treats weekends as the only rest days of an unknown year', () => {
    // 2027-02-28 is a Sunday.
    expect(lastDayOf(L.review_request, '2027-01-29', opts)).toEqual({ lastDay: '2027-03-01', assumedYears: [2027] });
    // 2027-10-01 will be 国庆节, but 2027 is not in the data yet.
    expect(lastDayOf(L.review_request, '2027-09-01', opts)).toEqual({ lastDay: '2027-10-01', assumedYears: [2027] });
  });

  it('touches no calendar, and assumes nothing, when it does not roll', () => {
    expect(lastDayOf(L.review_request, '2028-01-30', { calendar, rollForward: false })).toEqual({
      lastDay: '2028-02-29',
      assumedYears: [],
    });
  });

  it('counts working days into an unknown year with the flag', () => {
    // Dec 28-31 are known working days of 2026; 2027-01-01 is assumed to be an ordinary Friday.
    expect(lastDayOf(L.remit_return, '2026-12-27', opts)).toEqual({ lastDay: '2027-01-01', assumedYears: [2027] });
  });

  it('puts a fact at 16:00Z on the next Shanghai day', () => {
    expect(localDateOf('2022-04-19T16:00:00Z', 'Asia/Shanghai')).toBe('2022-04-20');
    expect(lastDayAfterInstant(L.review_request, '2022-04-19T16:00:00Z', shanghai).lastDay).toBe('2022-05-20');
    expect(lastDayAfterInstant(L.review_request, '2022-04-19T15:59:59Z', shanghai).lastDay).toBe('2022-05-19');
  });

  it('applies an extension to a fact given as an instant', () => {
    expect(lastDayAfterInstant(L.reply, '2022-03-05T10:00:00+08:00', shanghai, 30).lastDay).toBe('2022-06-06');
  });

  it('counts a fact on the last day as in time and the next day as late', () => {
    expect(isInTime('2022-05-05', '2022-05-05')).toBe(true);
    expect(isInTime('2022-05-06', '2022-05-05')).toBe(false);
    expect(isPast('2022-05-05', '2022-05-05')).toBe(false);
    expect(isPast('2022-05-05', '2022-05-06')).toBe(true);
    // The last day ends at midnight in Shanghai, i.e. 16:00Z.
    expect(isInTime(localDateOf('2022-05-05T15:59:59Z', 'Asia/Shanghai'), '2022-05-05')).toBe(true);
    expect(isInTime(localDateOf('2022-05-05T16:00:00Z', 'Asia/Shanghai'), '2022-05-05')).toBe(false);
  });
});

describe('statutory limits as data', () => {
  it('names every step of 信访工作条例 with its length, unit and trigger', () => {
    const table = Object.values(L).map((l) => [l.step, l.length, l.unit, l.from, l.kind]);
    expect(table).toEqual([
      ['transfer', 15, 'calendar_days', 'receipt', 'duty'],
      ['acceptance', 15, 'calendar_days', 'transfer', 'duty'],
      ['reply', 60, 'calendar_days', 'acceptance', 'duty'],
      ['review_request', 30, 'calendar_days', 'reply', 'window'],
      ['review_decision', 30, 'calendar_days', 'review request', 'duty'],
      ['re_review_request', 30, 'calendar_days', 'review decision', 'window'],
      ['re_review_decision', 30, 'calendar_days', 're-review request', 'duty'],
      ['remit_return', 5, 'working_days', 'transfer', 'window'],
    ]);
  });
});
