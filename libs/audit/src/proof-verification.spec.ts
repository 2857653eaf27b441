import { ProofFailure, ProofVerificationError } from './errors';
import vectors from './fixtures/rfc6962-vectors.json';
import { EMPTY_TREE_ROOT_HEX, leafHash, toHex } from './merkle-hash';
import { MerkleTree } from './merkle-tree';
import { InMemoryNodeStore } from './node-store';
import { verifyConsistency, verifyInclusion } from './proof-verification';

function failure(run: () => void): ProofFailure | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof ProofVerificationError) return error.reason;
    throw error;
  }
}

describe('the RFC 6962 reference tree', () => {
  const tree = new MerkleTree(new InMemoryNodeStore());
  tree.appendMany(vectors.leaves.map((leaf) => leafHash(Buffer.from(leaf, 'hex'))));

  it('has the published roots for sizes 1..8', () => {
    expect(vectors.roots[7]).toBe('5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328');
    vectors.roots.forEach((root, i) => expect(tree.root(i + 1)).toBe(root));
    expect(tree.root(0)).toBe(vectors.emptyRoot);
  });

  it('produces exactly the published proofs', () => {
    for (const v of vectors.inclusion.filter((p) => /^\d$/.test(p.group) && p.desc === 'happy path')) {
      expect(tree.inclusionProof(v.leafIdx, v.treeSize)).toEqual(v.proof);
    }
    for (const v of vectors.consistency.filter((p) => /^\d$/.test(p.group) && p.desc === 'happy path')) {
      expect(tree.consistencyProof(v.size1, v.size2)).toEqual(v.proof);
    }
  });
});

describe('transparency-dev/merkle published inclusion probes', () => {
  it.each(vectors.inclusion.map((v) => [`${v.group}: ${v.desc}`, v] as const))('%s', (_name, v) => {
    const reason = failure(() => verifyInclusion(v.leafHash, v.leafIdx, v.treeSize, v.proof, v.root));
    if (v.wantErr) expect(reason).toBeDefined();
    else expect(reason).toBeUndefined();
  });
});

describe('transparency-dev/merkle published consistency probes', () => {
  it.each(vectors.consistency.map((v) => [`${v.group}: ${v.desc}`, v] as const))('%s', (_name, v) => {
    const reason = failure(() => verifyConsistency(v.size1, v.size2, v.proof, v.root1, v.root2));
    if (v.wantErr) expect(reason).toBeDefined();
    else expect(reason).toBeUndefined();
  });
});

describe('verifyInclusion checks every part', () => {
  const [root8] = [vectors.roots[7]];
  const happy = vectors.inclusion.find((v) => v.group === '1' && v.desc === 'happy path')!;
  const leaf0 = happy.leafHash;

  it('accepts the published proof for leaf 0 of 8', () => {
    expect(failure(() => verifyInclusion(leaf0, 0, 8, happy.proof, root8))).toBeUndefined();
  });

  it('names the failed check', () => {
    expect(failure(() => verifyInclusion(leaf0, 8, 8, happy.proof, root8))).toBe('INDEX_OUT_OF_RANGE');
    expect(failure(() => verifyInclusion(leaf0, 0, 0, [], EMPTY_TREE_ROOT_HEX))).toBe('INDEX_OUT_OF_RANGE');
    expect(failure(() => verifyInclusion(leaf0, 0, 8, happy.proof.slice(1), root8))).toBe('WRONG_PROOF_LENGTH');
    expect(failure(() => verifyInclusion(leaf0, 0, 8, [...happy.proof, root8], root8))).toBe('WRONG_PROOF_LENGTH');
    expect(failure(() => verifyInclusion(leaf0, 0, 8, happy.proof, vectors.roots[6]))).toBe('ROOT_MISMATCH');
    expect(failure(() => verifyInclusion('abc', 0, 8, happy.proof, root8))).toBe('MALFORMED_HASH');
    expect(failure(() => verifyInclusion(leaf0, 0, 8, [...happy.proof.slice(0, 2), 'zz'], root8))).toBe(
      'MALFORMED_HASH',
    );
    expect(failure(() => verifyInclusion(leaf0, 0, 2 ** 53, happy.proof, root8))).toBe('INVALID_NUMBER');
    expect(failure(() => verifyInclusion(leaf0, -1, 8, happy.proof, root8))).toBe('INVALID_NUMBER');
    expect(failure(() => verifyInclusion(leaf0, 0.5, 8, happy.proof, root8))).toBe('INVALID_NUMBER');
  });

  it('accepts Buffers as well as hex', () => {
    const buf = (h: string) => Buffer.from(h, 'hex');
    expect(failure(() => verifyInclusion(buf(leaf0), 0, 8, happy.proof.map(buf), buf(root8)))).toBeUndefined();
  });
});

describe('verifyConsistency checks every part', () => {
  const r = (size: number) => vectors.roots[size - 1];
  const proof = vectors.consistency.find((v) => v.group === '2' && v.desc === 'happy path')!.proof; // 6 -> 8

  it('accepts the published proof from 6 to 8', () => {
    expect(failure(() => verifyConsistency(6, 8, proof, r(6), r(8)))).toBeUndefined();
  });

  it('names the failed check', () => {
    expect(failure(() => verifyConsistency(8, 6, proof, r(8), r(6)))).toBe('SIZE_DECREASED');
    expect(failure(() => verifyConsistency(0, 8, [], EMPTY_TREE_ROOT_HEX, r(8)))).toBe('FROM_EMPTY_TREE');
    expect(failure(() => verifyConsistency(6, 8, [], r(6), r(8)))).toBe('WRONG_PROOF_LENGTH');
    expect(failure(() => verifyConsistency(6, 8, proof.slice(0, 2), r(6), r(8)))).toBe('WRONG_PROOF_LENGTH');
    expect(failure(() => verifyConsistency(6, 8, [...proof, r(8)], r(6), r(8)))).toBe('WRONG_PROOF_LENGTH');
    expect(failure(() => verifyConsistency(6, 8, proof, r(5), r(8)))).toBe('ROOT_MISMATCH');
    expect(failure(() => verifyConsistency(6, 8, proof, r(6), r(7)))).toBe('ROOT_MISMATCH');
    expect(failure(() => verifyConsistency(6, 8, ['00', ...proof.slice(1)], r(6), r(8)))).toBe('MALFORMED_HASH');
    expect(failure(() => verifyConsistency(6, 2 ** 53, proof, r(6), r(8)))).toBe('INVALID_NUMBER');
  });

  it('requires an empty proof and the same root when the sizes are equal', () => {
    expect(failure(() => verifyConsistency(5, 5, [], r(5), r(5)))).toBeUndefined();
    expect(failure(() => verifyConsistency(5, 5, [r(5)], r(5), r(5)))).toBe('WRONG_PROOF_LENGTH');
    expect(failure(() => verifyConsistency(5, 5, [], r(5), r(6)))).toBe('ROOT_MISMATCH');
    expect(failure(() => verifyConsistency(0, 0, [], EMPTY_TREE_ROOT_HEX, EMPTY_TREE_ROOT_HEX))).toBeUndefined();
  });

  it('throws nothing but ProofVerificationError for hostile input', () => {
    expect(() => verifyConsistency(6, 8, proof, 'not hex', r(8))).toThrow(ProofVerificationError);
    expect(() => verifyInclusion(toHex(Buffer.alloc(32)), 0, 1, [], 'not hex')).toThrow(ProofVerificationError);
  });
});
