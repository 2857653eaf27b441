import { dailyDigests, domainEvent } from '@app/domain';
import { at, ev, officialCalendar } from '@app/domain/testing';
import { mattersProjection } from './matters.projection';
import { BUREAU_UNIT, openDuties } from './reminder-duties';
import { applyAll, envelopes, onStream, readModelDb } from './spec-support';

const settings = { timeZone: 'Asia/Shanghai', calendar: officialCalendar, rollForward: true };
const projections = [mattersProjection(settings)];

const opened = (id: string, when: string) =>
  domainEvent('MatterOpened', when, {
    matterId: id,
    category: 'urban_rural_construction',
    subject: '紫悦华府',
    responsibleUnit: 'town-a',
    summary: '诉求',
    petitioners: [],
  });

describe('the daily reminder on a fixture day (2022-04-29)', () => {
  const db = readModelDb(projections);
  const events = envelopes([
    // Received 04-14, not yet transferred: the bureau's 15 days end today.
    ...onStream('matter-T', [opened('T', at('2022-04-14')), ev.contact(at('2022-04-14'), { repeat: false })]),
    // Received 03-01, never transferred: overdue since 03-16.
    ...onStream('matter-O', [opened('O', at('2022-03-01')), ev.contact(at('2022-03-01'), { repeat: false })]),
    // Accepted 03-05 by town-a: reply due 05-05 (04-30..05-04 are holidays); owned by a leader.
    ...onStream('matter-R', [
      opened('R', at('2022-03-01')),
      ev.contact(at('2022-03-01'), { repeat: false }),
      ev.assigned(at('2022-03-02')),
      ev.accepted(at('2022-03-05')),
      ev.owner(at('2022-03-06'), '王副市长'),
    ]),
    // Replied already: nothing to remind.
    ...onStream('matter-D', [
      opened('D', at('2022-03-01')),
      ev.contact(at('2022-03-01'), { repeat: false }),
      ev.assigned(at('2022-03-02')),
      ev.accepted(at('2022-03-05')),
      ev.replied(at('2022-04-20')),
    ]),
  ]);
  applyAll(db, projections, events);
  const last = events[events.length - 1].position;

  it('lists each unit’s duties due today, within three working days and overdue, with days left and owner', () => {
    const digests = dailyDigests(openDuties(db, last, '2022-05-31'), '2022-04-29', officialCalendar);
    expect(digests).toEqual([
      {
        unit: BUREAU_UNIT,
        date: '2022-04-29',
        dueToday: [
          {
            matterId: 'T',
            step: 'transfer',
            category: 'urban_rural_construction',
            lastDay: '2022-04-29',
            daysLeft: 0,
            owner: null,
          },
        ],
        dueSoon: [],
        overdue: [
          {
            matterId: 'O',
            step: 'transfer',
            category: 'urban_rural_construction',
            lastDay: '2022-03-16',
            daysLeft: -44,
            owner: null,
          },
        ],
        owners: [],
      },
      {
        unit: 'town-a',
        date: '2022-04-29',
        dueToday: [],
        dueSoon: [
          {
            matterId: 'R',
            step: 'reply',
            category: 'urban_rural_construction',
            lastDay: '2022-05-05',
            daysLeft: 6,
            owner: '王副市长',
          },
        ],
        overdue: [],
        owners: ['王副市长'],
      },
    ]);
  });

  it('scopes to a handler’s units', () => {
    expect(openDuties(db, last, '2022-05-31', ['town-a']).map((d) => d.matterId)).toEqual(['R']);
    expect(openDuties(db, last, '2022-05-31', [])).toEqual([]);
  });
});
