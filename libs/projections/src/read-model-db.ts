import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Projection } from '@app/ledger';
import { removeReadModelFile } from './read-model-files';

export interface OpenedReadModels {
  db: Database.Database;
  /** True when the file was (re)created empty and must be built from the start of the log. */
  fresh: boolean;
}

function signatureOf(projections: Projection[]): string {
  return projections.map((p) => `${p.name}@${p.version}`).join(',');
}

/**
 * The read models' own SQLite file. `runner_state` holds the checkpoint (position and
 * audit index of the next event) committed with the rows it produced. Read models are
 * derived data: a file built by another version of the projections is deleted and
 * rebuilt from the log rather than migrated.
 */
export function openReadModelDb(file: string, projections: Projection[]): OpenedReadModels {
  mkdirSync(dirname(file), { recursive: true });
  const signature = signatureOf(projections);
  let db = new Database(file);
  const state = readState(db);
  if (state && state.schema_signature !== signature) {
    db.close();
    // The path may be a link to a rebuilt generation: delete what it points to as well.
    removeReadModelFile(file);
    db = new Database(file);
  }
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  // The checkpoint commits with the rows, so a lost tail after power loss is re-applied
  // from the log: FULL durability buys nothing here.
  db.pragma('synchronous = NORMAL');
  const fresh = !readState(db);
  if (fresh) {
    db.exec(`CREATE TABLE IF NOT EXISTS runner_state (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      position TEXT NOT NULL,
      next_index INTEGER NOT NULL,
      schema_signature TEXT NOT NULL
    )`);
    for (const projection of projections) db.exec(projection.schema);
    db.prepare("INSERT INTO runner_state (id, position, next_index, schema_signature) VALUES (1, '0', 0, ?)").run(
      signature,
    );
  }
  return { db, fresh };
}

function readState(db: Database.Database): { schema_signature: string } | undefined {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'runner_state'").get();
  if (!table) return undefined;
  return db.prepare<[], { schema_signature: string }>('SELECT schema_signature FROM runner_state WHERE id = 1').get();
}
