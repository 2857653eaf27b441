/**
 * When to sign a new checkpoint, and the guard that stops us signing one
 * that contradicts the last. Pure: the caller supplies the clock and state.
 */
import { InconsistentCheckpointError, ProofVerificationError } from './errors';
import { decodeBytes, EMPTY_TREE_ROOT_HEX, HashInput } from './merkle-hash';
import { verifyConsistency } from './proof-verification';

export interface CheckpointPolicy {
  /** Cut once this many events arrived since the last checkpoint. */
  readonly maxNewEvents: number;
  /** Cut once this many seconds passed since the last checkpoint (if the tree grew). */
  readonly maxIntervalSeconds: number;
}

export const DEFAULT_CHECKPOINT_POLICY: CheckpointPolicy = { maxNewEvents: 1000, maxIntervalSeconds: 10 };

export interface CheckpointState {
  /** Current tree size. */
  readonly treeSize: number;
  /** The last signed checkpoint, or null if none was ever signed. */
  readonly last: { readonly size: number; readonly signedAt: Date } | null;
  readonly now: Date;
}

export type CheckpointDecision =
  | { readonly cut: true; readonly reason: 'first' | 'event-count' | 'interval' }
  /** `dueAt`: when the interval rule fires if nothing else happens (set only when the tree grew). */
  | { readonly cut: false; readonly reason: 'unchanged' | 'waiting'; readonly dueAt?: Date };

export function decideCheckpoint(
  state: CheckpointState,
  policy: CheckpointPolicy = DEFAULT_CHECKPOINT_POLICY,
): CheckpointDecision {
  if (!(policy.maxNewEvents >= 1) || !(policy.maxIntervalSeconds > 0)) {
    throw new RangeError('checkpoint policy needs maxNewEvents >= 1 and maxIntervalSeconds > 0');
  }
  const { treeSize, last, now } = state;
  const lastSize = last?.size ?? 0;
  if (treeSize < lastSize) {
    throw new InconsistentCheckpointError(`tree size ${treeSize} is below the last checkpoint size ${lastSize}`);
  }
  // A checkpoint that repeats the last one proves nothing new.
  if (treeSize === lastSize) return { cut: false, reason: 'unchanged' };
  if (last === null) return { cut: true, reason: 'first' };
  if (treeSize - lastSize >= policy.maxNewEvents) return { cut: true, reason: 'event-count' };
  const dueAt = new Date(last.signedAt.getTime() + policy.maxIntervalSeconds * 1000);
  if (now.getTime() >= dueAt.getTime()) return { cut: true, reason: 'interval' };
  return { cut: false, reason: 'waiting', dueAt };
}

export interface TreeHead {
  readonly size: number;
  readonly rootHash: HashInput;
}

/**
 * Throws InconsistentCheckpointError unless `next` provably extends
 * `previous` (c2sp.org/tlog-checkpoint: a log MUST NOT sign a checkpoint
 * inconsistent with one it signed before). `proof` is the consistency proof
 * from previous.size to next.size; `previous` null means nothing was signed yet.
 */
export function assertConsistentBeforeSigning(
  previous: TreeHead | null,
  next: TreeHead,
  proof: readonly HashInput[],
): void {
  if (previous === null) return;
  if (next.size < previous.size) {
    throw new InconsistentCheckpointError(`checkpoint would shrink the log from ${previous.size} to ${next.size}`);
  }
  if (previous.size === 0) {
    // Everything extends the empty tree, but only if that is what was signed.
    if (decodeBytes(previous.rootHash)?.toString('hex') !== EMPTY_TREE_ROOT_HEX) {
      throw new InconsistentCheckpointError('previous checkpoint of size 0 does not carry the empty-tree root');
    }
    return;
  }
  try {
    verifyConsistency(previous.size, next.size, proof, previous.rootHash, next.rootHash);
  } catch (error) {
    if (!(error instanceof ProofVerificationError)) throw error;
    throw new InconsistentCheckpointError(
      `checkpoint of size ${next.size} is not consistent with the signed one of size ${previous.size}: ${error.message}`,
      { cause: error },
    );
  }
}
