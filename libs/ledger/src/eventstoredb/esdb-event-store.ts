import { systemNow } from '@app/runtime';
import {
  ANY,
  AppendExpectedRevision,
  CancelledError,
  EventStoreDBClient,
  FORWARDS,
  jsonEvent,
  MaxAppendSizeExceededError,
  NO_STREAM,
  NotLeaderError,
  Position as EsdbPosition,
  START as ESDB_START,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { EventEnvelope, NewEvent, Position, START } from '../event-envelope';
import {
  AppendOptions,
  AppendResult,
  EventStore,
  ExpectedRevision,
  IdempotencyRecord,
  LedgerHead,
  SubscribeOptions,
} from '../event-store.port';
import {
  AppendTooLargeError,
  IdempotencyConflictError,
  InvalidAppendError,
  WrongExpectedRevisionError,
} from '../errors';
import { newEventId } from '../event-id';
import { fingerprintOf } from '../sqlite/sqlite-event-store';
import { validateAppend } from '../validate-append';
import {
  appendSize,
  derivedEventId,
  envelopeMetadata,
  IDEMPOTENCY_EVENT_TYPE,
  IDEMPOTENCY_STREAM_PREFIX,
  idempotencyStream,
  isLedgerEvent,
  positionOf,
  RecordedLike,
  toEnvelope,
} from './esdb-mapping';

/** The server's default maximum append size (1 MiB); deployments raise it (see docker/). */
export const DEFAULT_MAX_APPEND_SIZE = 1024 * 1024;

export interface EsdbEventStoreOptions {
  /** `esdb://host:2113?tls=false` or `esdb+discover://…`; our own `maxAppendSize=` parameter is taken out. */
  connectionString: string;
  /** Must not exceed the server's MAX_APPEND_SIZE: larger appends are refused here, before they are sent. */
  maxAppendSize?: number;
  /** Clock for recordedAt; injectable for tests. */
  now?: () => Date;
  /**
   * Prefix of this ledger's streams in a shared cluster (default none). Streams are
   * written with it, read without it, and the global log holds only the prefixed ones;
   * the contract suite runs each test in its own namespace on a real server.
   */
  namespace?: string;
  /** Attempts for a call answered UNAVAILABLE or not-leader (the client reconnects between them). */
  retryAttempts?: number;
  /** First back-off delay; doubled per attempt up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
}

interface RawPosition {
  commit: bigint;
  prepare: bigint;
}

interface ScanProgress {
  /** The last raw event read, ledger event or not. */
  last: RawPosition | null;
}

interface IdempotencyData {
  key: string;
  stream: string;
  fingerprint: string;
  revision: number;
  position: string;
}

const OWN_PARAMETERS = new Set(['maxAppendSize']);

/** Splits our own parameters out of the connection string; the client refuses keys it does not know. */
export function parseStoreUrl(url: string): { connectionString: string; maxAppendSize?: number } {
  const [base, query = ''] = url.split('?', 2);
  const kept: string[] = [];
  let maxAppendSize: number | undefined;
  for (const pair of query.split('&').filter(Boolean)) {
    const [key, value = ''] = pair.split('=', 2);
    if (!OWN_PARAMETERS.has(key)) {
      kept.push(pair);
      continue;
    }
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < 1) throw new Error(`maxAppendSize must be a positive integer of bytes`);
    maxAppendSize = n;
  }
  return { connectionString: kept.length ? `${base}?${kept.join('&')}` : base, maxAppendSize };
}

/**
 * The event store on an EventStoreDB/KurrentDB cluster. The only module that knows
 * `@eventstore/db-client`; everything above sees the same port as the embedded store.
 *
 * The global log is `$all` without the server's own events and without our
 * idempotency records; a position is an event's commit position in the cluster's log.
 */
export class EsdbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly maxAppendSize: number;
  private readonly now: () => Date;
  private readonly retryAttempts: number;
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly namespace: string;
  private closed = false;
  private readonly closing = new AbortController();
  /** Raw log positions seen, so that "just after event P" (P+1) reads start at P itself. */
  private readonly seen = new Set<bigint>();
  private readonly headScan = { after: null as RawPosition | null, last: START, events: 0, streams: new Set<string>() };
  private headQueue: Promise<unknown> = Promise.resolve();

  static open(options: EsdbEventStoreOptions): EsdbEventStore {
    return new EsdbEventStore(options);
  }

  /** From `LEDGER_STORE`, e.g. `esdb://node1:2113?tls=false&maxAppendSize=4194304`. */
  static fromUrl(url: string, extra: Omit<EsdbEventStoreOptions, 'connectionString'> = {}): EsdbEventStore {
    const { connectionString, maxAppendSize } = parseStoreUrl(url);
    return new EsdbEventStore({ ...extra, connectionString, maxAppendSize: extra.maxAppendSize ?? maxAppendSize });
  }

  private constructor(options: EsdbEventStoreOptions) {
    this.client = EventStoreDBClient.connectionString(options.connectionString);
    this.maxAppendSize = options.maxAppendSize ?? DEFAULT_MAX_APPEND_SIZE;
    this.now = options.now ?? systemNow;
    this.retryAttempts = options.retryAttempts ?? 6;
    this.backoffMs = options.backoffMs ?? 50;
    this.maxBackoffMs = options.maxBackoffMs ?? 2000;
    this.namespace = options.namespace ?? '';
  }

  /** Ours: a ledger event of this namespace (not the server's, not an idempotency record). */
  private isOurs(raw: { streamId: string; type: string }): boolean {
    return (
      raw.streamId.startsWith(this.namespace) && isLedgerEvent(raw.streamId.slice(this.namespace.length), raw.type)
    );
  }

  private envelope(raw: RecordedLike): EventEnvelope {
    const envelope = toEnvelope(raw);
    return this.namespace ? { ...envelope, stream: envelope.stream.slice(this.namespace.length) } : envelope;
  }

  async append(
    stream: string,
    events: NewEvent[],
    expected: ExpectedRevision,
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    this.assertOpen();
    validateAppend(stream, events, expected, options);
    if (!isLedgerEvent(stream, 'x')) {
      throw new InvalidAppendError(`stream must not start with "$" or "${IDEMPOTENCY_STREAM_PREFIX}"`);
    }
    const key = options.idempotencyKey;
    const fingerprint = key ? (options.fingerprint ?? fingerprintOf(stream, events)) : '';
    if (key) {
      const seen = await this.findIdempotency(key);
      if (seen) return this.replay(seen, fingerprint);
    }
    const recordedAt = this.now().toISOString();
    const proposed = events.map((event, i) => ({
      // With a key, ids derive from it: a retry after a crash is recognised by the server.
      id: event.eventId ?? (key ? derivedEventId('event', key, fingerprint, String(i)) : newEventId()),
      type: event.type,
      data: event.data as never,
      metadata: envelopeMetadata(event, recordedAt) as never,
    }));
    const bytes = appendSize(proposed);
    if (bytes > this.maxAppendSize) throw new AppendTooLargeError(stream, bytes, this.maxAppendSize);
    const written = await this.write(this.namespace + stream, proposed, expected);
    if (!key) return { ...written, replayed: false };
    return this.recordKey(key, fingerprint, written);
  }

  /** Appends events as they were recorded elsewhere (same ids, recordedAt): the migration's writer. */
  async appendRecorded(stream: string, events: EventEnvelope[], expected: ExpectedRevision): Promise<AppendResult> {
    this.assertOpen();
    const proposed = events.map((event) => ({
      id: event.eventId,
      type: event.type,
      data: event.data as never,
      metadata: envelopeMetadata(event, event.recordedAt) as never,
    }));
    const bytes = appendSize(proposed);
    if (bytes > this.maxAppendSize) throw new AppendTooLargeError(stream, bytes, this.maxAppendSize);
    return { ...(await this.write(this.namespace + stream, proposed, expected)), replayed: false };
  }

  /** Writes an idempotency record as it was kept elsewhere (the migration's writer). */
  async recordIdempotency(record: IdempotencyRecord): Promise<void> {
    this.assertOpen();
    await this.recordKey(record.key, record.fingerprint, {
      stream: record.stream,
      revision: record.revision,
      position: record.position,
    });
  }

  private async write(
    stream: string,
    proposed: { id: string; type: string; data: never; metadata: never }[],
    expected: ExpectedRevision,
  ): Promise<Omit<AppendResult, 'replayed'>> {
    const expectedRevision: AppendExpectedRevision =
      expected === 'any' ? ANY : expected === 'no_stream' ? NO_STREAM : BigInt(expected);
    try {
      const result = await this.retrying(() =>
        this.client.appendToStream(stream, proposed.map(jsonEvent), { expectedRevision }),
      );
      const position = result.position?.commit;
      if (position === undefined) throw new Error(`the server did not return the position of the append to ${stream}`);
      this.seen.add(position);
      return { stream: stream.slice(this.namespace.length), revision: Number(result.nextExpectedRevision), position };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        const actual = error.actualVersion;
        throw new WrongExpectedRevisionError(
          stream.slice(this.namespace.length),
          expected,
          typeof actual === 'bigint' ? Number(actual) : 'no_stream',
        );
      }
      if (error instanceof MaxAppendSizeExceededError) {
        throw new AppendTooLargeError(stream.slice(this.namespace.length), appendSize(proposed), error.maxAppendSize);
      }
      throw error;
    }
  }

  /** Second append of a keyed write: the record, in a stream only it may create. */
  private async recordKey(
    key: string,
    fingerprint: string,
    written: Omit<AppendResult, 'replayed'>,
  ): Promise<AppendResult> {
    const data: IdempotencyData = {
      key,
      stream: written.stream,
      fingerprint,
      revision: written.revision,
      position: written.position.toString(),
    };
    const record = {
      id: derivedEventId('record', key, fingerprint),
      type: IDEMPOTENCY_EVENT_TYPE,
      data: data as never,
      metadata: {} as never,
    };
    try {
      await this.retrying(() =>
        this.client.appendToStream(this.namespace + idempotencyStream(key), [jsonEvent(record)], {
          expectedRevision: NO_STREAM,
        }),
      );
      return { ...written, replayed: false };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      // Another writer recorded the key first: its result is the answer.
      const seen = await this.findIdempotency(key);
      if (!seen) throw error;
      return this.replay(seen, fingerprint);
    }
  }

  private replay(seen: IdempotencyRecord, fingerprint: string): AppendResult {
    if (seen.fingerprint !== fingerprint) throw new IdempotencyConflictError(seen.key);
    return { stream: seen.stream, revision: seen.revision, position: seen.position, replayed: true };
  }

  async findIdempotency(key: string): Promise<IdempotencyRecord | null> {
    this.assertOpen();
    const [event] = await this.readRawStream(this.namespace + idempotencyStream(key), 0n, 1);
    const data = event?.data as IdempotencyData | undefined;
    if (!data || data.key !== key) return null;
    return {
      key,
      stream: data.stream,
      fingerprint: data.fingerprint,
      revision: data.revision,
      position: BigInt(data.position),
    };
  }

  async readStream(stream: string, fromRevision = 0): Promise<EventEnvelope[]> {
    this.assertOpen();
    return (await this.readRawStream(this.namespace + stream, BigInt(fromRevision))).map((raw) => this.envelope(raw));
  }

  private async readRawStream(stream: string, fromRevision: bigint, maxCount?: number): Promise<RecordedLike[]> {
    try {
      return await this.retrying(async () => {
        const out: RecordedLike[] = [];
        const read = this.client.readStream(stream, { fromRevision, direction: FORWARDS, maxCount });
        for await (const resolved of read) if (resolved.event) out.push(resolved.event as RecordedLike);
        return out;
      });
    } catch (error) {
      // The server answers a stream that was never written with "not found": an empty history.
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }

  async readAll(fromPosition: Position, limit: number): Promise<EventEnvelope[]> {
    this.assertOpen();
    if (!Number.isInteger(limit) || limit < 1)
      throw new InvalidAppendError(`limit must be a positive integer, got ${limit}`);
    const out: EventEnvelope[] = [];
    for await (const raw of this.scanAll(fromPosition, Math.min(Math.max(limit + 8, 64), 4096))) {
      if (!this.isOurs(raw)) continue;
      out.push(this.envelope(raw));
      if (out.length === limit) break;
    }
    return out;
  }

  /**
   * Every raw event of `$all` at or after `from`, page by page to the end of the log.
   * `readAll` includes its start; a position handed out plus one (the usual "next") is
   * read from the event itself and that event dropped, because the server reads only
   * from an event's own position.
   */
  private async *scanAll(from: Position, pageSize: number, progress?: ScanProgress): AsyncGenerator<RecordedLike> {
    let cursor: RawPosition | null = null;
    if (from > START) {
      const exact = this.seen.has(from) || !this.seen.has(from - 1n);
      cursor = exact ? { commit: from, prepare: from } : { commit: from - 1n, prepare: from - 1n };
    }
    for (let first = true; ; first = false) {
      let page: RecordedLike[];
      try {
        page = await this.readRawAll(cursor, pageSize);
      } catch (error) {
        // No event starts at `from`: it is the usual "just after P"; read from P.
        if (!first || !cursor || cursor.commit !== from || this.isTransient(error)) throw error;
        cursor = { commit: from - 1n, prepare: from - 1n };
        page = await this.readRawAll(cursor, pageSize);
      }
      for (const raw of page) {
        const position = positionOf(raw);
        this.remember(position);
        if (progress && raw.position) progress.last = raw.position;
        if (position >= from) yield raw;
      }
      const last = page[page.length - 1]?.position;
      if (page.length < pageSize || !last) return;
      // The next page starts at the last event read, which the server includes again: skip it.
      cursor = { commit: last.commit, prepare: last.prepare };
      from = last.commit + 1n;
    }
  }

  private async readRawAll(cursor: RawPosition | null, maxCount: number): Promise<RecordedLike[]> {
    return this.retrying(async () => {
      const out: RecordedLike[] = [];
      const fromPosition: EsdbPosition | typeof ESDB_START = cursor ?? ESDB_START;
      for await (const resolved of this.client.readAll({ fromPosition, maxCount, direction: FORWARDS })) {
        if (resolved.event) out.push(resolved.event as RecordedLike);
      }
      return out;
    });
  }

  private remember(position: bigint): void {
    if (this.seen.size > 100_000) this.seen.clear();
    this.seen.add(position);
  }

  /**
   * Catch up with paged reads, then `subscribeToAll` from the last position read (it
   * starts after it): no gap, no duplicate. A dropped subscription is not resumed by
   * the client, so we resubscribe from the last position seen, with back-off.
   */
  subscribe(fromPosition: Position, options: SubscribeOptions = {}): AsyncIterable<EventEnvelope> {
    this.assertOpen();
    return this.follow(fromPosition, options.batchSize ?? 500, options.signal);
  }

  private async *follow(from: Position, batchSize: number, signal?: AbortSignal): AsyncGenerator<EventEnvelope> {
    const stop = AbortSignal.any([this.closing.signal, ...(signal ? [signal] : [])]);
    const progress: ScanProgress = { last: null };
    let failures = 0;
    while (!stop.aborted) {
      try {
        // Catch-up: pull-based pages, nothing read ahead of the consumer.
        const resumeAt = progress.last ? progress.last.commit + 1n : from;
        for await (const raw of this.scanAll(resumeAt > from ? resumeAt : from, batchSize, progress)) {
          if (stop.aborted) return;
          if (this.isOurs(raw)) yield this.envelope(raw);
          failures = 0;
        }
        if (stop.aborted) return;
        // Live: the server starts after `last`; from the start when nothing was there yet.
        // When `from` is beyond everything read, the events before it are skipped below.
        const subscription = this.client.subscribeToAll({ fromPosition: progress.last ?? ESDB_START });
        const onStop = () => {
          void subscription.unsubscribe().catch(() => undefined);
          subscription.destroy();
        };
        stop.addEventListener('abort', onStop, { once: true });
        try {
          for await (const resolved of subscription) {
            const raw = resolved.event as RecordedLike | undefined;
            if (!raw?.position) continue;
            if (progress.last && raw.position.commit <= progress.last.commit) continue;
            progress.last = raw.position;
            this.remember(raw.position.commit);
            failures = 0;
            if (raw.position.commit < from || !this.isOurs(raw)) continue;
            if (stop.aborted) return;
            yield this.envelope(raw);
          }
        } finally {
          stop.removeEventListener('abort', onStop);
          if (!subscription.destroyed) onStop();
        }
        // A subscription never ends by itself: the server dropped it; resubscribe.
      } catch (error) {
        if (stop.aborted) return;
        if (!this.isTransient(error) && !isDropped(error)) throw error;
      }
      failures += 1;
      await delay(Math.min(this.backoffMs * 2 ** Math.min(failures - 1, 10), this.maxBackoffMs), stop);
    }
  }

  async head(): Promise<LedgerHead> {
    this.assertOpen();
    // One scan at a time; each continues from where the last one stopped.
    const scan = this.headQueue.then(() => this.scanHead());
    this.headQueue = scan.catch(() => undefined);
    return scan;
  }

  private async scanHead(): Promise<LedgerHead> {
    const h = this.headScan;
    const progress: ScanProgress = { last: h.after };
    for await (const raw of this.scanAll(h.after ? h.after.commit + 1n : START, 1000, progress)) {
      h.after = progress.last;
      if (!this.isOurs(raw)) continue;
      h.events += 1;
      h.streams.add(raw.streamId);
      h.last = positionOf(raw);
    }
    return { position: h.last, events: h.events, streams: h.streams.size };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.closing.abort();
    await this.client.dispose();
  }

  private async retrying<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        if (!this.isTransient(error) || attempt >= this.retryAttempts || this.closed) throw error;
        await delay(Math.min(this.backoffMs * 2 ** (attempt - 1), this.maxBackoffMs), this.closing.signal);
      }
    }
  }

  /** Answers after which the client reconnects (to the leader it was told about) on the next call. */
  private isTransient(error: unknown): boolean {
    return error instanceof UnavailableError || error instanceof NotLeaderError || error instanceof CancelledError;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the ledger is closed');
  }
}

function isDropped(error: unknown): boolean {
  return (error as { code?: string })?.code === 'ERR_STREAM_PREMATURE_CLOSE';
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
