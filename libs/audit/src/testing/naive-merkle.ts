/**
 * Straight transcription of RFC 6962 section 2.1 (MTH, PATH, PROOF) over an
 * array of leaf hashes: obviously right, the oracle for the specs. Ranges are
 * [start, end) into one array, and MTH is memoised so that checking every
 * proof of every size up to 300 stays fast.
 */
import { createHash } from 'node:crypto';

const NODE = Buffer.from([1]);
const sha = (...parts: Buffer[]): Buffer => createHash('sha256').update(Buffer.concat(parts)).digest();

function k(n: number): number {
  let p = 1;
  while (p * 2 < n) p *= 2;
  return p;
}

export class NaiveMerkle {
  private readonly memo = new Map<string, Buffer>();

  constructor(private readonly leaves: readonly Buffer[]) {}

  /** MTH(D[start:end]). */
  mth(start: number, end: number): Buffer {
    const n = end - start;
    if (n === 0) return sha();
    if (n === 1) return this.leaves[start];
    const key = `${start}:${end}`;
    let hash = this.memo.get(key);
    if (hash === undefined) {
      const split = start + k(n);
      hash = sha(NODE, this.mth(start, split), this.mth(split, end));
      this.memo.set(key, hash);
    }
    return hash;
  }

  /** PATH(m, D[start:end]). */
  path(m: number, start: number, end: number): Buffer[] {
    const n = end - start;
    if (n <= 1) return [];
    const split = k(n);
    return m < split
      ? [...this.path(m, start, start + split), this.mth(start + split, end)]
      : [...this.path(m - split, start + split, end), this.mth(start, start + split)];
  }

  /** PROOF(m, D[0:n]) = SUBPROOF(m, D[n], true). */
  consistency(m: number, n: number): Buffer[] {
    return this.subproof(m, 0, n, true);
  }

  private subproof(m: number, start: number, end: number, b: boolean): Buffer[] {
    const n = end - start;
    if (m === n) return b ? [] : [this.mth(start, end)];
    const split = k(n);
    return m <= split
      ? [...this.subproof(m, start, start + split, b), this.mth(start + split, end)]
      : [...this.subproof(m - split, start + split, end, false), this.mth(start, start + split)];
  }
}
