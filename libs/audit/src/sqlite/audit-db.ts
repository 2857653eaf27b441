/**
 * The audit store's own SQLite file (`audit.sqlite` in the data directory).
 *
 * It holds two kinds of data with different lives:
 * - the Merkle tree (nodes, size, a sparse index -> position map) and the
 *   runner's checkpoint: derived from the log, rebuildable at any time;
 * - the signed checkpoints and the key they were signed with: history that
 *   cannot be derived again (a checkpoint is a promise already made to
 *   auditors), so nothing here ever deletes it, and triggers refuse to
 *   change or remove a row, as the ledger does for events.
 *
 * That is why this file is not opened with openReadModelDb, which deletes a
 * read-model file built by another projection version.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** Name and version the ProjectionRunner's state is recorded under. */
export const AUDIT_TREE_SIGNATURE = 'audit-tree@2';

/** Bumped when the schema changes (2: the tree's nodes in tiles, see tiles.ts). */
export const AUDIT_SCHEMA_VERSION = 2;

/** One index -> position row per this many leaves (see AuditStore.locate). */
export const POSITION_STRIDE = 256;

/** Tables of the tree: derived data, dropped by resetAuditTree. */
export const AUDIT_TREE_SCHEMA = `
  -- Tiles of 510 hashes (tiles.ts): tile level T holds tree levels 8T..8T+7.
  CREATE TABLE IF NOT EXISTS audit_tree_tiles (
    level  INTEGER NOT NULL,
    idx    INTEGER NOT NULL,
    width  INTEGER NOT NULL,  -- bottom nodes present, 1..256 (the right edge is a partial tile)
    hashes BLOB    NOT NULL,  -- 510 x 32 bytes; absent nodes are zero bytes
    PRIMARY KEY (level, idx)
  );
  CREATE TABLE IF NOT EXISTS audit_tree_size (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    size INTEGER NOT NULL
  );
  -- Every POSITION_STRIDE-th leaf's ledger position: finds the event at an index
  -- without a row per event.
  CREATE TABLE IF NOT EXISTS audit_positions (
    idx      INTEGER PRIMARY KEY,
    position TEXT    NOT NULL
  );
`;

const HISTORY_SCHEMA = `
  CREATE TABLE IF NOT EXISTS runner_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    position TEXT NOT NULL,
    next_index INTEGER NOT NULL,
    schema_signature TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS checkpoints (
    size      INTEGER PRIMARY KEY,
    position  TEXT NOT NULL,
    root      TEXT NOT NULL,  -- lowercase hex
    signed_at TEXT NOT NULL,  -- ISO-8601, UTC
    note      TEXT NOT NULL   -- the C2SP signed note
  );
  CREATE TRIGGER IF NOT EXISTS checkpoints_are_immutable_update BEFORE UPDATE ON checkpoints
    BEGIN SELECT RAISE(ABORT, 'signed checkpoints are immutable'); END;
  CREATE TRIGGER IF NOT EXISTS checkpoints_are_immutable_delete BEFORE DELETE ON checkpoints
    BEGIN SELECT RAISE(ABORT, 'signed checkpoints are immutable'); END;
  CREATE TABLE IF NOT EXISTS audit_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) WITHOUT ROWID;
`;

export interface OpenAuditDbOptions {
  /** Open an existing file for reading only (CLI verify, prove, export). */
  readonly?: boolean;
}

export class AuditStoreMissingError extends Error {
  constructor(file: string) {
    super(`no audit store at ${file} (start the server once to build it)`);
    this.name = 'AuditStoreMissingError';
  }
}

export function openAuditDb(file: string, options: OpenAuditDbOptions = {}): Database.Database {
  if (options.readonly) {
    let db: Database.Database;
    try {
      db = new Database(file, { readonly: true, fileMustExist: true });
    } catch {
      throw new AuditStoreMissingError(file);
    }
    db.pragma('busy_timeout = 5000');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== AUDIT_SCHEMA_VERSION) {
      db.close();
      throw new Error(`${file} has audit schema version ${version}, this build reads ${AUDIT_SCHEMA_VERSION}`);
    }
    return db;
  }
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  // Signed checkpoints are history, not derived data: a commit that returned is on disk.
  db.pragma('synchronous = FULL');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > AUDIT_SCHEMA_VERSION) {
    db.close();
    throw new Error(`${file} has audit schema version ${version}, newer than this build (${AUDIT_SCHEMA_VERSION})`);
  }
  db.transaction(() => {
    db.exec(HISTORY_SCHEMA);
    db.exec(AUDIT_TREE_SCHEMA);
    db.prepare(
      "INSERT OR IGNORE INTO runner_state (id, position, next_index, schema_signature) VALUES (1, '0', 0, ?)",
    ).run(AUDIT_TREE_SIGNATURE);
    const state = db
      .prepare<[], { schema_signature: string }>('SELECT schema_signature FROM runner_state WHERE id = 1')
      .get()!;
    // A tree built by another tree version is rebuilt from the log; the checkpoints stay.
    if (state.schema_signature !== AUDIT_TREE_SIGNATURE) resetTree(db);
    db.pragma(`user_version = ${AUDIT_SCHEMA_VERSION}`);
  })();
  return db;
}

/**
 * Drops the tree so that the runner rebuilds it from the start of the log.
 * The signed checkpoints stay: the next one signed after the rebuild must be
 * consistent with them, so a rebuild over an altered log cannot be signed.
 */
export function resetAuditTree(db: Database.Database): void {
  db.transaction(() => resetTree(db))();
}

function resetTree(db: Database.Database): void {
  db.exec(
    // audit_tree_nodes: the one-row-per-node table of schema version 1.
    'DROP TABLE IF EXISTS audit_tree_nodes; DROP TABLE IF EXISTS audit_tree_tiles; DROP TABLE IF EXISTS audit_tree_size; DROP TABLE IF EXISTS audit_positions;',
  );
  db.exec(AUDIT_TREE_SCHEMA);
  db.prepare("UPDATE runner_state SET position = '0', next_index = 0, schema_signature = ? WHERE id = 1").run(
    AUDIT_TREE_SIGNATURE,
  );
}
