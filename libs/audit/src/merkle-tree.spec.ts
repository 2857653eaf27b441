import fc from 'fast-check';

import { MissingNodeError, TreeRangeError } from './errors';
import { EMPTY_TREE_ROOT_HEX, leafHash, toHex } from './merkle-hash';
import { MerkleTree } from './merkle-tree';
import { InMemoryNodeStore } from './node-store';
import { verifyConsistency, verifyInclusion } from './proof-verification';
import { NaiveMerkle } from './testing/naive-merkle';
import { ConstantLeafStore, CountingStore } from './testing/stores';

const leafHashes = (n: number, salt = ''): Buffer[] =>
  Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`${salt}event-${i}`)));
const hex = (hashes: Buffer[]): string[] => hashes.map(toHex);

function treeOf(leaves: Buffer[]): MerkleTree {
  const tree = new MerkleTree(new InMemoryNodeStore());
  tree.appendMany(leaves);
  return tree;
}

describe('MerkleTree against a naive RFC 6962 implementation', () => {
  const N = 300;
  const leaves = leafHashes(N);
  const naive = new NaiveMerkle(leaves);
  const tree = treeOf(leaves);

  it('gives the RFC 6962 root for every size 0..300, including past sizes', () => {
    for (let size = 0; size <= N; size++) {
      expect(tree.root(size)).toBe(toHex(naive.mth(0, size)));
    }
  });

  it('gives the RFC 6962 audit path for every leaf of every size 1..300, and it verifies', () => {
    // One expect at the end: 45,150 proofs through jest matchers take seconds.
    const wrong: string[] = [];
    for (let size = 1; size <= N; size++) {
      const root = tree.root(size);
      for (let index = 0; index < size; index++) {
        const proof = tree.inclusionProof(index, size);
        if (proof.join() !== hex(naive.path(index, 0, size)).join()) wrong.push(`${index}/${size}`);
        verifyInclusion(leaves[index], index, size, proof, root);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('gives the RFC 6962 consistency proof for every pair of sizes up to 70, and it verifies', () => {
    for (let to = 1; to <= 70; to++) {
      for (let from = 1; from <= to; from++) {
        const proof = tree.consistencyProof(from, to);
        expect(proof).toEqual(hex(naive.consistency(from, to)));
        expect(() => verifyConsistency(from, to, proof, tree.root(from), tree.root(to))).not.toThrow();
      }
    }
  });

  it('builds the same tree leaf by leaf as in one batch', () => {
    const oneByOne = new MerkleTree(new InMemoryNodeStore());
    leaves.forEach((leaf, i) => expect(oneByOne.append(leaf)).toBe(i));
    for (const size of [0, 1, 2, 3, 7, 8, 9, 100, 255, 256, 257, N]) {
      expect(oneByOne.root(size)).toBe(tree.root(size));
    }
    expect(oneByOne.leafHash(42)).toBe(toHex(leaves[42]));
  });
});

describe('MerkleTree properties', () => {
  it('appending in any batches gives the same roots', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 20 }), (batches) => {
        const total = batches.reduce((a, b) => a + b, 0);
        const leaves = leafHashes(total);
        const batched = new MerkleTree(new InMemoryNodeStore());
        let offset = 0;
        for (const count of batches) {
          batched.appendMany(leaves.slice(offset, offset + count).map(toHex));
          offset += count;
        }
        const naive = new NaiveMerkle(leaves);
        for (let size = 0; size <= total; size++) expect(batched.root(size)).toBe(toHex(naive.mth(0, size)));
      }),
      { numRuns: 50 },
    );
  });

  const big = treeOf(leafHashes(3000, 'big-'));

  it('every inclusion proof verifies, and flipping any bit of it breaks it', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 3000 })
          .chain((size) => fc.tuple(fc.constant(size), fc.nat({ max: size - 1 }), fc.nat(), fc.nat({ max: 255 }))),
        ([size, index, which, bit]) => {
          const proof = big.inclusionProof(index, size);
          const root = big.root(size);
          const leaf = big.leafHash(index);
          verifyInclusion(leaf, index, size, proof, root);
          if (proof.length === 0) return;
          const tampered = [...proof];
          const at = which % proof.length;
          const bytes = Buffer.from(tampered[at], 'hex');
          bytes[bit % 32] ^= 1 << (bit % 8);
          tampered[at] = toHex(bytes);
          expect(() => verifyInclusion(leaf, index, size, tampered, root)).toThrow();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('every consistency proof verifies and fails against another root', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3000 }).chain((to) => fc.tuple(fc.integer({ min: 1, max: to }), fc.constant(to))),
        ([from, to]) => {
          const proof = big.consistencyProof(from, to);
          verifyConsistency(from, to, proof, big.root(from), big.root(to));
          if (from > 1) {
            expect(() => verifyConsistency(from, to, proof, big.root(from - 1), big.root(to))).toThrow();
          }
          if (from < to) {
            expect(() => verifyConsistency(from, to, proof, big.root(from), big.root(to - 1))).toThrow();
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('MerkleTree reads O(log n) stored nodes per question', () => {
  it('answers a root and a proof in a 2^20-leaf tree with a few dozen reads', () => {
    const store = new CountingStore(new ConstantLeafStore(2 ** 20 + 12345));
    const tree = new MerkleTree(store);
    store.reads = 0;
    tree.root();
    tree.inclusionProof(777_777);
    tree.consistencyProof(555_555);
    expect(store.reads).toBeLessThan(3 * 2 * 21);
  });
});

describe('MerkleTree at sizes near 2^53', () => {
  // All leaves equal makes every complete subtree of a level share one hash,
  // so a consistent store of a 2^53 - 1 leaf tree fits in 53 hashes.
  const size = Number.MAX_SAFE_INTEGER;
  const tree = new MerkleTree(new ConstantLeafStore(size));

  it('proves inclusion of the last leaves without losing precision', () => {
    const root = tree.root();
    for (const index of [0, 2 ** 31, 2 ** 32 + 1, 2 ** 52 + 12345, size - 2, size - 1]) {
      const proof = tree.inclusionProof(index);
      expect(proof).toHaveLength(expectedInclusionLength(index, size));
      verifyInclusion(tree.leafHash(index), index, size, proof, root);
    }
  });

  it('proves consistency between sizes above 2^32', () => {
    for (const from of [2 ** 32 + 3, 2 ** 52, 2 ** 52 + 1, size - 1]) {
      verifyConsistency(from, size, tree.consistencyProof(from, size), tree.root(from), tree.root(size));
    }
  });

  it('refuses indices and sizes that are not safe integers', () => {
    expect(() => tree.inclusionProof(2 ** 53, size)).toThrow(TreeRangeError);
    expect(() => tree.root(2 ** 53)).toThrow(TreeRangeError);
    expect(() => tree.inclusionProof(1.5, size)).toThrow(TreeRangeError);
    expect(() => tree.inclusionProof(-1, size)).toThrow(TreeRangeError);
    expect(() => tree.append(EMPTY_TREE_ROOT_HEX)).toThrow(TreeRangeError);
  });
});

describe('MerkleTree refusals', () => {
  const tree = treeOf(leafHashes(10));

  it('refuses to answer for a size beyond the tree or an index outside it', () => {
    expect(() => tree.root(11)).toThrow(TreeRangeError);
    expect(() => tree.inclusionProof(10, 10)).toThrow(TreeRangeError);
    expect(() => tree.inclusionProof(0, 0)).toThrow(TreeRangeError);
    expect(() => tree.inclusionProof(3, 11)).toThrow(TreeRangeError);
    expect(() => tree.leafHash(10)).toThrow(TreeRangeError);
  });

  it('refuses consistency proofs that go backwards or start from the empty tree', () => {
    expect(() => tree.consistencyProof(5, 4)).toThrow(TreeRangeError);
    expect(() => tree.consistencyProof(0, 4)).toThrow(TreeRangeError);
    expect(() => tree.consistencyProof(3, 11)).toThrow(TreeRangeError);
    expect(tree.consistencyProof(4, 4)).toEqual([]);
    expect(tree.consistencyProof(0, 0)).toEqual([]);
  });

  it('roots the empty tree at the empty hash', () => {
    expect(new MerkleTree(new InMemoryNodeStore()).root()).toBe(EMPTY_TREE_ROOT_HEX);
  });

  it('rejects malformed leaf hashes without writing anything', () => {
    const store = new InMemoryNodeStore();
    const fresh = new MerkleTree(store);
    expect(() => fresh.appendMany([leafHashes(1)[0], 'zz'])).toThrow();
    expect(store.size()).toBe(0);
  });

  it('reports a store that lost nodes instead of returning a wrong root', () => {
    const store = new InMemoryNodeStore();
    const broken = new MerkleTree(store);
    broken.appendMany(leafHashes(4));
    store.setSize(6);
    expect(() => broken.root()).toThrow(MissingNodeError);
  });
});

/** Proof length from transparency-dev's decomposition, in bigint: an independent oracle. */
function expectedInclusionLength(index: number, size: number): number {
  const i = BigInt(index);
  const inner = (i ^ BigInt(size - 1)).toString(2).replace(/^0+/, '').length;
  const border = [...(i >> BigInt(inner)).toString(2)].filter((b) => b === '1').length;
  return inner + border;
}
