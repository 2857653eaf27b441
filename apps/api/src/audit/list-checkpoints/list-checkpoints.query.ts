import { Query } from '@nestjs/cqrs';
import type { CheckpointRecord } from '@app/audit';
import type { Position } from '@app/ledger';
import type { AuditAnswer } from '../audit-read';

/** GET /audit/checkpoints: every signed checkpoint in signing order, paged by size. */
export class ListCheckpointsQuery extends Query<AuditAnswer<CheckpointRecord[]>> {
  constructor(
    readonly minPosition: Position | undefined,
    readonly afterSize: string | undefined,
    readonly limit: string | undefined,
  ) {
    super();
  }
}
