import { domainEvent } from '../events/event-catalog';
import type { PublicationData } from '../events/activity-events';
import { parseHalfMonth, parseMonth } from '../periods/periods';
import { unwrap } from '../result';
import { specFor } from '../testing/given-when-then';
import { assertPeriodEnded, publicationDecider, PublishPeriod } from './publication';

const april = unwrap(parseMonth('2022-04'));
const firstHalf = unwrap(parseHalfMonth('2022-04-H1'));
const data = (period: string): PublicationData => ({
  period,
  rule: { id: 'default', version: 2 },
  checkpoint: { position: '41', rootHash: 'ab'.repeat(32), size: 42 },
  content: { kind: 'ranking', period },
});
const publishApril: PublishPeriod = { type: 'PublishPeriod', kind: 'ranking', period: april, data: data('2022-04') };

describe('publishing a ranking or a bulletin', () => {
  const given = specFor(publicationDecider, { now: '2022-05-01T08:00:00+08:00', today: '2022-05-01' });

  it('given nothing published, when the month is over, then RankingPublished with the frozen content', () => {
    given([])
      .when(publishApril)
      .then([domainEvent('RankingPublished', '2022-05-01T08:00:00+08:00', data('2022-04'))]);
  });

  it('given nothing published, when a half-month is over, then BulletinPublished', () => {
    given([])
      .when({ type: 'PublishPeriod', kind: 'bulletin', period: firstHalf, data: data('2022-04-H1') })
      .then([domainEvent('BulletinPublished', '2022-05-01T08:00:00+08:00', data('2022-04-H1'))]);
  });

  it('given nothing published, when it is still the last day of the month, then refused: period not ended', () => {
    given([])
      .when(publishApril, { today: '2022-04-30' })
      .thenThrows('period-not-ended', /2022-04 ends on 2022-04-30; it can be published from the next day/);
  });

  it('given nothing published, when the month has not begun, then refused: period not ended', () => {
    given([]).when(publishApril, { today: '2022-03-31' }).thenThrows('period-not-ended');
  });

  it('given a publication, when published again, then refused: a publication is never replaced', () => {
    given([domainEvent('RankingPublished', '2022-05-01T08:00:00+08:00', data('2022-04'))])
      .when(publishApril, { today: '2022-06-01' })
      .thenThrows('already-published');
  });
});

describe('the period-ended rule on its own (checked before any figures are computed)', () => {
  it('opens the day after the last day', () => {
    expect(() => assertPeriodEnded(firstHalf, '2022-04-15')).toThrow(/ends on 2022-04-15/);
    expect(() => assertPeriodEnded(firstHalf, '2022-04-16')).not.toThrow();
  });
});
