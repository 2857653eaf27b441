import { GetCheckpointHandler } from './get-checkpoint/get-checkpoint.handler';
import { GetConsistencyProofHandler } from './get-consistency-proof/get-consistency-proof.handler';
import { GetInclusionProofHandler } from './get-inclusion-proof/get-inclusion-proof.handler';
import { ListAuditEventsHandler } from './list-audit-events/list-audit-events.handler';
import { ListCheckpointsHandler } from './list-checkpoints/list-checkpoints.handler';
import { VerifyAuditHandler } from './verify-audit/verify-audit.handler';

/** The audit feature's query handlers, for the audit module to provide. */
export const AUDIT_HANDLERS = [
  GetCheckpointHandler,
  ListCheckpointsHandler,
  GetInclusionProofHandler,
  GetConsistencyProofHandler,
  VerifyAuditHandler,
  ListAuditEventsHandler,
];
