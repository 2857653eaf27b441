import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { findMatter, timelineOf } from '@app/projections';
import { notFound } from '../../http/problem';
import { ReadModels } from '../../read-models/read-models.service';
import { assertMayRead } from '../matter-view';
import { MatterTimelineEntry, MatterTimelineQuery } from './matter-timeline.query';

@QueryHandler(MatterTimelineQuery)
export class MatterTimelineHandler implements IQueryHandler<MatterTimelineQuery, MatterTimelineEntry[]> {
  constructor(private readonly readModels: ReadModels) {}

  execute({ principal, matterId }: MatterTimelineQuery): Promise<MatterTimelineEntry[]> {
    const row = findMatter(this.readModels.db, matterId);
    if (!row) throw notFound(`no matter ${matterId}`);
    assertMayRead(principal, row.state);
    const entries = timelineOf(this.readModels.db, matterId);
    return Promise.resolve(entries.map(({ index: _index, stream: _stream, ...entry }) => entry));
  }
}
