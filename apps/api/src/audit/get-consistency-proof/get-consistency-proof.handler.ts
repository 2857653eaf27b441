import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { badRequest } from '../../http/problem';
import { assertWithinTree, AuditAnswer, auditNumber, latestCheckpointOrNotFound } from '../audit-read';
import { AuditService } from '../audit.service';
import { ConsistencyProof, GetConsistencyProofQuery } from './get-consistency-proof.query';

@QueryHandler(GetConsistencyProofQuery)
export class GetConsistencyProofHandler implements IQueryHandler<
  GetConsistencyProofQuery,
  AuditAnswer<ConsistencyProof>
> {
  constructor(private readonly audit: AuditService) {}

  async execute(query: GetConsistencyProofQuery): Promise<AuditAnswer<ConsistencyProof>> {
    const position = await this.audit.ready(query.minPosition);
    const from = auditNumber(query.from, 'from');
    const to = query.to === undefined ? latestCheckpointOrNotFound(this.audit).size : auditNumber(query.to, 'to');
    assertWithinTree(this.audit, to, 'to');
    if (from > to)
      throw badRequest(`from ${from} is larger than to ${to}`, [{ field: 'from', message: 'must not exceed to' }]);
    if (from === 0 && to > 0) {
      throw badRequest('every tree extends the empty one; there is no proof from size 0', [
        { field: 'from', message: 'must be at least 1' },
      ]);
    }
    return { position, body: { from, to, hashes: this.audit.store.tree.consistencyProof(from, to) } };
  }
}
