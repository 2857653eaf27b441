import { signCheckpoint } from './checkpoint';
import { leafHash, toHex } from './merkle-hash';
import { MerkleTree } from './merkle-tree';
import { InMemoryNodeStore } from './node-store';
import { generateSigningKey, NoteSigner, signerFromPrivateKey } from './note-keys';
import { LeafRecord, LogVerifier, StoredCheckpoint, verifyLog } from './log-verifier';

const ORIGIN = 'ledger.example/audit';
const N = 10_000;

interface StoredLog {
  events: Buffer[];
  storedHashes: string[];
  checkpoints: StoredCheckpoint[];
}

/** What the ledger would hold: event bytes, their stored leaf hashes, a checkpoint every 1000 events and at the end. */
function buildLog(events: Buffer[], signer: NoteSigner, every = 1000): StoredLog {
  const tree = new MerkleTree(new InMemoryNodeStore());
  const storedHashes = events.map((e) => toHex(leafHash(e)));
  tree.appendMany(storedHashes);
  const sizes = [...Array.from({ length: Math.floor(events.length / every) }, (_, i) => (i + 1) * every)];
  if (sizes[sizes.length - 1] !== events.length) sizes.push(events.length);
  const checkpoints = sizes.map((size) => {
    const rootHash = tree.root(size);
    return { size, rootHash, note: signCheckpoint({ origin: ORIGIN, size, rootHash }, signer) };
  });
  return { events, storedHashes, checkpoints };
}

/** What `ledger verify` does: recompute each leaf hash from the bytes and compare. */
function leavesOf(log: StoredLog): LeafRecord[] {
  return log.events.map((event, index) => ({
    index,
    leafHash: leafHash(event),
    storedLeafHash: log.storedHashes[index],
  }));
}

describe('LogVerifier', () => {
  const key = generateSigningKey(ORIGIN);
  const signer = signerFromPrivateKey(key.privateKey);
  const trustedKey = { publicKey: key.publicKey, keyName: ORIGIN };
  const events = Array.from({ length: N }, (_, i) => Buffer.from(JSON.stringify({ index: i, type: 'MatterOpened' })));
  const log = buildLog(events, signer);

  it('accepts an untouched 10,000-leaf log and its 10 checkpoints', () => {
    expect(verifyLog(leavesOf(log), { checkpoints: log.checkpoints, trustedKey, origin: ORIGIN })).toEqual({
      ok: true,
      checked: N,
      checkpointsVerified: 10,
    });
  });

  it('names exactly the index of an event edited after the fact', () => {
    const tampered = { ...log, events: [...log.events] };
    tampered.events[4321] = Buffer.from(JSON.stringify({ index: 4321, type: 'MatterClosed' }));
    const report = verifyLog(leavesOf(tampered), { checkpoints: log.checkpoints, trustedKey });
    expect(report).toMatchObject({ ok: false, firstBadIndex: 4321, checked: 4321, fault: 'LEAF_HASH_MISMATCH' });
    expect(report.reason).toContain('4321');
  });

  it('catches an edit whose stored hash was updated too, at the next checkpoint', () => {
    const tampered = { ...log, events: [...log.events], storedHashes: [...log.storedHashes] };
    tampered.events[4321] = Buffer.from('edited');
    tampered.storedHashes[4321] = toHex(leafHash(tampered.events[4321]));
    const report = verifyLog(leavesOf(tampered), { checkpoints: log.checkpoints, trustedKey });
    expect(report).toMatchObject({
      ok: false,
      fault: 'CHECKPOINT_ROOT_MISMATCH',
      checked: 5000,
      checkpointsVerified: 4,
    });
  });

  it('reports a deleted last event: the last checkpoint claims more leaves than the log has', () => {
    const truncated = { ...log, events: log.events.slice(0, -1), storedHashes: log.storedHashes.slice(0, -1) };
    const report = verifyLog(leavesOf(truncated), { checkpoints: log.checkpoints, trustedKey });
    expect(report).toMatchObject({
      ok: false,
      fault: 'CHECKPOINT_BEYOND_LOG',
      checked: N - 1,
      firstBadIndex: N - 1,
      checkpointsVerified: 9,
    });
  });

  it('rejects a log rebuilt after an edit and re-signed with another key', () => {
    const edited = [...events];
    edited[77] = Buffer.from('rewritten history');
    const forger = signerFromPrivateKey(generateSigningKey(ORIGIN).privateKey);
    const rebuilt = buildLog(edited, forger);
    // Internally consistent: without the trusted key nothing looks wrong...
    expect(verifyLog(leavesOf(rebuilt), { checkpoints: rebuilt.checkpoints, trustedKey: null }).ok).toBe(true);
    // ...but the signatures are not ours.
    expect(verifyLog(leavesOf(rebuilt), { checkpoints: rebuilt.checkpoints, trustedKey })).toMatchObject({
      ok: false,
      fault: 'CHECKPOINT_SIGNATURE_INVALID',
      checkpointsVerified: 0,
    });
  });

  it('rejects checkpoints whose size goes down', () => {
    const [first, second, ...rest] = log.checkpoints;
    const report = verifyLog(leavesOf(log), { checkpoints: [first, second, first, ...rest], trustedKey });
    expect(report).toMatchObject({ ok: false, fault: 'CHECKPOINT_NOT_CONSISTENT', checkpointsVerified: 2 });
  });

  it('rejects a stored checkpoint row that differs from its signed note', () => {
    const [first, ...rest] = log.checkpoints;
    const lying = { ...first, rootHash: log.checkpoints[1].rootHash };
    expect(verifyLog(leavesOf(log), { checkpoints: [lying, ...rest], trustedKey })).toMatchObject({
      ok: false,
      fault: 'CHECKPOINT_NOTE_MISMATCH',
    });
  });

  it('rejects checkpoints of another origin when one is expected', () => {
    const other = buildLog(events.slice(0, 10), signer, 5);
    expect(
      verifyLog(leavesOf(other), { checkpoints: other.checkpoints, trustedKey, origin: 'other.example/log' }),
    ).toMatchObject({ ok: false, fault: 'CHECKPOINT_NOTE_MISMATCH' });
  });

  it('requires a signed note on every checkpoint when a key is trusted', () => {
    const unsigned = log.checkpoints.map(({ size, rootHash }) => ({ size, rootHash }));
    expect(verifyLog(leavesOf(log), { checkpoints: unsigned, trustedKey })).toMatchObject({
      ok: false,
      fault: 'CHECKPOINT_SIGNATURE_INVALID',
    });
    expect(verifyLog(leavesOf(log), { checkpoints: unsigned, trustedKey: null }).ok).toBe(true);
  });

  it('reports a gap in the event indices', () => {
    const leaves = leavesOf(log).filter((leaf) => leaf.index !== 500);
    expect(verifyLog(leaves, { trustedKey: null })).toMatchObject({
      ok: false,
      fault: 'INDEX_OUT_OF_ORDER',
      firstBadIndex: 500,
    });
  });

  it('checks a size-0 checkpoint against the empty root', () => {
    const empty = buildLog([], signer);
    expect(verifyLog([], { checkpoints: empty.checkpoints, trustedKey })).toEqual({
      ok: true,
      checked: 0,
      checkpointsVerified: 1,
    });
  });

  it('reads checkpoints lazily and tells the caller when to stop reading', () => {
    let pulled = 0;
    function* checkpoints() {
      for (const c of log.checkpoints) {
        pulled++;
        yield c;
      }
    }
    const verifier = new LogVerifier({ checkpoints: checkpoints(), trustedKey });
    expect(pulled).toBe(1);
    const leaves = leavesOf(log);
    for (let i = 0; i < 2500; i++) expect(verifier.push(leaves[i])).toBe(true);
    expect(pulled).toBe(3);
    expect(verifier.push({ ...leaves[2500], storedLeafHash: leaves[0].leafHash })).toBe(false);
    expect(verifier.failed).toBe(true);
    expect(verifier.push(leaves[2501])).toBe(false);
    expect(verifier.finish()).toMatchObject({ ok: false, firstBadIndex: 2500, checked: 2500 });
  });
});
