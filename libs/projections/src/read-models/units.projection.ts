import type Database from 'better-sqlite3';
import { EventEnvelope, type Projection } from '@app/ledger';
import { prepared } from '../prepared';

export interface UnitRow {
  code: string;
  name: string;
  kind: string;
  parent: string | null;
}

export const unitsProjection: Projection = {
  name: 'units',
  version: 1,
  schema: `CREATE TABLE IF NOT EXISTS units (
    code TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, parent TEXT, position TEXT NOT NULL
  ) WITHOUT ROWID;`,
  apply(event: EventEnvelope, { db }) {
    if (event.type !== 'UnitRegistered') return;
    const d = event.data as UnitRow;
    prepared(db, 'INSERT OR REPLACE INTO units (code, name, kind, parent, position) VALUES (?, ?, ?, ?, ?)').run(
      d.code,
      d.name,
      d.kind,
      d.parent ?? null,
      event.position.toString(),
    );
  },
};

export function listUnits(db: Database.Database): UnitRow[] {
  return db.prepare<[], UnitRow>('SELECT code, name, kind, parent FROM units ORDER BY code').all();
}
