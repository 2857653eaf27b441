import { officialCalendar } from '../testing/official-calendar';
import { dailyDigests, OpenDuty } from './daily-digest';

const duty = (matterId: string, lastDay: string, unit = 'town-a', owner: string | null = null): OpenDuty => ({
  matterId,
  unit,
  step: 'reply',
  category: 'labour_social_security',
  lastDay,
  owner,
});

describe('the daily reminder (日提醒)', () => {
  // 2022-04-29 is the Friday before 劳动节 (04-30..05-04); the next three working days are 05-05, 05-06
  // and the make-up Saturday 05-07.
  const date = '2022-04-29';

  it('given open duties, lists per unit those due today, within three working days, and overdue, with days left', () => {
    const digests = dailyDigests(
      [
        duty('M-soon-2', '2022-05-07'),
        duty('M-today', '2022-04-29'),
        duty('M-soon-1', '2022-05-05'),
        duty('M-later', '2022-05-09'),
        duty('M-late', '2022-04-20'),
        duty('M-b', '2022-04-28', 'dept-b', '王副市长'),
      ],
      date,
      officialCalendar,
    );
    expect(digests).toEqual([
      {
        unit: 'dept-b',
        date,
        dueToday: [],
        dueSoon: [],
        overdue: [
          {
            matterId: 'M-b',
            step: 'reply',
            category: 'labour_social_security',
            lastDay: '2022-04-28',
            daysLeft: -1,
            owner: '王副市长',
          },
        ],
        owners: ['王副市长'],
      },
      {
        unit: 'town-a',
        date,
        dueToday: [
          {
            matterId: 'M-today',
            step: 'reply',
            category: 'labour_social_security',
            lastDay: date,
            daysLeft: 0,
            owner: null,
          },
        ],
        dueSoon: [
          {
            matterId: 'M-soon-1',
            step: 'reply',
            category: 'labour_social_security',
            lastDay: '2022-05-05',
            daysLeft: 6,
            owner: null,
          },
          {
            matterId: 'M-soon-2',
            step: 'reply',
            category: 'labour_social_security',
            lastDay: '2022-05-07',
            daysLeft: 8,
            owner: null,
          },
        ],
        overdue: [
          {
            matterId: 'M-late',
            step: 'reply',
            category: 'labour_social_security',
            lastDay: '2022-04-20',
            daysLeft: -9,
            owner: null,
          },
        ],
        owners: [],
      },
    ]);
  });

  it('given nothing due within the horizon, a unit gets no digest', () => {
    expect(dailyDigests([duty('M-later', '2022-05-09')], date, officialCalendar)).toEqual([]);
  });
});
