// The audit tree driven by the projections runner, as the server runs it: it lives in test/
// because it joins two libraries (audit does not import projections).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NewEvent, Projection, SqliteEventStore } from '@app/ledger';
import { ProjectionRunner } from '@app/projections';
import {
  auditLeafHash,
  AuditStore,
  auditTreeProjection,
  generateSigningKey,
  InconsistentCheckpointError,
  leafHash,
  openAuditDb,
  POSITION_STRIDE,
  resetAuditTree,
  signerFromPrivateKey,
  toHex,
  verifyCheckpointNote,
  verifyConsistency,
  verifyInclusion,
  verifyStoredLog,
} from '@app/audit';
import { cutTileAt, NaiveMerkle, overwriteStoredNode, storedNodes } from '@app/audit/testing';

const ORIGIN = 'petition-ledger/spec';
const key = generateSigningKey(ORIGIN);
const identity = { signer: signerFromPrivateKey(key.privateKey), origin: ORIGIN };
const trustedKey = { publicKey: key.publicKey, keyName: ORIGIN };

function event(i: number): NewEvent {
  return {
    type: 'ContactRecorded',
    version: 1,
    occurredAt: '2022-04-03T09:30:00+08:00',
    actor: { id: 'spec', role: 'registrar' },
    data: { matterId: `m-${i % 7}`, headcount: 1 + (i % 5), summary: `第${i}次来访` },
  };
}

describe('the audit store on SQLite, kept by a projection runner', () => {
  let dir: string;
  let ledger: SqliteEventStore;
  let audit: AuditStore;
  let runner: ProjectionRunner;

  const open = () => {
    audit = AuditStore.open(join(dir, 'audit.sqlite'));
    runner = new ProjectionRunner(ledger, audit.db, [auditTreeProjection(audit)], { batchSize: 64 });
  };
  const append = async (from: number, count: number) => {
    for (let i = from; i < from + count; i++) await ledger.append(`matter-${i % 7}`, [event(i)], 'any');
  };
  const allEvents = async () => ledger.readAll(0n, 100_000);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'audit-store-'));
    ledger = SqliteEventStore.open({ file: join(dir, 'ledger.sqlite') });
    open();
  });
  afterEach(async () => {
    audit.close();
    await ledger.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds the RFC 6962 tree of the events’ audit leaves, with proofs equal to the textbook ones', async () => {
    await append(0, 300);
    expect(await runner.catchUp()).toBe(300);
    const leaves = (await allEvents()).map((e, index) => Buffer.from(auditLeafHash(e, index), 'hex'));
    const naive = new NaiveMerkle(leaves);
    expect(audit.size).toBe(300);
    for (const size of [1, 2, 3, 64, 65, 127, 128, 129, 300]) {
      const root = audit.tree.root(size);
      expect(root).toBe(toHex(naive.mth(0, size)));
      for (const index of [0, Math.floor(size / 2), size - 1]) {
        const proof = audit.tree.inclusionProof(index, size);
        expect(proof).toEqual(naive.path(index, 0, size).map(toHex));
        expect(() => verifyInclusion(leaves[index], index, size, proof, root)).not.toThrow();
      }
    }
    const proof = audit.tree.consistencyProof(129, 300);
    expect(proof).toEqual(naive.consistency(129, 300).map(toHex));
    expect(() => verifyConsistency(129, 300, proof, audit.tree.root(129), audit.tree.root(300))).not.toThrow();
  });

  it('stores exactly the textbook tree’s complete subtrees, whatever the batch size', async () => {
    // 1,500 leaves in runner batches of 700: each batch writes about 1,400 rows in
    // multi-row INSERTs, and its first leaves complete subtrees begun in the batch before.
    for (let b = 0; b < 15; b++) {
      await ledger.append(
        `matter-${b}`,
        Array.from({ length: 100 }, (_, i) => event(b * 100 + i)),
        'no_stream',
      );
    }
    const big = new ProjectionRunner(ledger, audit.db, [auditTreeProjection(audit)], { batchSize: 700 });
    expect(await big.catchUp()).toBe(1500);
    const naive = new NaiveMerkle((await allEvents()).map((e, index) => Buffer.from(auditLeafHash(e, index), 'hex')));
    const rows = storedNodes(audit.db);
    let expected = 0;
    for (let width = 1; width <= 1500; width *= 2) expected += Math.floor(1500 / width);
    expect(rows).toHaveLength(expected);
    for (const { level, index, hash } of rows) {
      const width = 2 ** level;
      expect(toHex(hash)).toBe(toHex(naive.mth(index * width, (index + 1) * width)));
    }
    expect(audit.tree.root()).toBe(toHex(naive.mth(0, 1500)));
  });

  it('continues after a restart where it left off, and knows where every leaf sits in the ledger', async () => {
    await append(0, 100);
    await runner.catchUp();
    audit.close();
    open();
    await append(100, 500);
    await runner.catchUp();
    const events = await allEvents();
    expect(audit.size).toBe(600);
    expect(audit.tree.root()).toBe(
      toHex(new NaiveMerkle(events.map((e, i) => Buffer.from(auditLeafHash(e, i), 'hex'))).mth(0, 600)),
    );
    for (const index of [0, 1, POSITION_STRIDE - 1, POSITION_STRIDE, 599]) {
      const located = audit.locate(index);
      expect(located.index).toBe(Math.floor(index / POSITION_STRIDE) * POSITION_STRIDE);
      expect(located.position).toBe(events[located.index].position);
    }
  });

  it('commits a leaf only with the runner’s checkpoint: a batch that fails leaves no leaf behind', async () => {
    await append(0, 10);
    const failing: Projection = {
      name: 'failing',
      version: 1,
      schema: '',
      apply: (_e, { index }) => {
        if (index === 5) throw new Error('disk full');
      },
    };
    const broken = new ProjectionRunner(ledger, audit.db, [auditTreeProjection(audit), failing], { batchSize: 64 });
    await expect(broken.catchUp()).rejects.toThrow('disk full');
    expect(audit.size).toBe(0);
    expect(broken.applied).toBe(0);
    await runner.catchUp();
    expect(audit.size).toBe(10);
  });

  it('refuses to number leaves when the tree and the runner disagree', () => {
    const projection = auditTreeProjection(audit);
    const stray = {
      ...(event(0) as object),
      stream: 's',
      revision: 0,
      position: 1n,
      recordedAt: '',
      eventId: 'e',
      causationId: null,
      correlationId: null,
      metadata: {},
    };
    expect(() => projection.apply(stray as never, { db: audit.db, index: 3 })).toThrow(
      /holds 0 leaves but the runner is at index 3/,
    );
  });

  it('signs checkpoints by the policy: the first, then after N events or the interval, never for nothing new', async () => {
    const policy = { maxNewEvents: 10, maxIntervalSeconds: 5 };
    const t0 = new Date('2024-01-01T00:00:00Z');
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
    expect(audit.cutIfDue(identity, policy, t0)).toEqual({ decision: { cut: false, reason: 'unchanged' } });

    await append(0, 3);
    await runner.catchUp();
    const first = audit.cutIfDue(identity, policy, t0);
    expect(first.decision).toMatchObject({ cut: true, reason: 'first' });
    expect(first.checkpoint).toMatchObject({
      size: 3,
      position: (await allEvents())[2].position.toString(),
      signedAt: t0.toISOString(),
    });
    expect(verifyCheckpointNote(first.checkpoint!.note, key.publicKey, ORIGIN, ORIGIN)).toEqual({
      origin: ORIGIN,
      size: 3,
      rootHash: audit.tree.root(3),
      extensions: [],
    });

    expect(audit.cutIfDue(identity, policy, at(60)).checkpoint).toBeUndefined();
    await append(3, 2);
    await runner.catchUp();
    const waiting = audit.cutIfDue(identity, policy, at(1));
    expect(waiting).toEqual({ decision: { cut: false, reason: 'waiting', dueAt: at(5) } });
    expect(audit.cutIfDue(identity, policy, at(5)).checkpoint).toMatchObject({ size: 5 });
    await append(5, 10);
    await runner.catchUp();
    expect(audit.cutIfDue(identity, policy, at(6))).toMatchObject({
      decision: { reason: 'event-count' },
      checkpoint: { size: 15 },
    });
    expect([...audit.checkpoints()].map((c) => c.size)).toEqual([3, 5, 15]);
    expect(audit.latestCheckpoint()?.size).toBe(15);
    expect(audit.checkpointOfSize(5)?.rootHash).toBe(audit.tree.root(5));
  });

  it('will not sign a tree that does not extend the last signed checkpoint', async () => {
    const policy = { maxNewEvents: 1, maxIntervalSeconds: 5 };
    await append(0, 8);
    await runner.catchUp();
    audit.cutIfDue(identity, policy, new Date());
    // The stored tree is rewritten under the checkpoint (as a rebuild over an altered log would).
    overwriteStoredNode(audit.db, 0, 2, leafHash(Buffer.from('forged')));
    // Appending again from size 0 rewrites every interior node over the forged leaf.
    audit.db.prepare('UPDATE audit_tree_size SET size = 0').run();
    audit.tree.appendMany([0, 1, 2, 3, 4, 5, 6, 7].map((i) => audit.nodes.get(0, i)!));
    await append(8, 1);
    await runner.catchUp();
    expect(() => audit.cutIfDue(identity, policy, new Date())).toThrow(InconsistentCheckpointError);
    expect(audit.checkpointCount()).toBe(1);
  });

  it('waits while a rebuilt tree is below the last checkpoint, and refuses one that comes back with another root', async () => {
    const policy = { maxNewEvents: 1, maxIntervalSeconds: 5 };
    await append(0, 6);
    await runner.catchUp();
    audit.cutIfDue(identity, policy, new Date());
    audit.close();
    const db = openAuditDb(join(dir, 'audit.sqlite'));
    resetAuditTree(db);
    db.close();
    open();
    const firstBatch = await ledger.readAll(0n, 4);
    expect(firstBatch).toHaveLength(4);
    // Four leaves of six: not an answer yet, neither a checkpoint nor a refusal.
    audit.tree.appendMany(firstBatch.map((e, i) => leafHash(Buffer.from(auditLeafHash(e, i), 'hex'))));
    expect(audit.cutIfDue(identity, policy, new Date())).toEqual({
      decision: { cut: false, reason: 'waiting' },
      rebuilding: true,
    });
    // Two more leaves that are not the log's: at the signed size, the root differs.
    audit.tree.appendMany([leafHash(Buffer.from('x')), leafHash(Buffer.from('y'))]);
    expect(() => audit.cutIfDue(identity, policy, new Date())).toThrow(/another root/);
  });

  it('keeps signed checkpoints immutable, and keeps them when the tree is rebuilt', async () => {
    await append(0, 4);
    await runner.catchUp();
    audit.cutIfDue(identity, { maxNewEvents: 1, maxIntervalSeconds: 1 }, new Date());
    expect(() => audit.db.prepare("UPDATE checkpoints SET root = 'x'").run()).toThrow(/immutable/);
    expect(() => audit.db.prepare('DELETE FROM checkpoints').run()).toThrow(/immutable/);
    // A tree of another version is rebuilt from the log; its checkpoints stay.
    audit.db.prepare("UPDATE runner_state SET schema_signature = 'audit-tree@0'").run();
    audit.close();
    open();
    expect(audit.size).toBe(0);
    expect(audit.checkpointCount()).toBe(1);
    await runner.catchUp();
    expect(audit.cutIfDue(identity, { maxNewEvents: 1, maxIntervalSeconds: 1 }, new Date())).toEqual({
      decision: { cut: false, reason: 'unchanged' },
    });
  });

  it('rebuilds a tree stored by schema version 1 (a row per node) in tiles, keeping its checkpoints', async () => {
    await append(0, 20);
    await runner.catchUp();
    const signed = audit.cutIfDue(identity, { maxNewEvents: 1, maxIntervalSeconds: 1 }, new Date()).checkpoint!;
    // What a version-1 file looks like: the node table, the old tree signature and user_version.
    audit.db.exec(`
      DROP TABLE audit_tree_tiles;
      CREATE TABLE audit_tree_nodes (level INTEGER NOT NULL, idx INTEGER NOT NULL, hash BLOB NOT NULL,
        PRIMARY KEY (level, idx)) WITHOUT ROWID;
      UPDATE runner_state SET schema_signature = 'audit-tree@1';
      PRAGMA user_version = 1;
    `);
    audit.close();
    expect(() => AuditStore.open(join(dir, 'audit.sqlite'), { readonly: true })).toThrow(
      /audit schema version 1, this build reads 2/,
    );
    open();
    const tables = audit.db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all();
    expect(tables.map((t) => t.name)).not.toContain('audit_tree_nodes');
    expect(audit.size).toBe(0);
    expect(audit.checkpointCount()).toBe(1);
    await runner.catchUp();
    expect(audit.tree.root(20)).toBe(signed.rootHash);
    expect(audit.cutIfDue(identity, { maxNewEvents: 1, maxIntervalSeconds: 1 }, new Date())).toEqual({
      decision: { cut: false, reason: 'unchanged' },
    });
  });

  it('opens read-only for the CLI, and refuses a file that is not there', async () => {
    await append(0, 2);
    await runner.catchUp();
    const reader = AuditStore.open(join(dir, 'audit.sqlite'), { readonly: true });
    expect(reader.size).toBe(2);
    expect(() => reader.setMeta('x', 'y')).toThrow(/readonly/);
    reader.close();
    expect(() => openAuditDb(join(dir, 'none.sqlite'), { readonly: true })).toThrow(/no audit store/);
  });

  describe('verifyStoredLog', () => {
    const policy = { maxNewEvents: 50, maxIntervalSeconds: 60 };
    beforeEach(async () => {
      for (let n = 0; n < 4; n++) {
        await append(n * 50, 50);
        await runner.catchUp();
        audit.cutIfDue(identity, policy, new Date());
      }
    });

    it('accepts an untouched ledger and checks every checkpoint', async () => {
      expect(await verifyStoredLog(ledger, audit, { trustedKey, origin: ORIGIN })).toEqual({
        ok: true,
        checked: 200,
        checkpointsVerified: 4,
      });
    });

    it('finds a stored interior node that differs from the events, at the first leaf under it', async () => {
      overwriteStoredNode(audit.db, 3, 5, leafHash(Buffer.from('x')));
      const report = await verifyStoredLog(ledger, audit, { trustedKey });
      expect(report).toMatchObject({ ok: false, fault: 'TREE_NODE_MISMATCH', firstBadIndex: 40 });
      expect(report.reason).toContain('leaves 40..47');
    });

    it('finds a missing leaf hash', async () => {
      // A tile cut short at leaf 77 (a lost write): leaves 77..255 of it are gone.
      cutTileAt(audit.db, 0, 77);
      expect(await verifyStoredLog(ledger, audit, { trustedKey })).toMatchObject({
        ok: false,
        fault: 'TREE_NODE_MISSING',
        firstBadIndex: 77,
      });
    });

    it('reports progress and stops at maxEvents', async () => {
      const seen: number[] = [];
      const report = await verifyStoredLog(ledger, audit, {
        trustedKey,
        batchSize: 64,
        onProgress: (n) => seen.push(n),
        maxEvents: 150,
      });
      expect(seen).toEqual([64, 128, 150]);
      // The checkpoint of size 200 and the tree's last 50 leaves lie beyond what was read.
      expect(report).toMatchObject({ ok: false, fault: 'CHECKPOINT_BEYOND_LOG', checked: 150 });
    });
  });
});
