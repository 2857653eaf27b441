import type { DomainEvent } from '@app/domain';
import { Actor, EventStore, NewEvent } from '@app/ledger';
import { Random } from './random';

/** A UUIDv7 (RFC 9562 layout) whose time is `atMs` and whose other bits come from `ids`. */
function uuidV7(ids: Random, atMs: number): string {
  const bytes = Buffer.alloc(16);
  bytes.writeUIntBE(atMs, 0, 6);
  for (let i = 6; i < 16; i++) bytes[i] = ids.uint32() & 0xff;
  bytes[6] = 0x70 | (bytes[6] & 0x0f);
  bytes[8] = 0x80 | (bytes[8] & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Where the ids of one group of writes come from: event ids and a correlation id per command. */
interface IdSource {
  readonly ids: Random;
  readonly prefix: string;
  commands: number;
}

/**
 * How the demo appends: what LedgerWriter does for a request (the actor, one correlation
 * id per command, the stream's last event as the cause, the expected revision), with the
 * stream revisions kept in memory because the demo is the ledger's only writer.
 * Event ids are UUIDv7-shaped from the fact's time and the seed, so the same seed gives
 * the same ids.
 */
export class DemoLedger {
  private readonly streams = new Map<string, { revision: number; lastEventId: string }>();
  private readonly main: IdSource;
  events = 0;
  readonly byType = new Map<string, number>();

  constructor(
    private readonly store: EventStore,
    private readonly seed: number,
  ) {
    this.main = { ids: new Random(seed, 0x1d5), prefix: `demo-${seed}`, commands: 0 };
  }

  eventId(atMs: number): string {
    return uuidV7(this.main.ids, atMs);
  }

  /** Appends the events one command decided, as `actor`; `firstEventId` when the id was needed before deciding (sealing). */
  write(stream: string, actor: Actor, events: readonly DomainEvent[], firstEventId?: string): Promise<void> {
    return this.append(this.main, stream, actor, events, firstEventId);
  }

  /**
   * A writer with its own ids: facts added to the demo later (a new section) take their
   * event and correlation ids from it, so every fact of the older sections keeps its ids.
   */
  lane(name: string, stream: number): Pick<DemoLedger, 'write'> {
    const source: IdSource = { ids: new Random(this.seed, stream), prefix: `demo-${this.seed}-${name}`, commands: 0 };
    return { write: (s, actor, events) => this.append(source, s, actor, events) };
  }

  private async append(
    source: IdSource,
    stream: string,
    actor: Actor,
    events: readonly DomainEvent[],
    firstEventId?: string,
  ): Promise<void> {
    const known = this.streams.get(stream);
    source.commands += 1;
    const correlationId = `${source.prefix}-${source.commands}`;
    const newEvents: NewEvent[] = events.map((event, i) => ({
      eventId: i === 0 && firstEventId ? firstEventId : uuidV7(source.ids, Date.parse(event.occurredAt)),
      type: event.type,
      version: event.version,
      occurredAt: event.occurredAt,
      data: event.data,
      actor: { id: actor.id, role: actor.role },
      correlationId,
      causationId: known?.lastEventId ?? null,
    }));
    const result = await this.store.append(stream, newEvents, known ? known.revision : 'no_stream');
    this.streams.set(stream, { revision: result.revision, lastEventId: newEvents[newEvents.length - 1].eventId! });
    this.events += newEvents.length;
    for (const event of newEvents) this.byType.set(event.type, (this.byType.get(event.type) ?? 0) + 1);
  }
}
