import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { badRequest } from '../../http/problem';
import { AuditAnswer, auditNumber } from '../audit-read';
import { AuditService } from '../audit.service';
import { MAX_EVENTS_PAGE } from '../audit.dto';
import { ListAuditEventsQuery } from './list-audit-events.query';

@QueryHandler(ListAuditEventsQuery)
export class ListAuditEventsHandler implements IQueryHandler<ListAuditEventsQuery, AuditAnswer<AsyncIterable<string>>> {
  constructor(private readonly audit: AuditService) {}

  async execute(query: ListAuditEventsQuery): Promise<AuditAnswer<AsyncIterable<string>>> {
    const position = await this.audit.ready(query.minPosition);
    const fromIndex = auditNumber(query.fromIndex, 'fromIndex', 0);
    const limit = auditNumber(query.limit, 'limit', 1000);
    if (limit < 1 || limit > MAX_EVENTS_PAGE) {
      throw badRequest(`limit must be 1 to ${MAX_EVENTS_PAGE}`, [
        { field: 'limit', message: `must be 1 to ${MAX_EVENTS_PAGE}` },
      ]);
    }
    return { position, body: this.audit.eventLines(fromIndex, limit) };
  }
}
