import type { IEvent } from '@nestjs/cqrs';
import type { EventEnvelope, Position } from '@app/ledger';

/**
 * The post-commit notice published on the EventBus once the read models have applied an
 * event: a read made after it sees the event. Never the source of truth (the log is), never
 * awaited by a write, and without the event's data: position, stream, type and when it was
 * recorded, so no personal data travels on the bus.
 */
export class LedgerEventApplied implements IEvent {
  constructor(
    readonly position: Position,
    readonly stream: string,
    readonly type: string,
    readonly recordedAt: string,
  ) {}

  static of(event: Pick<EventEnvelope, 'position' | 'stream' | 'type' | 'recordedAt'>): LedgerEventApplied {
    return new LedgerEventApplied(event.position, event.stream, event.type, event.recordedAt);
  }
}
