/**
 * An append-only RFC 6962 tree over a NodeStore. Appending writes the leaf
 * and every parent it completes; roots and proofs for any size up to the
 * current one are assembled from stored complete subtrees, so each costs
 * O(log n) store reads whatever the size.
 */
import { MissingNodeError, TreeRangeError } from './errors';
import { emptyTreeRoot, HashInput, nodeHash, toHash, toHex } from './merkle-hash';
import { NodeEntry, NodeStore } from './node-store';
import { assertTreeNumber, exactLog2, isOdd, largestPowerOfTwoBelow, MAX_TREE_SIZE } from './tree-math';

export class MerkleTree {
  constructor(private readonly store: NodeStore) {}

  get size(): number {
    return this.store.size();
  }

  /** Appends one leaf hash; returns its index. */
  append(leafHash: HashInput): number {
    return this.appendMany([leafHash]) - 1;
  }

  /**
   * Appends leaf hashes in order with one `putMany` and one `setSize`, so a
   * batch from the projection runner costs one round of writes. Returns the
   * new size.
   */
  appendMany(leafHashes: Iterable<HashInput>): number {
    let size = this.store.size();
    const entries: NodeEntry[] = [];
    // The last left child (even index) written at each level in this batch: nodes of a level
    // are made in index order, so a left sibling is that one or a node stored before the batch.
    const latest: Array<NodeEntry | undefined> = [];
    const left = (level: number, index: number): Buffer => {
      const made = latest[level];
      return made !== undefined && made.index === index ? made.hash : this.node(level, index);
    };
    const put = (level: number, index: number, hash: Buffer): void => {
      const entry = { level, index, hash };
      if (!isOdd(index)) latest[level] = entry;
      entries.push(entry);
    };

    for (const input of leafHashes) {
      if (size >= MAX_TREE_SIZE) throw new TreeRangeError('tree size would exceed 2^53 - 1');
      let hash = toHash(input, `leaf hash ${size}`);
      let level = 0;
      let index = size;
      put(level, index, hash);
      // Each odd index is a right child: its parent just became complete.
      while (isOdd(index)) {
        hash = nodeHash(left(level, index - 1), hash);
        index = (index - 1) / 2;
        level++;
        put(level, index, hash);
      }
      size++;
    }
    if (entries.length > 0) {
      this.store.putMany(entries);
      this.store.setSize(size);
    }
    return size;
  }

  leafHash(index: number): string {
    this.checkIndex(index, this.size);
    return toHex(this.node(0, index));
  }

  /** Root hash of the tree at `size` (default: the current size). */
  root(size: number = this.size): string {
    this.checkSize(size);
    return toHex(size === 0 ? emptyTreeRoot() : this.subtreeHash(0, size));
  }

  /** RFC 9162 2.1.3.1 inclusion proof (audit path) of leaf `index` in the tree at `size`. */
  inclusionProof(index: number, size: number = this.size): string[] {
    this.checkSize(size);
    this.checkIndex(index, size);
    // Walk down from the root, taking the sibling of the side holding `index`.
    const topDown: Buffer[] = [];
    let start = 0;
    let count = size;
    let m = index;
    while (count > 1) {
      const k = largestPowerOfTwoBelow(count);
      if (m < k) {
        topDown.push(this.subtreeHash(start + k, count - k));
        count = k;
      } else {
        topDown.push(this.subtreeHash(start, k));
        start += k;
        m -= k;
        count -= k;
      }
    }
    return topDown.reverse().map(toHex);
  }

  /**
   * RFC 9162 2.1.4.1 consistency proof from the tree at `from` to the tree at
   * `to`. Empty when from == to; from 0 is refused because every tree extends
   * the empty one and verifiers reject such a proof.
   */
  consistencyProof(from: number, to: number = this.size): string[] {
    this.checkSize(to);
    assertTreeNumber(from, 'from');
    if (from > to) throw new TreeRangeError(`from (${from}) is larger than to (${to})`);
    if (from === to) return [];
    if (from === 0) throw new TreeRangeError('no consistency proof from the empty tree');

    // SUBPROOF(m, D[start:start+count], b), unrolled.
    const topDown: Buffer[] = [];
    let start = 0;
    let count = to;
    let m = from;
    let oldRootIsSubtree = true;
    while (m !== count) {
      const k = largestPowerOfTwoBelow(count);
      if (m <= k) {
        topDown.push(this.subtreeHash(start + k, count - k));
        count = k;
      } else {
        topDown.push(this.subtreeHash(start, k));
        start += k;
        m -= k;
        count -= k;
        oldRootIsSubtree = false;
      }
    }
    // When the old tree is itself a complete left subtree the verifier
    // already knows its hash (the old root); otherwise it must be sent.
    if (!oldRootIsSubtree) topDown.push(this.subtreeHash(start, m));
    return topDown.reverse().map(toHex);
  }

  /** MTH(D[start : start + count]) for a range on the RFC 6962 split structure. */
  private subtreeHash(start: number, count: number): Buffer {
    const level = exactLog2(count);
    if (level !== undefined && start % count === 0) return this.node(level, start / count);
    const k = largestPowerOfTwoBelow(count);
    return nodeHash(this.subtreeHash(start, k), this.subtreeHash(start + k, count - k));
  }

  private node(level: number, index: number): Buffer {
    const hash = this.store.get(level, index);
    if (hash === undefined) throw new MissingNodeError(level, index);
    return hash;
  }

  private checkSize(size: number): void {
    assertTreeNumber(size, 'size');
    const current = this.size;
    if (size > current) throw new TreeRangeError(`size ${size} is beyond the tree size ${current}`);
  }

  private checkIndex(index: number, size: number): void {
    assertTreeNumber(index, 'index');
    if (index >= size) throw new TreeRangeError(`index ${index} is not below size ${size}`);
  }
}
