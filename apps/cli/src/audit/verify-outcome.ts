// What a verification reports, whichever source it read (data directory, export file, server).
import { AuditVerificationReport, ExportCheckpoint, StoredCheckpoint } from '@app/audit';

export type Warn = (message: string) => void;

export interface VerifyOutcome {
  readonly source: string;
  readonly trustedKey: string | null;
  readonly report: AuditVerificationReport;
}

/** The checkpoint as the verifiers take it. */
export function toStoredCheckpoint(checkpoint: ExportCheckpoint): StoredCheckpoint {
  return { size: checkpoint.size, rootHash: checkpoint.rootHash, note: checkpoint.note };
}
