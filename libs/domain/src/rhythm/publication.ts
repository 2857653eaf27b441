import type { Decider } from '../decider';
import { domainEvent, DomainEvent, DomainEventOf } from '../events/event-catalog';
import type { PublicationData } from '../events/activity-events';
import { refuse } from '../matter/command-checks';
import type { Period } from '../periods/periods';
import { compareDates, LocalDate } from '../time/local-date';

/** What is published: a monthly ranking (月排名) or a half-month bulletin (半月通报). */
export type PublishedKind = 'ranking' | 'bulletin';

export const PUBLICATION_EVENT = {
  ranking: 'RankingPublished',
  bulletin: 'BulletinPublished',
} as const satisfies Record<PublishedKind, string>;

/**
 * A period is published only once it is over (business time zone): a ranking
 * of a month still running would freeze figures that the rest of the month
 * changes. The last day itself is still running, so publication opens the day after.
 */
export function assertPeriodEnded(period: Period, today: LocalDate): void {
  if (compareDates(period.to, today) >= 0) {
    refuse('period-not-ended', `${period.id} ends on ${period.to}; it can be published from the next day`);
  }
}

/** Freeze a period's figures, computed at `data.checkpoint`, as an event. */
export interface PublishPeriod {
  readonly type: 'PublishPeriod';
  readonly kind: PublishedKind;
  readonly period: Period;
  readonly data: PublicationData;
}

export interface PublicationContext {
  /** The instant of publication (the server's clock). */
  readonly now: string;
  /** The business date now: the period must have ended before it. */
  readonly today: LocalDate;
}

/** Whether `publication-<kind>-<period>` already holds its one event. */
export type PublicationState = { readonly published: boolean };

/**
 * A period's publication: once, and only after the period has ended. The writer
 * also refuses an existing stream (409 with the published version beside it);
 * the decider says the same rule in the domain.
 */
export const publicationDecider: Decider<PublishPeriod, PublicationState, PublicationContext> = {
  initialState: { published: false },
  evolve: (_state: PublicationState, _event: DomainEvent): PublicationState => ({ published: true }),
  decide(command, state, ctx): DomainEventOf<'RankingPublished' | 'BulletinPublished'>[] {
    assertPeriodEnded(command.period, ctx.today);
    if (state.published)
      refuse('already-published', `the ${command.kind} of ${command.period.id} is already published`);
    return [domainEvent(PUBLICATION_EVENT[command.kind], ctx.now, command.data)];
  },
};
