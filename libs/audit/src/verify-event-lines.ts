import { CanonicalJsonError } from '@app/ledger';
import { AuditEventLine, leafHashOfLine } from './audit-export';
import { AuditLogVerifier, AuditVerificationReport } from './audit-log-verifier';
import { AuditError } from './errors';
import { LogVerifierOptions } from './log-verifier';

export interface VerifyEventLinesOptions extends LogVerifierOptions {
  /** Called every `progressEvery` events (default 10,000) with the number checked. */
  readonly onProgress?: (checked: number) => void;
  readonly progressEvery?: number;
}

/**
 * Verifies event lines (an export file, or GET /audit/events page after page)
 * as they stream in: each leaf is recomputed from the line's own fields and
 * compared with the `hash` the line claims, and the checkpoints (signature,
 * root at their size, order) against the recomputed tree. A line that cannot
 * be read (AuditError from the source) ends verification at its index.
 */
export async function verifyEventLines(
  lines: AsyncIterable<AuditEventLine> | Iterable<AuditEventLine>,
  options: VerifyEventLinesOptions,
): Promise<AuditVerificationReport> {
  const verifier = new AuditLogVerifier(options);
  const every = options.progressEvery ?? 10_000;
  try {
    for await (const line of lines) {
      if (!verifier.push({ index: line.index, leafHash: leafHashOfLine(line), storedLeafHash: line.hash })) break;
      if (verifier.count % every === 0) options.onProgress?.(verifier.count);
    }
  } catch (error) {
    // Malformed lines, and data no canonical encoding exists for (so no event the ledger could have stored).
    if (!(error instanceof AuditError) && !(error instanceof CanonicalJsonError)) throw error;
    verifier.reject('EVENT_UNREADABLE', error.message);
  }
  options.onProgress?.(verifier.count);
  return verifier.finish();
}
