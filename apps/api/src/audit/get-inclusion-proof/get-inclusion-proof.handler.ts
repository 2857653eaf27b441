import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { badRequest } from '../../http/problem';
import { assertWithinTree, AuditAnswer, auditNumber, latestCheckpointOrNotFound } from '../audit-read';
import { AuditService } from '../audit.service';
import { GetInclusionProofQuery, InclusionProof } from './get-inclusion-proof.query';

@QueryHandler(GetInclusionProofQuery)
export class GetInclusionProofHandler implements IQueryHandler<GetInclusionProofQuery, AuditAnswer<InclusionProof>> {
  constructor(private readonly audit: AuditService) {}

  async execute(query: GetInclusionProofQuery): Promise<AuditAnswer<InclusionProof>> {
    const position = await this.audit.ready(query.minPosition);
    const index = auditNumber(query.index, 'index');
    const size =
      query.size === undefined ? latestCheckpointOrNotFound(this.audit).size : auditNumber(query.size, 'size');
    assertWithinTree(this.audit, size, 'size');
    if (index >= size)
      throw badRequest(`index ${index} is not below size ${size}`, [{ field: 'index', message: 'must be below size' }]);
    const tree = this.audit.store.tree;
    return {
      position,
      body: { index, size, leafHash: tree.leafHash(index), hashes: tree.inclusionProof(index, size) },
    };
  }
}
