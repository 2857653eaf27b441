import { Query } from '@nestjs/cqrs';
import type { AuditVerificationReport } from '@app/audit';
import type { Position } from '@app/ledger';
import type { AuditAnswer } from '../audit-read';

export type AuditVerification = Pick<
  AuditVerificationReport,
  'ok' | 'checked' | 'firstBadIndex' | 'reason' | 'fault' | 'checkpointsVerified'
>;

/** GET /audit/verify: the tree recomputed from the whole log, every stored hash and checkpoint checked. */
export class VerifyAuditQuery extends Query<AuditAnswer<AuditVerification>> {
  constructor(readonly minPosition: Position | undefined) {
    super();
  }
}
