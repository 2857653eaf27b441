import { Query } from '@nestjs/cqrs';
import type { Position } from '@app/ledger';
import type { AuditAnswer } from '../audit-read';

export interface ConsistencyProof {
  readonly from: number;
  readonly to: number;
  readonly hashes: string[];
}

/** GET /audit/proofs/consistency: RFC 9162 proof that the tree of size `to` (default: the latest checkpoint's) extends that of size `from`. */
export class GetConsistencyProofQuery extends Query<AuditAnswer<ConsistencyProof>> {
  constructor(
    readonly minPosition: Position | undefined,
    readonly from: string | undefined,
    readonly to: string | undefined,
  ) {
    super();
  }
}
