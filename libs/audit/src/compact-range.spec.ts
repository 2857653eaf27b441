import { CompactRange } from './compact-range';
import { leafHash, toHex } from './merkle-hash';
import { NaiveMerkle } from './testing/naive-merkle';

describe('CompactRange', () => {
  it('has the RFC 6962 root after every append up to 300 leaves', () => {
    const leaves = Array.from({ length: 300 }, (_, i) => leafHash(Buffer.from(`leaf ${i}`)));
    const naive = new NaiveMerkle(leaves);
    const range = new CompactRange();
    expect(toHex(range.root())).toBe(toHex(naive.mth(0, 0)));
    const wrong: number[] = [];
    leaves.forEach((leaf, i) => {
      range.append(leaf);
      if (!range.root().equals(naive.mth(0, i + 1))) wrong.push(i + 1);
    });
    expect(wrong).toEqual([]);
    expect(range.size).toBe(300);
  });
});
