import { AuditLogVerifier, StoredTree } from './audit-log-verifier';
import { signCheckpoint } from './checkpoint';
import { leafHash } from './merkle-hash';
import { MerkleTree } from './merkle-tree';
import { InMemoryNodeStore } from './node-store';
import { generateSigningKey, signerFromPrivateKey } from './note-keys';

const ORIGIN = 'ledger.example/audit';
const key = generateSigningKey(ORIGIN);
const signer = signerFromPrivateKey(key.privateKey);
const trustedKey = { publicKey: key.publicKey, keyName: ORIGIN };
const leaves = Array.from({ length: 100 }, (_, i) => leafHash(Buffer.from(`event ${i}`)));

function storedTree(size = leaves.length) {
  const store = new InMemoryNodeStore();
  const tree = new MerkleTree(store);
  tree.appendMany(leaves.slice(0, size));
  const stored: StoredTree & { store: InMemoryNodeStore } = {
    size,
    store,
    node: (level, index) => store.get(level, index),
  };
  const checkpoint = (n: number) => ({
    size: n,
    rootHash: tree.root(n),
    note: signCheckpoint({ origin: ORIGIN, size: n, rootHash: tree.root(n) }, signer),
  });
  return { stored, checkpoint };
}

function run(
  stored: StoredTree,
  count = leaves.length,
  checkpoints: { size: number; rootHash: string; note: string }[] = [],
) {
  const verifier = new AuditLogVerifier({ trustedKey, origin: ORIGIN, checkpoints, storedTree: stored });
  for (let index = 0; index < count; index++) if (!verifier.push({ index, leafHash: leaves[index] })) break;
  return verifier.finish();
}

describe('AuditLogVerifier', () => {
  it('accepts a stored tree whose every node is what the leaves give', () => {
    const { stored, checkpoint } = storedTree();
    expect(run(stored, 100, [checkpoint(37), checkpoint(100)])).toEqual({
      ok: true,
      checked: 100,
      checkpointsVerified: 2,
    });
  });

  it('checks every stored interior node, reporting the first leaf under a wrong one', () => {
    for (const [level, index] of [
      [1, 0],
      [2, 7],
      [5, 1],
      [6, 0],
    ]) {
      const { stored } = storedTree();
      stored.store.putMany([{ level, index, hash: leafHash(Buffer.from('forged')) }]);
      const report = run(stored);
      expect(report).toMatchObject({ ok: false, fault: 'TREE_NODE_MISMATCH', firstBadIndex: index * 2 ** level });
      expect(report.reason).toContain(`level ${level}, index ${index}`);
    }
  });

  it('reports a wrong stored leaf hash at its index', () => {
    const { stored } = storedTree();
    stored.store.putMany([{ level: 0, index: 42, hash: leafHash(Buffer.from('forged')) }]);
    expect(run(stored)).toMatchObject({ ok: false, fault: 'LEAF_HASH_MISMATCH', firstBadIndex: 42, checked: 42 });
  });

  it('reports a tree that holds more leaves than the log', () => {
    const { stored } = storedTree(100);
    expect(run(stored, 90)).toMatchObject({ ok: false, fault: 'TREE_BEYOND_LOG', firstBadIndex: 90, checked: 90 });
  });

  it('does not compare leaves beyond the stored tree, which may lag behind the log', () => {
    const { stored } = storedTree(60);
    expect(run(stored, 100)).toEqual({ ok: true, checked: 100, checkpointsVerified: 0 });
  });

  it('stops at a leaf that could not be read', () => {
    const verifier = new AuditLogVerifier({ trustedKey: null });
    verifier.push({ index: 0, leafHash: leaves[0] });
    verifier.reject('EVENT_UNREADABLE', 'line 3 is not JSON');
    expect(verifier.push({ index: 1, leafHash: leaves[1] })).toBe(false);
    expect(verifier.finish()).toMatchObject({
      ok: false,
      fault: 'EVENT_UNREADABLE',
      firstBadIndex: 1,
      reason: 'line 3 is not JSON',
    });
  });
});
