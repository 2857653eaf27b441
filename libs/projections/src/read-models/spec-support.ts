// Test-only helpers for read-model specs: envelopes around domain events, an
// in-memory read-model database, and table contents in a stable order.
import type Database from 'better-sqlite3';
import type { DomainEvent } from '@app/domain';
import type { EventEnvelope, Projection } from '@app/ledger';
import { modelDb, on, stored } from '../testing/projection-spec';

/** Wraps `[stream, event]` pairs as the ledger would (see `stored`), all recorded at one instant by one registrar. */
export function envelopes(events: readonly (readonly [string, DomainEvent])[], first = 1): EventEnvelope[] {
  return stored(events, first, { id: 'p-1', role: 'registrar' }).map((e) => ({
    ...e,
    recordedAt: '2023-01-01T00:00:00.000Z',
  }));
}

/** `[stream, event]` for every event of one stream. */
export const onStream = on;

export const readModelDb = modelDb;

/** Applies events in one transaction, as the runner does with a batch. */
export function applyAll(
  db: Database.Database,
  projections: readonly Projection[],
  events: readonly EventEnvelope[],
): void {
  db.transaction(() => {
    events.forEach((event, index) => projections.forEach((p) => p.apply(event, { db, index })));
  })();
}

/** Every row of a table as objects, ordered by every column. */
export function rowsOf(db: Database.Database, table: string): Record<string, unknown>[] {
  const columns = db.prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)').all(table);
  const order = columns.map((_, i) => i + 1).join(', ');
  return db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all() as Record<string, unknown>[];
}

/** Every fact table (and state table) of a database, for "applied twice changes nothing". */
export function allRows(db: Database.Database): Record<string, Record<string, unknown>[]> {
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all()
    .map((t) => t.name);
  return Object.fromEntries(tables.map((t) => [t, rowsOf(db, t)]));
}
