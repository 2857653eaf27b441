import { EventEnvelope, NewEvent, Position } from './event-envelope';

/**
 * What a writer expects of the stream: its last revision, that it does not exist yet,
 * or nothing at all.
 */
export type ExpectedRevision = number | 'no_stream' | 'any';

export interface AppendOptions {
  /** A key seen before with the same events returns the first result and appends nothing. */
  idempotencyKey?: string;
  /**
   * What "the same events" means for this key. Defaults to a hash of the events'
   * stream, types, versions and data; callers whose events are not reproducible
   * (fresh ciphertext, server clock) pass a hash of the request instead.
   */
  fingerprint?: string;
}

export interface AppendResult {
  stream: string;
  /** The stream's revision after the write. */
  revision: number;
  /** The global position of the last event written. */
  position: Position;
  /** True when an idempotency key answered with an earlier result and nothing was appended. */
  replayed: boolean;
}

export interface IdempotencyRecord {
  key: string;
  stream: string;
  fingerprint: string;
  revision: number;
  position: Position;
}

export interface LedgerHead {
  /** Position of the last event, or START when the ledger is empty. */
  position: Position;
  events: number;
  streams: number;
}

export interface SubscribeOptions {
  /** Events fetched per read while catching up. */
  batchSize?: number;
  signal?: AbortSignal;
}

/** The one port every event-store adapter implements (see the contract suite in ./testing). */
export interface EventStore {
  append(
    stream: string,
    events: NewEvent[],
    expected: ExpectedRevision,
    options?: AppendOptions,
  ): Promise<AppendResult>;
  /** Events of one stream in revision order, from `fromRevision` (inclusive). */
  readStream(stream: string, fromRevision?: number): Promise<EventEnvelope[]>;
  /** Up to `limit` events in global order with position >= `fromPosition`. */
  readAll(fromPosition: Position, limit: number): Promise<EventEnvelope[]>;
  /**
   * Every event from `fromPosition` (inclusive), catching up then following live.
   * Pull-based: nothing is read ahead of the consumer, which is the back-pressure.
   * Ends when the signal aborts or `close()` is called.
   */
  subscribe(fromPosition: Position, options?: SubscribeOptions): AsyncIterable<EventEnvelope>;
  head(): Promise<LedgerHead>;
  findIdempotency(key: string): Promise<IdempotencyRecord | null>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
