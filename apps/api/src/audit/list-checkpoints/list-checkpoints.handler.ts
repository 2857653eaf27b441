import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { CheckpointRecord } from '@app/audit';
import { badRequest } from '../../http/problem';
import { AuditAnswer, auditNumber } from '../audit-read';
import { AuditService } from '../audit.service';
import { ListCheckpointsQuery } from './list-checkpoints.query';

@QueryHandler(ListCheckpointsQuery)
export class ListCheckpointsHandler implements IQueryHandler<ListCheckpointsQuery, AuditAnswer<CheckpointRecord[]>> {
  constructor(private readonly audit: AuditService) {}

  async execute(query: ListCheckpointsQuery): Promise<AuditAnswer<CheckpointRecord[]>> {
    const position = await this.audit.ready(query.minPosition);
    const after = auditNumber(query.afterSize, 'afterSize', 0);
    const limit = auditNumber(query.limit, 'limit', 1000);
    if (limit < 1 || limit > 1000)
      throw badRequest('limit must be 1 to 1000', [{ field: 'limit', message: 'must be 1 to 1000' }]);
    return { position, body: this.audit.store.checkpointPage(after, limit) };
  }
}
