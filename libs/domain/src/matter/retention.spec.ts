import type { DomainEvent } from '../events/event-catalog';
import { at, ev, openedData, throughFinal, throughReply } from '../testing/matter-fixtures';
import { foldMatter, MatterState } from './matter-state';
import { addYears } from '../time/local-date';
import { erasuresDue, MatterForRetention, matterEndedOn } from './retention';

const TZ = 'Asia/Shanghai';

/** A matter of the given petitioners, folded from its events. */
function matter(id: string, petitioners: string[], events: DomainEvent[]): MatterForRetention {
  const [opened, ...rest] = events;
  const own = {
    ...opened,
    data: {
      ...openedData,
      matterId: id,
      petitioners: petitioners.map((p) => ({ ...openedData.petitioners[0], petitionerId: p })),
    },
  } as DomainEvent;
  const state = foldMatter([own, ...rest]) as MatterState;
  return { state, lastFactAt: events[events.length - 1].occurredAt };
}

describe('retention: when a matter has ended', () => {
  it('a replied, final, not accepted or resolved matter ended on its last fact (business date); an open one has not', () => {
    expect(matterEndedOn(matter('M-1', ['P-1'], throughReply), TZ)).toBe('2022-04-20');
    expect(matterEndedOn(matter('M-2', ['P-2'], throughFinal), TZ)).toBe('2022-08-01');
    const declined = [
      ...ev.opened(at('2022-03-01')),
      ev.assigned(at('2022-03-02')),
      ev.declined(at('2022-03-03', '23:30')),
    ];
    expect(matterEndedOn(matter('M-3', ['P-3'], declined), TZ)).toBe('2022-03-03');
    const resolved = [...ev.opened(at('2022-03-01')), ev.assigned(at('2022-03-02')), ev.resolved(at('2022-03-09'))];
    expect(matterEndedOn(matter('M-4', ['P-4'], resolved), TZ)).toBe('2022-03-09');
    const accepted = [...ev.opened(at('2022-03-01')), ev.assigned(at('2022-03-02')), ev.accepted(at('2022-03-05'))];
    expect(matterEndedOn(matter('M-5', ['P-5'], accepted), TZ)).toBeNull();
    const underReview = [...throughReply, ev.reviewRequested(at('2022-05-20'))];
    expect(matterEndedOn(matter('M-6', ['P-6'], underReview), TZ)).toBeNull();
  });

  it('adds whole years, 29 February becoming 28 February', () => {
    expect(addYears('2022-04-20', 3)).toBe('2025-04-20');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
  });
});

describe('retention: which petitioners are due', () => {
  const ended2022 = matter('M-1', ['P-1', 'P-2'], throughReply); // ended 2022-04-20
  const final2022 = matter('M-2', ['P-3'], throughFinal); // ended 2022-08-01
  const open = matter('M-3', ['P-2'], [...ev.opened(at('2022-05-01')), ev.assigned(at('2022-05-02'))]);

  it('given matters that all ended more than N years ago, then their petitioners, oldest first', () => {
    expect(erasuresDue([final2022, ended2022], '2025-12-01', 3, TZ)).toEqual([
      { petitionerId: 'P-1', matterIds: ['M-1'], lastEnded: '2022-04-20' },
      { petitionerId: 'P-2', matterIds: ['M-1'], lastEnded: '2022-04-20' },
      { petitionerId: 'P-3', matterIds: ['M-2'], lastEnded: '2022-08-01' },
    ]);
  });

  it('given one open matter of a petitioner, then that petitioner is kept whatever the others say', () => {
    expect(erasuresDue([ended2022, open], '2030-01-01', 3, TZ).map((d) => d.petitionerId)).toEqual(['P-1']);
  });

  it('on the anniversary itself the data is kept; from the next day it is due', () => {
    expect(erasuresDue([ended2022], '2025-04-20', 3, TZ)).toEqual([]);
    expect(erasuresDue([ended2022], '2025-04-21', 3, TZ)).toHaveLength(2);
  });

  it('the last-ended matter of a petitioner counts', () => {
    const later = matter('M-4', ['P-1'], throughFinal); // P-1 again, ended 2022-08-01
    expect(erasuresDue([ended2022, later], '2025-05-01', 3, TZ).map((d) => d.petitionerId)).toEqual(['P-2']);
    expect(erasuresDue([ended2022, later], '2025-08-02', 3, TZ)).toContainEqual({
      petitionerId: 'P-1',
      matterIds: ['M-1', 'M-4'],
      lastEnded: '2022-08-01',
    });
  });
});
