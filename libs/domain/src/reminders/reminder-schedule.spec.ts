import { msUntilReminder, parseReminderAt, reminderDue } from './reminder-schedule';

describe('the reminder schedule (LEDGER_REMINDER_AT)', () => {
  it('reads HH:MM and refuses anything else', () => {
    expect(parseReminderAt('08:30')).toBe(510);
    expect(parseReminderAt('00:00')).toBe(0);
    expect(parseReminderAt('23:59')).toBe(1439);
    expect(parseReminderAt('24:00')).toBeNull();
    expect(parseReminderAt('8:30')).toBeNull();
    expect(parseReminderAt('08:30:00')).toBeNull();
  });

  it('is due from 08:30 business time, whatever offset the instant is written in', () => {
    expect(reminderDue('2022-04-29T08:29:00+08:00', 510, 'Asia/Shanghai')).toEqual({ date: '2022-04-29', due: false });
    expect(reminderDue('2022-04-29T00:30:00+00:00', 510, 'Asia/Shanghai')).toEqual({ date: '2022-04-29', due: true });
    // 23:00 UTC on the 28th is already 07:00 on the 29th in Shanghai: the 29th, not yet due.
    expect(reminderDue('2022-04-28T23:00:00Z', 510, 'Asia/Shanghai')).toEqual({ date: '2022-04-29', due: false });
  });

  it('waits until the next 08:30 business time, a day when it is 08:30 or later', () => {
    const minute = 60_000;
    expect(msUntilReminder('2022-04-29T07:00:00+08:00', 510, 'Asia/Shanghai')).toBe(90 * minute);
    expect(msUntilReminder('2022-04-29T08:29:59.750+08:00', 510, 'Asia/Shanghai')).toBe(250);
    expect(msUntilReminder('2022-04-29T08:30:00+08:00', 510, 'Asia/Shanghai')).toBe(1440 * minute);
    expect(msUntilReminder('2022-04-29T09:00:00+08:00', 510, 'Asia/Shanghai')).toBe(1410 * minute);
    // The same instant written in UTC: the business zone decides.
    expect(msUntilReminder('2022-04-28T23:00:00Z', 510, 'Asia/Shanghai')).toBe(90 * minute);
  });
});
