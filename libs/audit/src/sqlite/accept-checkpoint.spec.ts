import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signCheckpoint } from '../checkpoint';
import { CheckpointRefusedError } from '../errors';
import { leafHash } from '../merkle-hash';
import { generateSigningKey, signerFromPrivateKey } from '../note-keys';
import { AuditStore, CheckpointRecord } from './audit-store';

const ORIGIN = 'petition-ledger/accept-spec';
const key = generateSigningKey(ORIGIN);
const signer = signerFromPrivateKey(key.privateKey);
const trusted = { publicKey: signer.publicKey, keyName: ORIGIN };

describe('AuditStore.acceptCheckpoint: a checkpoint another instance signed, stored once it is this tree’s', () => {
  let dir: string;
  let store: AuditStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'accept-checkpoint-'));
    store = AuditStore.open(join(dir, 'audit.sqlite'));
    store.tree.appendMany(Array.from({ length: 10 }, (_, i) => leafHash(Buffer.from(`leaf ${i}`))));
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const record = (size: number, by = signer, root = store.tree.root(size)): CheckpointRecord => ({
    size,
    position: '42',
    rootHash: root,
    signedAt: '2026-12-03T10:00:00.000Z',
    note: signCheckpoint({ origin: ORIGIN, size, rootHash: root }, by),
  });
  const at42 = { exact: 42n, atLeast: 0n, below: 100n };

  it('stores a checkpoint signed by the trusted key over this tree, once', () => {
    expect(store.acceptCheckpoint(record(7), trusted, ORIGIN, at42)).toBe('stored');
    expect(store.latestCheckpoint()).toEqual(record(7));
    expect(store.acceptCheckpoint(record(7), trusted, ORIGIN, at42)).toBe('known');
    expect(store.checkpointCount()).toBe(1);
  });

  it('refuses another key, another root, a size beyond the tree, a foreign origin and a wrong position, storing nothing', () => {
    const mallory = signerFromPrivateKey(generateSigningKey(ORIGIN).privateKey);
    const refusals: [CheckpointRecord, string, { exact?: bigint; atLeast: bigint; below: bigint }, RegExp][] = [
      [record(7, mallory), ORIGIN, at42, /does not verify against the trusted key/],
      [record(7, signer, store.tree.root(6)), ORIGIN, at42, /another root/],
      [{ ...record(7), rootHash: store.tree.root(6) }, ORIGIN, at42, /differs from what its signed note says/],
      [record(7), 'petition-ledger/elsewhere', at42, /does not verify/],
      [record(7), ORIGIN, { exact: 41n, atLeast: 0n, below: 100n }, /position 42 is not that of leaf 6/],
      [record(7), ORIGIN, { atLeast: 43n, below: 100n }, /position 42 is not that of leaf 6/],
      [record(7), ORIGIN, { atLeast: 0n, below: 42n }, /position 42 is not that of leaf 6/],
    ];
    for (const [checkpoint, origin, position, why] of refusals) {
      expect(() => store.acceptCheckpoint(checkpoint, trusted, origin, position)).toThrow(CheckpointRefusedError);
      expect(() => store.acceptCheckpoint(checkpoint, trusted, origin, position)).toThrow(why);
    }
    // Beyond the tree: this tree has no root there to compare.
    const root = store.tree.root(10);
    const beyond = {
      ...record(10),
      size: 11,
      note: signCheckpoint({ origin: ORIGIN, size: 11, rootHash: root }, signer),
    };
    expect(() => store.acceptCheckpoint(beyond, trusted, ORIGIN, at42)).toThrow(/this tree holds 10 leaves/);
    expect(store.checkpointCount()).toBe(0);
  });

  it('without an exact position, takes one within the bounds the caller knows', () => {
    expect(store.acceptCheckpoint(record(5), trusted, ORIGIN, { atLeast: 40n, below: 43n })).toBe('stored');
  });
});
