import { Query } from '@nestjs/cqrs';
import type { Position } from '@app/ledger';
import type { AuditAnswer } from '../audit-read';

export interface InclusionProof {
  readonly index: number;
  readonly size: number;
  readonly leafHash: string;
  readonly hashes: string[];
}

/** GET /audit/proofs/inclusion: RFC 9162 inclusion proof of one leaf in the tree of a size (default: the latest checkpoint's). */
export class GetInclusionProofQuery extends Query<AuditAnswer<InclusionProof>> {
  constructor(
    readonly minPosition: Position | undefined,
    readonly index: string | undefined,
    readonly size: string | undefined,
  ) {
    super();
  }
}
