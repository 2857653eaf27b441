import { EventEnvelope, Position, START } from '@app/ledger';
import { auditLeafHashBytes } from '../audit-leaf';
import { AuditLogVerifier, AuditVerificationReport } from '../audit-log-verifier';
import { LogVerifierOptions } from '../log-verifier';
import { AuditStore } from './audit-store';
import { NodeWindowReader } from './node-window-reader';

/** The part of the event-store port verification reads. */
export interface EventReader {
  readAll(fromPosition: Position, limit: number): Promise<EventEnvelope[]>;
}

export interface VerifyStoredLogOptions {
  /** The key every checkpoint must be signed with (see LogVerifierOptions). */
  readonly trustedKey: LogVerifierOptions['trustedKey'];
  /** When set, every checkpoint must name this origin. */
  readonly origin?: string;
  /** Read at most this many events (the log's length when the caller started, on a live ledger). */
  readonly maxEvents?: number;
  readonly batchSize?: number;
  /** Called after each batch with the number of events checked. */
  readonly onProgress?: (checked: number) => void;
  /** Give the event loop a turn between batches (inside the HTTP server). */
  readonly yieldBetweenBatches?: boolean;
}

/**
 * Verifies a ledger against its audit store: recomputes every leaf from the
 * events, compares it and every interior node with the stored tree, and checks
 * each stored checkpoint's signature and root against the recomputed tree.
 *
 * The tree size and the checkpoints are fixed when it starts, so a server
 * appending meanwhile changes nothing that is being checked.
 */
export async function verifyStoredLog(
  events: EventReader,
  audit: AuditStore,
  options: VerifyStoredLogOptions,
): Promise<AuditVerificationReport> {
  const treeSize = audit.size;
  // Nodes are read in index order: a window per level and query, not a query per node.
  const nodes = new NodeWindowReader(audit.db);
  const verifier = new AuditLogVerifier({
    trustedKey: options.trustedKey,
    origin: options.origin,
    checkpoints: audit.checkpoints(treeSize),
    storedTree: { size: treeSize, node: (level, index) => nodes.node(level, index) },
  });
  const batchSize = options.batchSize ?? 1000;
  const maxEvents = options.maxEvents ?? Number.POSITIVE_INFINITY;
  let next: Position = START;
  let index = 0;
  while (index < maxEvents && !verifier.failed) {
    const batch = await events.readAll(next, Math.min(batchSize, maxEvents - index));
    if (batch.length === 0) break;
    for (const event of batch) {
      if (!verifier.push({ index, leafHash: auditLeafHashBytes(event, index) })) break;
      index++;
    }
    next = batch[batch.length - 1].position + 1n;
    options.onProgress?.(index);
    if (options.yieldBetweenBatches) await new Promise((resolve) => setImmediate(resolve));
  }
  return verifier.finish();
}
