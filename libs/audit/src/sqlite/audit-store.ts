import type Database from 'better-sqlite3';
import { parseCheckpoint, signCheckpoint, verifyCheckpointNote } from '../checkpoint';
import {
  assertConsistentBeforeSigning,
  CheckpointDecision,
  CheckpointPolicy,
  decideCheckpoint,
} from '../checkpoint-policy';
import { CheckpointRefusedError, InconsistentCheckpointError } from '../errors';
import { MerkleTree } from '../merkle-tree';
import { NoteSigner } from '../note-keys';
import { parseSignedNote } from '../signed-note';
import { openAuditDb, OpenAuditDbOptions, POSITION_STRIDE } from './audit-db';
import { SqliteNodeStore } from './sqlite-node-store';

/** A signed checkpoint as stored (and as GET /audit/checkpoint serves it, without the key). */
export interface CheckpointRecord {
  readonly size: number;
  /** Ledger position of the last event the checkpoint covers (digits); '0' for the empty tree. */
  readonly position: string;
  /** Lowercase hex. */
  readonly rootHash: string;
  readonly signedAt: string;
  readonly note: string;
}

export interface SigningIdentity {
  readonly signer: NoteSigner;
  /** The checkpoint origin line; we use the key name. */
  readonly origin: string;
}

export interface CutResult {
  readonly decision: CheckpointDecision;
  readonly checkpoint?: CheckpointRecord;
  /** The tree is below the last checkpoint: it is being rebuilt from the log. */
  readonly rebuilding?: true;
}

interface CheckpointRow {
  size: number;
  position: string;
  root: string;
  signed_at: string;
  note: string;
}

const toRecord = (row: CheckpointRow): CheckpointRecord => ({
  size: row.size,
  position: row.position,
  rootHash: row.root,
  signedAt: row.signed_at,
  note: row.note,
});

/** Meta keys: the public side of the signing key, so exports and `ledger prove` can name it without the secret. */
export const META_VERIFIER_KEY = 'verifier_key';
export const META_ORIGIN = 'origin';
/** `<size>:<position>` of the leaves that call for a checkpoint (see `grown`). */
const META_GROWN = 'grown_to';
/** How many published checkpoints were refused, and why the last one was. */
const META_REFUSED = 'refused_checkpoints';
const META_LAST_REFUSAL = 'last_refusal';

/**
 * The audit store: the tree kept by the audit projection, the signed
 * checkpoints, and where each leaf sits in the ledger. One connection per
 * process; every method is synchronous (better-sqlite3).
 */
export class AuditStore {
  readonly nodes: SqliteNodeStore;
  readonly tree: MerkleTree;
  private readonly statements: ReturnType<AuditStore['prepare']>;
  private insertPositionStatement: Database.Statement<[number, string]> | undefined;

  static open(file: string, options: OpenAuditDbOptions = {}): AuditStore {
    return new AuditStore(openAuditDb(file, options));
  }

  constructor(readonly db: Database.Database) {
    this.nodes = new SqliteNodeStore(db);
    this.tree = new MerkleTree(this.nodes);
    this.statements = this.prepare();
  }

  private prepare() {
    const db = this.db;
    return {
      runnerPosition: db.prepare<[], { position: string; next_index: number }>(
        'SELECT position, next_index FROM runner_state WHERE id = 1',
      ),
      latest: db.prepare<[], CheckpointRow>(
        'SELECT size, position, root, signed_at, note FROM checkpoints ORDER BY size DESC LIMIT 1',
      ),
      bySize: db.prepare<[number], CheckpointRow>(
        'SELECT size, position, root, signed_at, note FROM checkpoints WHERE size = ?',
      ),
      page: db.prepare<[number, number, number], CheckpointRow>(
        'SELECT size, position, root, signed_at, note FROM checkpoints WHERE size > ? AND size <= ? ORDER BY size LIMIT ?',
      ),
      count: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM checkpoints'),
      insert: db.prepare('INSERT INTO checkpoints (size, position, root, signed_at, note) VALUES (?, ?, ?, ?, ?)'),
      locate: db.prepare<[number], { idx: number; position: string }>(
        'SELECT idx, position FROM audit_positions WHERE idx <= ? ORDER BY idx DESC LIMIT 1',
      ),
      getMeta: db.prepare<[string], { value: string }>('SELECT value FROM audit_meta WHERE key = ?'),
      setMeta: db.prepare(
        'INSERT INTO audit_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ),
    };
  }

  /** Leaves in the tree. */
  get size(): number {
    return this.tree.size;
  }

  /** Tree size and the ledger position of its last leaf, read together (they commit together). */
  head(): { size: number; position: string } {
    return this.db.transaction(() => ({
      size: this.tree.size,
      position: this.statements.runnerPosition.get()!.position,
    }))();
  }

  latestCheckpoint(): CheckpointRecord | undefined {
    const row = this.statements.latest.get();
    return row && toRecord(row);
  }

  checkpointOfSize(size: number): CheckpointRecord | undefined {
    const row = this.statements.bySize.get(size);
    return row && toRecord(row);
  }

  /** Checkpoints with fromSize < size <= toSize, in signing (= size) order. */
  checkpointPage(fromSize: number, limit: number, toSize = Number.MAX_SAFE_INTEGER): CheckpointRecord[] {
    return this.statements.page.all(fromSize, toSize, limit).map(toRecord);
  }

  /** Every checkpoint up to `toSize`, read lazily page by page. */
  *checkpoints(toSize = Number.MAX_SAFE_INTEGER): Generator<CheckpointRecord> {
    let after = -1;
    for (;;) {
      const page = this.checkpointPage(after, 1000, toSize);
      yield* page;
      if (page.length < 1000) return;
      after = page[page.length - 1].size;
    }
  }

  checkpointCount(): number {
    return this.statements.count.get()!.n;
  }

  /** Records where leaf `index` sits in the ledger, if it is one the sparse map keeps. Runs inside the runner's transaction. */
  notePosition(index: number, position: bigint): void {
    if (index % POSITION_STRIDE === 0) this.insertPosition().run(index, position.toString());
  }

  private insertPosition(): Database.Statement<[number, string]> {
    return (this.insertPositionStatement ??= this.db.prepare(
      'INSERT INTO audit_positions (idx, position) VALUES (?, ?) ON CONFLICT (idx) DO UPDATE SET position = excluded.position',
    ));
  }

  /**
   * The nearest known (index, position) at or before `index`: read the log
   * from `position` and skip `index - found.index` events to reach it.
   */
  locate(index: number): { index: number; position: bigint } {
    const row = this.statements.locate.get(index);
    return row ? { index: row.idx, position: BigInt(row.position) } : { index: 0, position: 0n };
  }

  getMeta(key: string): string | undefined {
    return this.statements.getMeta.get(key)?.value;
  }

  setMeta(key: string, value: string): void {
    this.statements.setMeta.run(key, value);
  }

  /**
   * The leaves that call for a checkpoint: the tree's size and last position but for the
   * checkpoint publications after the last other event (a publication is no growth of its
   * own, or each checkpoint would call for the next). Every leaf, for a store that has not
   * recorded it (a single instance, or one older than this record).
   */
  grown(): { size: number; position: bigint } {
    const [size, position] = (this.getMeta(META_GROWN) ?? '').split(':');
    const head = this.head();
    if (!size || !position || Number(size) > head.size) return { size: head.size, position: BigInt(head.position) };
    return { size: Number(size), position: BigInt(position) };
  }

  /** Runs inside the audit projection's transaction. */
  noteGrown(grown: { size: number; position: bigint }): void {
    this.setMeta(META_GROWN, `${grown.size}:${grown.position}`);
  }

  /** Published checkpoints refused so far, and why the last one was. */
  refusals(): { count: number; last: string | null } {
    return { count: Number(this.getMeta(META_REFUSED) ?? 0), last: this.getMeta(META_LAST_REFUSAL) ?? null };
  }

  /** Runs inside the audit projection's transaction. */
  noteRefusal(why: string): void {
    this.setMeta(META_REFUSED, String(this.refusals().count + 1));
    this.setMeta(META_LAST_REFUSAL, why);
  }

  /**
   * What the checkpoint policy says now, without signing anything. `grownTo`: the size the
   * tree counts as grown to (default: its size); leaves after it (the publications of
   * checkpoints in the log) do not call for a new checkpoint by themselves.
   */
  decide(policy: CheckpointPolicy, now: Date, grownTo: number = this.tree.size): CheckpointDecision {
    const last = this.latestCheckpoint();
    const treeSize = Math.max(Math.min(grownTo, this.tree.size), last?.size ?? 0);
    return decideCheckpoint(
      { treeSize, last: last ? { size: last.size, signedAt: new Date(last.signedAt) } : null, now },
      policy,
    );
  }

  /**
   * Stores a checkpoint another instance signed and published in the log, once it is shown
   * to be this tree's: its note signed by `trusted` for `origin` and saying what the record
   * says, its root this tree's root at its size, and its position that of the tree's leaf
   * `size - 1` (`position.exact` when the caller knows it, else within the bounds it knows).
   * 'known' when the same checkpoint is already stored. Throws CheckpointRefusedError
   * otherwise, storing nothing. Runs inside the audit projection's transaction.
   */
  acceptCheckpoint(
    record: CheckpointRecord,
    trusted: { readonly publicKey: Uint8Array; readonly keyName: string },
    origin: string,
    position: { readonly exact?: bigint; readonly atLeast: bigint; readonly below: bigint },
  ): 'stored' | 'known' {
    const refuse = (why: string): never => {
      throw new CheckpointRefusedError(`published checkpoint of size ${record.size} refused: ${why}`);
    };
    let signed: { size: number; rootHash: string };
    try {
      signed = verifyCheckpointNote(record.note, trusted.publicKey, trusted.keyName, origin);
    } catch (error) {
      return refuse(
        `its note does not verify against the trusted key ${trusted.keyName} (${(error as Error).message})`,
      );
    }
    if (signed.size !== record.size || signed.rootHash !== record.rootHash)
      refuse('its size or root differs from what its signed note says');
    if (!Number.isSafeInteger(record.size) || record.size < 1 || record.size > this.tree.size)
      refuse(`this tree holds ${this.tree.size} leaves`);
    if (this.tree.root(record.size) !== record.rootHash) refuse('this tree has another root at that size');
    if (!/^\d{1,30}$/.test(record.position)) refuse('its position is not a ledger position');
    const at = BigInt(record.position);
    if (position.exact !== undefined ? at !== position.exact : at < position.atLeast || at >= position.below)
      refuse(`position ${record.position} is not that of leaf ${record.size - 1}`);
    const stored = this.checkpointOfSize(record.size);
    if (stored) {
      if (stored.rootHash !== record.rootHash || stored.position !== record.position)
        refuse('another checkpoint of that size is stored');
      return 'known';
    }
    this.statements.insert.run(record.size, record.position, record.rootHash, record.signedAt, record.note);
    return 'stored';
  }

  /**
   * Signs a checkpoint of the current tree if the policy says so. The new
   * head must provably extend the last signed one (consistency proof from
   * our own tree against the root *in the last signed note*), else
   * InconsistentCheckpointError and nothing is signed: a tree rebuilt over an
   * altered log never gets a signature.
   */
  cutIfDue(identity: SigningIdentity, policy: CheckpointPolicy, now: Date, grownTo?: number): CutResult {
    return this.db
      .transaction((): CutResult => {
        const last = this.latestCheckpoint();
        const size = this.tree.size;
        // A tree being rebuilt from the log is below the last checkpoint for a while: not yet an answer.
        if (last && size < last.size) return { decision: { cut: false, reason: 'waiting' }, rebuilding: true };
        // Once it is back at that size, it must give the root that was signed there.
        if (last && size === last.size && this.tree.root(size) !== signedRootOf(last)) {
          throw new InconsistentCheckpointError(
            `the tree of size ${size} is not consistent with the checkpoint signed at that size: it has another root`,
          );
        }
        const decision = this.decide(policy, now, grownTo);
        if (!decision.cut) return { decision };
        return { decision, checkpoint: this.signHead(identity, now) };
      })
      .immediate();
  }

  private signHead({ signer, origin }: SigningIdentity, now: Date): CheckpointRecord {
    const { size, position } = this.head();
    const rootHash = this.tree.root(size);
    const last = this.latestCheckpoint();
    const previous = last ? { size: last.size, rootHash: signedRootOf(last) } : null;
    const proof =
      previous && previous.size > 0 && previous.size < size ? this.tree.consistencyProof(previous.size, size) : [];
    assertConsistentBeforeSigning(previous, { size, rootHash }, proof);
    const record: CheckpointRecord = {
      size,
      position,
      rootHash,
      signedAt: now.toISOString(),
      note: signCheckpoint({ origin, size, rootHash }, signer),
    };
    this.statements.insert.run(record.size, record.position, record.rootHash, record.signedAt, record.note);
    return record;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** The root the last note actually signed; a row whose columns disagree with its own note is not trusted. */
function signedRootOf(record: CheckpointRecord): string {
  const signed = parseCheckpoint(parseSignedNote(record.note).text);
  if (signed.size !== record.size || signed.rootHash !== record.rootHash) {
    throw new InconsistentCheckpointError(
      `stored checkpoint of size ${record.size} does not say what its signed note says`,
    );
  }
  return signed.rootHash;
}
