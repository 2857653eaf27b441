import type Database from 'better-sqlite3';

/** Bumped when the schema changes; `migrate` brings an older file up to date. */
export const LEDGER_SCHEMA_VERSION = 1;

export function migrateLedger(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version >= LEDGER_SCHEMA_VERSION) return;
  db.exec(`
    -- One row per event. The envelope fields that the store indexes are columns; the
    -- rest (version, clocks, actor, causation, correlation, data, metadata) is the
    -- event's canonical JSON body, parsed once on read.
    CREATE TABLE IF NOT EXISTS events (
      position INTEGER PRIMARY KEY, -- never reused: deletes are refused below
      event_id TEXT    NOT NULL UNIQUE,
      stream   TEXT    NOT NULL,
      revision INTEGER NOT NULL,
      type     TEXT    NOT NULL,
      body     TEXT    NOT NULL,
      UNIQUE (stream, revision)
    );
    CREATE TABLE IF NOT EXISTS streams (
      stream   TEXT PRIMARY KEY,
      revision INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS idempotency (
      key         TEXT PRIMARY KEY,
      stream      TEXT    NOT NULL,
      fingerprint TEXT    NOT NULL,
      revision    INTEGER NOT NULL,
      position    INTEGER NOT NULL
    ) WITHOUT ROWID;
    -- The log is append-only: the database itself refuses to change or remove an event.
    CREATE TRIGGER IF NOT EXISTS events_are_immutable_update BEFORE UPDATE ON events
      BEGIN SELECT RAISE(ABORT, 'events are immutable'); END;
    CREATE TRIGGER IF NOT EXISTS events_are_immutable_delete BEFORE DELETE ON events
      BEGIN SELECT RAISE(ABORT, 'events are immutable'); END;
  `);
  db.pragma(`user_version = ${LEDGER_SCHEMA_VERSION}`);
}
