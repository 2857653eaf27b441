/**
 * The right frontier of a tree being built leaf by leaf: the roots of the
 * complete subtrees that make up [0, size), largest first. It is all that is
 * needed to append and to compute the root, so a verifier can stream any
 * number of leaves in O(log n) memory.
 */
import { emptyTreeRoot, nodeHash } from './merkle-hash';
import { isOdd } from './tree-math';

export class CompactRange {
  private readonly peaks: Buffer[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  /**
   * Appends a leaf. `onNode`, when given, sees each interior node the leaf
   * completes, bottom up (level 1 first): a verifier compares them with a
   * stored tree without hashing them a second time.
   */
  append(leafHash: Buffer, onNode?: (level: number, hash: Buffer) => void): void {
    let hash = leafHash;
    // Every trailing 1 bit of the old size is a peak the new leaf completes.
    let n = this.count;
    let level = 0;
    while (isOdd(n)) {
      hash = nodeHash(this.peaks.pop() as Buffer, hash);
      n = (n - 1) / 2;
      onNode?.(++level, hash);
    }
    this.peaks.push(hash);
    this.count++;
  }

  /** RFC 6962 root: peaks folded right to left, MTH = H(left peak, MTH(rest)). */
  root(): Buffer {
    if (this.peaks.length === 0) return emptyTreeRoot();
    let hash = this.peaks[this.peaks.length - 1];
    for (let i = this.peaks.length - 2; i >= 0; i--) hash = nodeHash(this.peaks[i], hash);
    return hash;
  }
}
