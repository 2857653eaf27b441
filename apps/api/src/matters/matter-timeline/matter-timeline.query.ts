import { Query } from '@nestjs/cqrs';
import { TimelineEntry } from '@app/projections';
import { Principal } from '@app/security';

export type MatterTimelineEntry = Omit<TimelineEntry, 'index' | 'stream'>;

/** GET /matters/{id}/timeline: every event of the matter, in ledger order. */
export class MatterTimelineQuery extends Query<MatterTimelineEntry[]> {
  constructor(
    readonly principal: Principal,
    readonly matterId: string,
  ) {
    super();
  }
}
