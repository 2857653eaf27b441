import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AuditAnswer, latestCheckpointOrNotFound } from '../audit-read';
import { AuditService, CheckpointView } from '../audit.service';
import { GetCheckpointQuery } from './get-checkpoint.query';

@QueryHandler(GetCheckpointQuery)
export class GetCheckpointHandler implements IQueryHandler<GetCheckpointQuery, AuditAnswer<CheckpointView>> {
  constructor(private readonly audit: AuditService) {}

  async execute({ minPosition }: GetCheckpointQuery): Promise<AuditAnswer<CheckpointView>> {
    const position = await this.audit.ready(minPosition);
    return { position, body: latestCheckpointOrNotFound(this.audit) };
  }
}
