/**
 * Streaming verification of the whole log, the core of `ledger verify` and
 * GET /audit/verify. Leaves are fed in index order; only the compact range
 * (O(log n) hashes) and the next stored checkpoint are kept in memory.
 *
 * It proves, in this order of discovery:
 * - every stored leaf hash equals the hash recomputed from the event bytes
 *   (names the first bad index);
 * - every stored checkpoint is signed by the trusted key, its note says what
 *   the stored row says, and its root equals the recomputed tree at its size;
 * - checkpoints never go backwards, and none claims more leaves than the log
 *   holds (a deleted tail).
 * Since every checkpoint root is matched against one recomputed tree, they
 * are all prefixes of it and thus pairwise consistent; no proofs are needed.
 */
import { AuditError } from './errors';
import { CompactRange } from './compact-range';
import { parseCheckpoint } from './checkpoint';
import { decodeBytes, HASH_SIZE, HashInput, toHex, viewBytes } from './merkle-hash';
import { parseSignedNote, verifyNote } from './signed-note';

export interface LeafRecord {
  /** The event's `index`; checked against the expected position when present. */
  readonly index?: number;
  /** Leaf hash recomputed from the event's canonical bytes (bytes are held, not copied: do not reuse the buffer). */
  readonly leafHash: HashInput;
  /** Leaf hash as stored with the event, if the store keeps one. */
  readonly storedLeafHash?: HashInput;
}

export interface StoredCheckpoint {
  readonly size: number;
  readonly rootHash: HashInput;
  /** The signed note; required when a trusted key is given. */
  readonly note?: string;
}

export interface LogVerifierOptions {
  /** Stored checkpoints in the order they were signed; read lazily. */
  readonly checkpoints?: Iterable<StoredCheckpoint>;
  /**
   * The key every checkpoint must be signed with. Explicitly null to skip
   * signature checks (tests, or a log that never signed): there is no default,
   * so forgetting it cannot silently weaken `ledger verify`.
   */
  readonly trustedKey: { readonly publicKey: Uint8Array | string; readonly keyName: string } | null;
  /** When set, each checkpoint note must name this origin. */
  readonly origin?: string;
}

export type LogFault =
  | 'INDEX_OUT_OF_ORDER'
  | 'LEAF_HASH_MALFORMED'
  | 'LEAF_HASH_MISMATCH'
  | 'CHECKPOINT_ROOT_MISMATCH'
  | 'CHECKPOINT_BEYOND_LOG'
  | 'CHECKPOINT_NOT_CONSISTENT'
  | 'CHECKPOINT_SIGNATURE_INVALID'
  | 'CHECKPOINT_NOTE_MISMATCH';

export interface LogVerificationReport {
  readonly ok: boolean;
  /** Leaves verified good (on a leaf fault, the bad index is not counted). */
  readonly checked: number;
  /** The first leaf that is wrong or missing, when a fault points at one. */
  readonly firstBadIndex?: number;
  readonly reason?: string;
  readonly fault?: LogFault;
  readonly checkpointsVerified: number;
}

interface Failure {
  readonly fault: LogFault;
  readonly reason: string;
  readonly firstBadIndex?: number;
}

export class LogVerifier {
  private readonly range = new CompactRange();
  private readonly checkpoints: Iterator<StoredCheckpoint>;
  private pending: StoredCheckpoint | undefined;
  private lastCheckpointSize = 0;
  private checkpointsVerified = 0;
  private failure: Failure | undefined;
  private finished = false;

  constructor(private readonly options: LogVerifierOptions) {
    this.checkpoints = (options.checkpoints ?? [])[Symbol.iterator]();
    this.advanceCheckpoints();
  }

  get failed(): boolean {
    return this.failure !== undefined;
  }

  /**
   * Feeds the next leaf. Returns false once a fault is found, so the caller can stop reading.
   * `onNode` sees each interior node the leaf completes (see CompactRange.append).
   */
  push(leaf: LeafRecord, onNode?: (level: number, hash: Buffer) => void): boolean {
    if (this.finished) throw new Error('LogVerifier.push after finish');
    if (this.failure) return false;
    const index = this.range.size;
    if (leaf.index !== undefined && leaf.index !== index) {
      return this.fail('INDEX_OUT_OF_ORDER', `expected leaf ${index}, got leaf ${leaf.index}`, index);
    }
    const computed = viewBytes(leaf.leafHash);
    if (computed === undefined || computed.length !== HASH_SIZE) {
      return this.fail('LEAF_HASH_MALFORMED', `recomputed leaf hash ${index} is not a 32-byte hash`, index);
    }
    if (leaf.storedLeafHash !== undefined) {
      const stored = viewBytes(leaf.storedLeafHash);
      if (stored === undefined || !stored.equals(computed)) {
        return this.fail('LEAF_HASH_MISMATCH', `stored hash of leaf ${index} differs from its recomputed hash`, index);
      }
    }
    this.range.append(computed, onNode);
    if (this.pending !== undefined && this.pending.size === this.range.size) this.advanceCheckpoints();
    return this.failure === undefined;
  }

  /** Ends the stream: any checkpoint still waiting claims leaves the log does not have. */
  finish(): LogVerificationReport {
    this.finished = true;
    if (!this.failure && this.pending !== undefined) {
      const size = this.range.size;
      this.fail(
        'CHECKPOINT_BEYOND_LOG',
        `checkpoint of size ${this.pending.size} covers more leaves than the log holds (${size})`,
        size,
      );
    }
    const base = { checked: this.range.size, checkpointsVerified: this.checkpointsVerified };
    if (!this.failure) return { ok: true, ...base };
    const { fault, reason, firstBadIndex } = this.failure;
    return { ok: false, ...base, fault, reason, ...(firstBadIndex === undefined ? {} : { firstBadIndex }) };
  }

  /**
   * Checks the pending checkpoint if the stream has reached its size, then
   * pulls and pre-checks the following ones until one lies ahead.
   */
  private advanceCheckpoints(): void {
    for (;;) {
      if (this.pending !== undefined) {
        if (this.pending.size !== this.range.size) return;
        const root = toHex(this.range.root());
        if (decodeBytes(this.pending.rootHash)?.toString('hex') !== root) {
          this.fail(
            'CHECKPOINT_ROOT_MISMATCH',
            `checkpoint of size ${this.pending.size} has another root than the log`,
          );
          return;
        }
        this.lastCheckpointSize = this.pending.size;
        this.checkpointsVerified++;
        this.pending = undefined;
      }
      const next = this.checkpoints.next();
      if (next.done) return;
      if (!this.precheck(next.value)) return;
      this.pending = next.value;
    }
  }

  /** What can be checked about a checkpoint before its leaves arrive. */
  private precheck(checkpoint: StoredCheckpoint): boolean {
    if (!(checkpoint.size >= this.lastCheckpointSize) || !Number.isSafeInteger(checkpoint.size)) {
      this.fail(
        'CHECKPOINT_NOT_CONSISTENT',
        `checkpoint size went from ${this.lastCheckpointSize} down to ${checkpoint.size}`,
      );
      return false;
    }
    const { trustedKey, origin } = this.options;
    if (trustedKey !== null && checkpoint.note === undefined) {
      this.fail('CHECKPOINT_SIGNATURE_INVALID', `checkpoint of size ${checkpoint.size} has no signed note`);
      return false;
    }
    if (checkpoint.note === undefined) return true;
    let text: string;
    try {
      text =
        trustedKey === null
          ? parseSignedNote(checkpoint.note).text
          : verifyNote(checkpoint.note, trustedKey.publicKey, trustedKey.keyName);
    } catch (error) {
      if (!(error instanceof AuditError)) throw error;
      this.fail('CHECKPOINT_SIGNATURE_INVALID', `checkpoint of size ${checkpoint.size}: ${error.message}`);
      return false;
    }
    try {
      const parsed = parseCheckpoint(text);
      const sameRoot = decodeBytes(checkpoint.rootHash)?.toString('hex') === parsed.rootHash;
      if (parsed.size !== checkpoint.size || !sameRoot || (origin !== undefined && parsed.origin !== origin)) {
        this.fail('CHECKPOINT_NOTE_MISMATCH', `signed note of checkpoint ${checkpoint.size} says something else`);
        return false;
      }
    } catch (error) {
      if (!(error instanceof AuditError)) throw error;
      this.fail('CHECKPOINT_NOTE_MISMATCH', `checkpoint of size ${checkpoint.size}: ${error.message}`);
      return false;
    }
    return true;
  }

  private fail(fault: LogFault, reason: string, firstBadIndex?: number): false {
    this.failure ??= { fault, reason, firstBadIndex };
    return false;
  }
}

/** Verifies a whole log in one call (see LogVerifier). */
export function verifyLog(leaves: Iterable<LeafRecord>, options: LogVerifierOptions): LogVerificationReport {
  const verifier = new LogVerifier(options);
  for (const leaf of leaves) {
    if (!verifier.push(leaf)) break;
  }
  return verifier.finish();
}
