import { systemNow, WalSync } from '@app/runtime';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { canonicalJson } from '../canonical-json';
import { encodeEventBody, EventBody } from './event-body';
import { EventEnvelope, NewEvent, Position } from '../event-envelope';
import {
  AppendOptions,
  AppendResult,
  EventStore,
  ExpectedRevision,
  IdempotencyRecord,
  LedgerHead,
  SubscribeOptions,
} from '../event-store.port';
import { IdempotencyConflictError, InvalidAppendError, WrongExpectedRevisionError } from '../errors';
import { newEventId } from '../event-id';
import { followLog } from '../follow-log';
import { validateAppend } from '../validate-append';
import { migrateLedger } from './sqlite-schema';
import { DurableMark } from './durable-mark';

export interface SqliteEventStoreOptions {
  /** Path of the SQLite file; created with its directory when missing (unless readonly). */
  file: string;
  readonly?: boolean;
  /** Server clock for recordedAt; injectable for tests. */
  now?: () => Date;
  /** How often a live subscription looks for events written by another process. */
  pollIntervalMs?: number;
  /** Most appends coalesced into one commit (group commit); 1 turns coalescing off. */
  maxGroupSize?: number;
  /**
   * For a store that reads the log in another thread of the writing process (the API's
   * projection worker): the writer's `durableMark.buffer`. Global reads (`readAll`,
   * `subscribe`) then stop before events whose fsync has not completed yet.
   */
  durableMark?: SharedArrayBuffer;
}

/** An append waiting for the group commit that will hold it. */
interface PendingAppend {
  stream: string;
  events: NewEvent[];
  expected: ExpectedRevision;
  options: AppendOptions;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

interface EventRow {
  position: number;
  event_id: string;
  stream: string;
  revision: number;
  type: string;
  body: string;
}

const INSERT_CHUNK = 100;

const EVENT_COLUMNS = 'position, event_id, stream, revision, type, body';

/**
 * The embedded default: one SQLite file in WAL mode, synchronous=FULL so that a
 * commit that returned is on disk. (stream, revision) uniqueness is enforced by
 * the database, so even two processes writing at once cannot fork a stream.
 *
 * Group commit: appends made while the event loop is busy are queued and written
 * together on the next turn, in one IMMEDIATE transaction and so one fsync of the
 * WAL. Each append runs in its own savepoint, in arrival order, so it sees the
 * appends before it (expected revision, idempotency key) and a refused one rolls
 * back alone. No append resolves before the commit that holds it is on disk.
 *
 * The fsync does not hold the event loop: the connection runs with synchronous=NORMAL
 * and WalSync fsyncs the WAL on the thread pool after each commit (one fsync for every
 * commit made while the previous one ran); appends resolve when it completes. Until
 * then the events are visible to readers of the file but not durable: `durableMark`
 * says so to this process's other threads (the projection worker does not apply them),
 * and an idempotency record found in that window is answered only once it is durable.
 */
export class SqliteEventStore implements EventStore {
  readonly file: string;
  private readonly db: Database.Database;
  private readonly now: () => Date;
  private readonly pollIntervalMs: number;
  private readonly appended = new EventEmitter();
  private closed = false;
  private readonly inserts = new Map<number, Database.Statement>();
  private readonly statements: ReturnType<SqliteEventStore['prepare']>;
  private readonly appendTx: Database.Transaction<
    (stream: string, events: NewEvent[], expected: ExpectedRevision, options: AppendOptions) => AppendResult
  >;
  private readonly groupTx: Database.Transaction<
    (group: PendingAppend[]) => { outcomes: Outcome[]; headBefore: Position }
  >;
  private readonly maxGroupSize: number;
  private pending: PendingAppend[] = [];
  /** Transactions committed by appends (each one fsync); fewer than appends when groups formed. */
  private commitCount = 0;
  private flushScheduled = false;
  /** The writer's fsyncs of the WAL (null for a read-only store). */
  private readonly walSync: WalSync | null;
  /** Where durable events end while an fsync runs: set by the writer, obeyed by readers in other threads. */
  readonly durableMark: DurableMark;
  private readonly obeysMark: boolean;
  /** The log as last counted by head(): null until the first call. */
  private counted: { position: number; events: number; streams: number } | null = null;

  static open(options: SqliteEventStoreOptions): SqliteEventStore {
    return new SqliteEventStore(options);
  }

  private constructor(options: SqliteEventStoreOptions) {
    this.file = options.file;
    this.now = options.now ?? systemNow;
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    this.maxGroupSize = Math.max(1, options.maxGroupSize ?? 256);
    this.appended.setMaxListeners(0);
    if (!options.readonly) mkdirSync(dirname(options.file), { recursive: true });
    this.db = new Database(options.file, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
    });
    this.db.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      this.db.pragma('journal_mode = WAL');
      // NORMAL: COMMIT does not fsync; WalSync does, off the event loop, before any append resolves.
      this.db.pragma('synchronous = NORMAL');
      migrateLedger(this.db);
    }
    this.walSync = options.readonly ? null : new WalSync(`${options.file}-wal`);
    this.durableMark = new DurableMark(options.durableMark);
    this.obeysMark = options.durableMark !== undefined;
    this.statements = this.prepare();
    this.appendTx = this.db.transaction(this.appendInTransaction.bind(this));
    // Inside groupTx, each appendTx call is a SAVEPOINT (better-sqlite3 nests that way).
    this.groupTx = this.db.transaction((group: PendingAppend[]) => {
      // Under the write lock, before anything of this group is visible: readers in other
      // threads stop at the head as it is now until the group's fsync has completed.
      const headBefore = BigInt(this.statements.headPosition.get()?.position ?? 0);
      this.durableMark.hold(headBefore);
      const outcomes = group.map((p): Outcome => {
        try {
          return { ok: true, result: this.appendTx(p.stream, p.events, p.expected, p.options) };
        } catch (error) {
          return { ok: false, error };
        }
      });
      return { outcomes, headBefore };
    });
  }

  private prepare() {
    const db = this.db;
    return {
      streamRevision: db.prepare<[string], { revision: number }>('SELECT revision FROM streams WHERE stream = ?'),
      upsertStream: db.prepare(
        'INSERT INTO streams (stream, revision) VALUES (?, ?) ON CONFLICT (stream) DO UPDATE SET revision = excluded.revision',
      ),
      findKey: db.prepare<
        [string],
        { key: string; stream: string; fingerprint: string; revision: number; position: number }
      >('SELECT key, stream, fingerprint, revision, position FROM idempotency WHERE key = ?'),
      insertKey: db.prepare(
        'INSERT INTO idempotency (key, stream, fingerprint, revision, position) VALUES (?, ?, ?, ?, ?)',
      ),
      readStream: db.prepare<[string, number], EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision`,
      ),
      readAll: db.prepare<[number, number], EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE position >= ? ORDER BY position LIMIT ?`,
      ),
      headPosition: db.prepare<[], { position: number | null }>('SELECT MAX(position) AS position FROM events'),
      countEvents: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM events'),
      countStreams: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM streams'),
      // A stream is made by its first event (revision 0), and events are never removed: what was
      // appended after a position is counted from the rows after it, in one snapshot.
      countAfter: db.prepare<[number], { position: number | null; events: number; streams: number | null }>(
        'SELECT MAX(position) AS position, COUNT(*) AS events, SUM(revision = 0) AS streams FROM events WHERE position > ?',
      ),
    };
  }

  async append(
    stream: string,
    events: NewEvent[],
    expected: ExpectedRevision,
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    this.assertOpen();
    validateAppend(stream, events, expected, options);
    return new Promise<AppendResult>((resolve, reject) => {
      this.pending.push({ stream, events, expected, options, resolve, reject });
      if (this.pending.length >= this.maxGroupSize) this.flush();
      else if (!this.flushScheduled) {
        this.flushScheduled = true;
        // setImmediate, not a microtask: requests parsed in this turn of the loop join the group.
        setImmediate(() => this.flush());
      }
    });
  }

  /** Writes every queued append in one transaction (one fsync), then settles each. */
  private flush(): void {
    this.flushScheduled = false;
    if (this.pending.length === 0 || this.closed) return;
    const group = this.pending.splice(0, this.maxGroupSize);
    if (this.pending.length > 0 && !this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
    let outcomes: Outcome[];
    let headBefore: Position;
    try {
      // IMMEDIATE takes the write lock up front so two processes racing on a stream
      // serialize instead of failing on upgrade.
      ({ outcomes, headBefore } = this.groupTx.immediate(group));
      this.commitCount += 1;
    } catch (error) {
      // The commit itself failed (busy, disk full): nothing of the group was written.
      if ((this.walSync?.unsynced ?? 0) === 0) this.durableMark.release(null);
      group.forEach((p) => p.reject(error));
      return;
    }
    let last: Position | undefined;
    for (const outcome of outcomes) if (outcome.ok && !outcome.result.replayed) last = outcome.result.position;
    const headAfter = last ?? headBefore;
    const settle = (error: unknown) => {
      // Commits settle in order: this one is durable, and the mark moves past it (or is lifted).
      if (!error) this.durableMark.release(this.walSync!.unsynced === 0 ? null : headAfter);
      outcomes.forEach((outcome, i) => {
        if (error) group[i].reject(error);
        else if (outcome.ok) group[i].resolve(outcome.result);
        else group[i].reject(outcome.error);
      });
      if (!error && last !== undefined) this.appended.emit('append', last);
    };
    // Acknowledged only once the WAL holding the commit is on disk.
    this.walSync!.afterCommit().then(
      () => settle(null),
      (error: unknown) => settle(error),
    );
  }

  private appendInTransaction(
    stream: string,
    events: NewEvent[],
    expected: ExpectedRevision,
    options: AppendOptions,
  ): AppendResult {
    const s = this.statements;
    const fingerprint = options.idempotencyKey ? (options.fingerprint ?? fingerprintOf(stream, events)) : '';
    if (options.idempotencyKey) {
      const seen = s.findKey.get(options.idempotencyKey);
      if (seen) {
        if (seen.fingerprint !== fingerprint) throw new IdempotencyConflictError(options.idempotencyKey);
        return { stream: seen.stream, revision: seen.revision, position: BigInt(seen.position), replayed: true };
      }
    }
    const current = s.streamRevision.get(stream)?.revision;
    const actual = current === undefined ? 'no_stream' : current;
    if (expected !== 'any' && expected !== actual) {
      throw new WrongExpectedRevisionError(stream, expected, actual);
    }
    const recordedAt = this.now().toISOString();
    let revision = current ?? -1;
    const rows: unknown[] = [];
    for (const event of events) {
      revision += 1;
      const body: EventBody = {
        version: event.version,
        occurredAt: event.occurredAt,
        recordedAt,
        actor: { id: event.actor.id, role: event.actor.role },
        causationId: event.causationId ?? null,
        correlationId: event.correlationId ?? null,
        data: event.data,
        metadata: event.metadata ?? {},
      };
      rows.push(event.eventId ?? newEventId(), stream, revision, event.type, encodeEventBody(body));
    }
    const position = this.insertRows(rows, events.length);
    s.upsertStream.run(stream, revision);
    if (options.idempotencyKey) s.insertKey.run(options.idempotencyKey, stream, fingerprint, revision, position);
    return { stream, revision, position: BigInt(position), replayed: false };
  }

  /** Multi-row INSERTs (up to 100 rows each): one statement per chunk, not one per event. */
  private insertRows(values: unknown[], count: number): number {
    let position = 0;
    for (let start = 0; start < count; start += INSERT_CHUNK) {
      const rows = Math.min(INSERT_CHUNK, count - start);
      const info = this.insertStatement(rows).run(values.slice(start * 5, (start + rows) * 5));
      position = Number(info.lastInsertRowid);
    }
    return position;
  }

  private insertStatement(rows: number): Database.Statement {
    let statement = this.inserts.get(rows);
    if (!statement) {
      const tuples = Array.from({ length: rows }, () => '(?, ?, ?, ?, ?)').join(', ');
      statement = this.db.prepare(`INSERT INTO events (event_id, stream, revision, type, body) VALUES ${tuples}`);
      this.inserts.set(rows, statement);
    }
    return statement;
  }

  async readStream(stream: string, fromRevision = 0): Promise<EventEnvelope[]> {
    this.assertOpen();
    return this.statements.readStream.all(stream, fromRevision).map(toEnvelope);
  }

  async readAll(fromPosition: Position, limit: number): Promise<EventEnvelope[]> {
    this.assertOpen();
    const events = this.readAllSync(fromPosition, limit);
    if (!this.obeysMark) return events;
    // The mark is read after the rows: an event read before its group's fsync completed is above it.
    const mark = this.durableMark.get();
    if (mark === null || events.length === 0 || events[events.length - 1].position <= mark) return events;
    return events.filter((event) => event.position <= mark);
  }

  /** Synchronous read for projection runners that share this process (no promise per batch). */
  readAllSync(fromPosition: Position, limit: number): EventEnvelope[] {
    if (!Number.isInteger(limit) || limit < 1)
      throw new InvalidAppendError(`limit must be a positive integer, got ${limit}`);
    const from = fromPosition < 1n ? 1 : Number(fromPosition);
    return this.statements.readAll.all(from, limit).map(toEnvelope);
  }

  subscribe(fromPosition: Position, options: SubscribeOptions = {}): AsyncIterable<EventEnvelope> {
    this.assertOpen();
    return followLog({
      fromPosition,
      batchSize: options.batchSize ?? 500,
      signal: options.signal,
      read: (from, limit) => this.readAll(from, limit),
      waitForMore: (signal) => this.waitForAppend(signal),
      isClosed: () => this.closed,
    });
  }

  /** Resolves on the next in-process append, or after the poll interval (other processes). */
  private waitForAppend(signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.appended.off('append', done);
        this.appended.off('close', done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, this.pollIntervalMs);
      this.appended.once('append', done);
      this.appended.once('close', done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  async head(): Promise<LedgerHead> {
    this.assertOpen();
    const s = this.statements;
    if (this.counted === null) {
      // The whole log is counted once per connection (from the smallest index: seconds at ten
      // million events), in one read transaction so that the three figures agree.
      this.counted = this.db.transaction(() => ({
        position: s.headPosition.get()?.position ?? 0,
        events: s.countEvents.get()!.n,
        streams: s.countStreams.get()!.n,
      }))();
    } else {
      // Afterwards only the events appended since (by this or any other process) are counted.
      const after = s.countAfter.get(this.counted.position)!;
      if (after.position !== null)
        this.counted = {
          position: after.position,
          events: this.counted.events + after.events,
          streams: this.counted.streams + (after.streams ?? 0),
        };
    }
    const { position, events, streams } = this.counted;
    return { position: BigInt(position), events, streams };
  }

  /** How many append transactions this store has committed (group commit makes it < appends). */
  get commits(): number {
    return this.commitCount;
  }

  /** Every idempotency record in the order of the writes it answers (for `ledger migrate`). */
  *idempotencyRecords(): Generator<IdempotencyRecord> {
    this.assertOpen();
    const rows = this.db
      .prepare<[], { key: string; stream: string; fingerprint: string; revision: number; position: number }>(
        'SELECT key, stream, fingerprint, revision, position FROM idempotency ORDER BY position, key',
      )
      .iterate();
    for (const row of rows) yield { ...row, position: BigInt(row.position) };
  }

  async findIdempotency(key: string): Promise<IdempotencyRecord | null> {
    this.assertOpen();
    const row = this.statements.findKey.get(key);
    if (!row) return null;
    // A write whose fsync is still running is answered (acknowledged again) only once it is durable.
    if (this.walSync && this.walSync.unsynced > 0) await this.walSync.settled();
    return { ...row, position: BigInt(row.position) };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    // Appends already accepted are written before the file closes, not dropped, and synced.
    while (this.pending.length > 0) this.flush();
    await this.walSync?.settled().catch(() => undefined);
    this.walSync?.close();
    this.closed = true;
    this.appended.emit('close');
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the ledger is closed');
  }
}

/** What "the same events" means by default: stream, types, versions, data and metadata. */
export function fingerprintOf(stream: string, events: NewEvent[]): string {
  const essence = events.map((e) => ({ type: e.type, version: e.version, data: e.data, metadata: e.metadata ?? {} }));
  return createHash('sha256')
    .update(canonicalJson({ stream, events: essence }))
    .digest('hex');
}

function toEnvelope(row: EventRow): EventEnvelope {
  const body = JSON.parse(row.body) as EventBody;
  return {
    eventId: row.event_id,
    type: row.type,
    version: body.version,
    stream: row.stream,
    revision: row.revision,
    position: BigInt(row.position),
    occurredAt: body.occurredAt,
    recordedAt: body.recordedAt,
    actor: body.actor,
    causationId: body.causationId,
    correlationId: body.correlationId,
    data: body.data,
    metadata: body.metadata,
  };
}
