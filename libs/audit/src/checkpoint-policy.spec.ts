import { assertConsistentBeforeSigning, decideCheckpoint, DEFAULT_CHECKPOINT_POLICY } from './checkpoint-policy';
import { InconsistentCheckpointError } from './errors';
import { EMPTY_TREE_ROOT_HEX, leafHash } from './merkle-hash';
import { MerkleTree } from './merkle-tree';
import { InMemoryNodeStore } from './node-store';

const at = (seconds: number) => new Date(Date.UTC(2025, 0, 1) + seconds * 1000);

describe('decideCheckpoint', () => {
  const last = { size: 5000, signedAt: at(0) };

  it('defaults to 1000 events or 10 seconds', () => {
    expect(DEFAULT_CHECKPOINT_POLICY).toEqual({ maxNewEvents: 1000, maxIntervalSeconds: 10 });
  });

  it.each([
    ['nothing new, however long ago', { treeSize: 5000, last, now: at(3600) }, { cut: false, reason: 'unchanged' }],
    ['empty log, never signed', { treeSize: 0, last: null, now: at(0) }, { cut: false, reason: 'unchanged' }],
    ['first events ever', { treeSize: 1, last: null, now: at(0) }, { cut: true, reason: 'first' }],
    ['1000 new events right away', { treeSize: 6000, last, now: at(1) }, { cut: true, reason: 'event-count' }],
    ['more than 1000 new events', { treeSize: 7500, last, now: at(1) }, { cut: true, reason: 'event-count' }],
    ['one event, 10 s later', { treeSize: 5001, last, now: at(10) }, { cut: true, reason: 'interval' }],
    [
      '999 events within 10 s',
      { treeSize: 5999, last, now: at(9.999) },
      { cut: false, reason: 'waiting', dueAt: at(10) },
    ],
  ])('%s', (_name, state, decision) => {
    expect(decideCheckpoint(state)).toEqual(decision);
  });

  it('honours a custom policy', () => {
    const policy = { maxNewEvents: 10, maxIntervalSeconds: 60 };
    expect(decideCheckpoint({ treeSize: 5010, last, now: at(1) }, policy)).toEqual({
      cut: true,
      reason: 'event-count',
    });
    expect(decideCheckpoint({ treeSize: 5001, last, now: at(30) }, policy)).toMatchObject({ cut: false });
  });

  it('treats a tree smaller than the last checkpoint as inconsistency', () => {
    expect(() => decideCheckpoint({ treeSize: 4999, last, now: at(20) })).toThrow(InconsistentCheckpointError);
  });

  it('rejects a policy that would never or always fire', () => {
    expect(() =>
      decideCheckpoint({ treeSize: 1, last: null, now: at(0) }, { maxNewEvents: 0, maxIntervalSeconds: 1 }),
    ).toThrow(RangeError);
    expect(() =>
      decideCheckpoint({ treeSize: 1, last: null, now: at(0) }, { maxNewEvents: 1, maxIntervalSeconds: 0 }),
    ).toThrow(RangeError);
  });
});

describe('assertConsistentBeforeSigning', () => {
  const tree = new MerkleTree(new InMemoryNodeStore());
  tree.appendMany(Array.from({ length: 50 }, (_, i) => leafHash(Buffer.from(`e${i}`))));
  const head = (size: number) => ({ size, rootHash: tree.root(size) });

  it('lets the first checkpoint through', () => {
    expect(() => assertConsistentBeforeSigning(null, head(50), [])).not.toThrow();
    expect(() => assertConsistentBeforeSigning({ size: 0, rootHash: EMPTY_TREE_ROOT_HEX }, head(50), [])).not.toThrow();
  });

  it('accepts a checkpoint that provably extends the previous one', () => {
    expect(() => assertConsistentBeforeSigning(head(17), head(50), tree.consistencyProof(17, 50))).not.toThrow();
    expect(() => assertConsistentBeforeSigning(head(50), head(50), [])).not.toThrow();
  });

  it('refuses a checkpoint that shrinks the log', () => {
    expect(() => assertConsistentBeforeSigning(head(50), head(17), [])).toThrow(InconsistentCheckpointError);
  });

  it('refuses a checkpoint whose root rewrites history', () => {
    const forked = new MerkleTree(new InMemoryNodeStore());
    forked.appendMany(Array.from({ length: 50 }, (_, i) => leafHash(Buffer.from(i === 3 ? 'edited' : `e${i}`))));
    const proof = forked.consistencyProof(17, 50);
    expect(() => assertConsistentBeforeSigning(head(17), { size: 50, rootHash: forked.root(50) }, proof)).toThrow(
      InconsistentCheckpointError,
    );
  });

  it('refuses a missing or wrong proof and a second root for the same size', () => {
    expect(() => assertConsistentBeforeSigning(head(17), head(50), [])).toThrow(InconsistentCheckpointError);
    expect(() => assertConsistentBeforeSigning(head(17), head(50), tree.consistencyProof(16, 50))).toThrow(
      InconsistentCheckpointError,
    );
    expect(() => assertConsistentBeforeSigning(head(17), { size: 17, rootHash: tree.root(18) }, [])).toThrow(
      InconsistentCheckpointError,
    );
  });

  it('refuses to extend a size-0 checkpoint that did not carry the empty root', () => {
    expect(() => assertConsistentBeforeSigning({ size: 0, rootHash: tree.root(1) }, head(50), [])).toThrow(
      InconsistentCheckpointError,
    );
  });
});
