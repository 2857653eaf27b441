import { Query } from '@nestjs/cqrs';
import type { Position } from '@app/ledger';
import type { AuditAnswer } from '../audit-read';
import type { CheckpointView } from '../audit.service';

/** GET /audit/checkpoint: the latest signed checkpoint and the key that signed it. */
export class GetCheckpointQuery extends Query<AuditAnswer<CheckpointView>> {
  constructor(readonly minPosition: Position | undefined) {
    super();
  }
}
