import {
  AppendOptions,
  AppendResult,
  EventEnvelope,
  EventStore,
  ExpectedRevision,
  IdempotencyRecord,
  LedgerHead,
  NewEvent,
  Position,
  SubscribeOptions,
} from '@app/ledger';

/**
 * The event store with one change: `readAll` first gives the event loop a
 * turn. The SQLite adapter answers synchronously, so a runner catching up on
 * a million events, or a whole-log verification, would otherwise keep HTTP
 * requests waiting until it is done.
 */
export class TurnTakingEventStore implements EventStore {
  constructor(private readonly inner: EventStore) {}

  async readAll(fromPosition: Position, limit: number): Promise<EventEnvelope[]> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    return this.inner.readAll(fromPosition, limit);
  }

  append(
    stream: string,
    events: NewEvent[],
    expected: ExpectedRevision,
    options?: AppendOptions,
  ): Promise<AppendResult> {
    return this.inner.append(stream, events, expected, options);
  }

  readStream(stream: string, fromRevision?: number): Promise<EventEnvelope[]> {
    return this.inner.readStream(stream, fromRevision);
  }

  subscribe(fromPosition: Position, options?: SubscribeOptions): AsyncIterable<EventEnvelope> {
    return this.inner.subscribe(fromPosition, options);
  }

  head(): Promise<LedgerHead> {
    return this.inner.head();
  }

  findIdempotency(key: string): Promise<IdempotencyRecord | null> {
    return this.inner.findIdempotency(key);
  }

  /** The wrapped store belongs to the ledger module, which closes it. */
  async close(): Promise<void> {}
}
