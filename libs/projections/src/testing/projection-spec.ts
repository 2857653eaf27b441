// Test-only: envelopes around domain events as the ledger would store them, and a
// read-model database to apply them to, for given/then specs of projections.
import Database from 'better-sqlite3';
import type { DomainEvent } from '@app/domain';
import type { Actor, EventEnvelope, Projection } from '@app/ledger';

/** `[stream, event]` pairs as stored: positions from `first`, revisions counted per stream, ids e-<position>. */
export function stored(
  events: readonly (readonly [string, DomainEvent])[],
  first = 1,
  actor: Actor = { id: 'registrar-1', role: 'registrar' },
): EventEnvelope[] {
  const revisions = new Map<string, number>();
  return events.map(([stream, event], i) => {
    const revision = revisions.get(stream) ?? 0;
    revisions.set(stream, revision + 1);
    return {
      eventId: `e-${first + i}`,
      type: event.type,
      version: event.version,
      stream,
      revision,
      position: BigInt(first + i),
      occurredAt: event.occurredAt,
      recordedAt: `2023-01-01T00:00:${String(i % 60).padStart(2, '0')}.000Z`,
      actor,
      causationId: null,
      correlationId: null,
      data: event.data,
      metadata: {},
    };
  });
}

export const on = (stream: string, events: readonly DomainEvent[]): [string, DomainEvent][] =>
  events.map((e) => [stream, e]);

export function modelDb(projections: readonly Projection[]): Database.Database {
  const db = new Database(':memory:');
  for (const p of projections) db.exec(p.schema);
  return db;
}

/** Applies events in one transaction, as the runner applies a batch; the audit index is the position − 1. */
export function apply(
  db: Database.Database,
  projections: readonly Projection[],
  events: readonly EventEnvelope[],
): void {
  db.transaction(() => {
    for (const event of events) for (const p of projections) p.apply(event, { db, index: Number(event.position) - 1 });
  })();
}
