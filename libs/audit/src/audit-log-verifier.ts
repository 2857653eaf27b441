/**
 * LogVerifier plus the checks that need the audit store's own tree: every
 * stored node, not only the leaves, must be what the events give, and the
 * tree must not hold more leaves than the log.
 *
 * With a stored tree, each leaf's stored hash is taken from it (level 0) and
 * every interior node a leaf completes is compared with the stored one; the
 * nodes are the ones the log verifier's compact range hashes anyway, so each
 * is hashed once. A wrong
 * interior node is reported at the first leaf it covers: the leaves are
 * right, but proofs through that node would be wrong.
 */
import { LeafRecord, LogFault, LogVerificationReport, LogVerifier, LogVerifierOptions } from './log-verifier';
import { viewBytes } from './merkle-hash';

export type AuditFault =
  | LogFault
  | 'TREE_NODE_MISSING'
  | 'TREE_NODE_MISMATCH'
  | 'TREE_BEYOND_LOG'
  /** The next event could not be read at all (a malformed export line, a broken download). */
  | 'EVENT_UNREADABLE';

export interface AuditVerificationReport extends Omit<LogVerificationReport, 'fault'> {
  readonly fault?: AuditFault;
}

/** The tree as a store holds it (e.g. AuditStore's nodes), up to a size fixed when verification starts. */
export interface StoredTree {
  readonly size: number;
  node(level: number, index: number): Uint8Array | undefined;
}

export interface AuditLogVerifierOptions extends LogVerifierOptions {
  readonly storedTree?: StoredTree;
}

interface Failure {
  readonly fault: AuditFault;
  readonly reason: string;
  readonly firstBadIndex: number;
}

export class AuditLogVerifier {
  private readonly log: LogVerifier;
  private readonly storedTree: StoredTree | undefined;
  /** Interior nodes the last leaf completed, by level (1..madeCount), as the log verifier hashed them. */
  private readonly made: Buffer[] = [];
  private madeCount = 0;
  private pushed = 0;
  private failure: Failure | undefined;

  constructor(options: AuditLogVerifierOptions) {
    this.log = new LogVerifier(options);
    this.storedTree = options.storedTree;
  }

  /** Leaves fed so far. */
  get count(): number {
    return this.pushed;
  }

  get failed(): boolean {
    return this.failure !== undefined || this.log.failed;
  }

  /** Feeds the next leaf (index order). False once a fault is found. */
  push(leaf: LeafRecord): boolean {
    if (this.failed) return false;
    const index = this.pushed;
    const tree = this.storedTree;
    if (tree === undefined || index >= tree.size) {
      if (!this.log.push(leaf)) return false;
      this.pushed++;
      return !this.failed;
    }
    const stored = tree.node(0, index);
    if (stored === undefined)
      return this.fail('TREE_NODE_MISSING', `the audit tree has no hash for leaf ${index}`, index);
    // The log verifier hashes the interior nodes once; they are kept here and compared with
    // the stored ones after it has accepted the leaf (its faults come first).
    this.madeCount = 0;
    if (!this.log.push({ ...leaf, storedLeafHash: stored }, this.keepNode)) return false;
    this.pushed++;
    this.checkParents(index);
    return !this.failed;
  }

  /** Records that the next leaf could not even be read; verification stops there. */
  reject(fault: AuditFault, reason: string): void {
    if (!this.failed) this.fail(fault, reason, this.pushed);
  }

  finish(): AuditVerificationReport {
    const report = this.log.finish();
    if (this.failure) {
      // Stopping early may make the log verifier see a checkpoint beyond the end; the node fault came first.
      const { fault: _fault, ...rest } = report;
      return { ...rest, ok: false, ...this.failure };
    }
    if (!report.ok) return report;
    const tree = this.storedTree;
    if (tree !== undefined && tree.size > report.checked) {
      return {
        ...report,
        ok: false,
        fault: 'TREE_BEYOND_LOG',
        firstBadIndex: report.checked,
        reason: `the audit tree holds ${tree.size} leaves but the log only ${report.checked} events: events ${report.checked}..${tree.size - 1} are missing`,
      };
    }
    return report;
  }

  private readonly keepNode = (level: number, hash: Buffer): void => {
    this.made[level] = hash;
    this.madeCount = level;
  };

  /** Compares the interior nodes leaf `leafIndex` completed (levels 1..madeCount) with the stored ones. */
  private checkParents(leafIndex: number): void {
    let index = leafIndex;
    for (let level = 1; level <= this.madeCount; level++) {
      index = (index - 1) / 2;
      const stored = this.storedTree!.node(level, index);
      const first = index * 2 ** level;
      if (stored !== undefined && viewBytes(stored)!.equals(this.made[level])) continue;
      const covers = `level ${level}, index ${index} (leaves ${first}..${first + 2 ** level - 1})`;
      if (stored === undefined) {
        this.fail('TREE_NODE_MISSING', `the audit tree has no node at ${covers}`, first);
      } else {
        this.fail(
          'TREE_NODE_MISMATCH',
          `the stored tree node at ${covers} differs from the one recomputed from the events`,
          first,
        );
      }
      return;
    }
  }

  private fail(fault: AuditFault, reason: string, firstBadIndex: number): false {
    this.failure ??= { fault, reason, firstBadIndex };
    return false;
  }
}
