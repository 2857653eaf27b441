import type Database from 'better-sqlite3';
import { EventEnvelope, type Projection } from '@app/ledger';
import { prepared } from '../prepared';

export interface PrincipalRow {
  id: string;
  name: string;
  role: string;
  units: string[];
}

interface PrincipalRegistered {
  principalId: string;
  name: string;
  role: string;
  units: string[];
  tokenHash: string;
}

/** Who may call the API: looked up by the hash of a bearer token, never by the token. */
export const principalsProjection: Projection = {
  name: 'principals',
  version: 1,
  schema: `CREATE TABLE IF NOT EXISTS principals (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, units TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE
  ) WITHOUT ROWID;`,
  apply(event: EventEnvelope, { db }) {
    if (event.type !== 'PrincipalRegistered') return;
    const d = event.data as PrincipalRegistered;
    prepared(db, 'INSERT OR REPLACE INTO principals (id, name, role, units, token_hash) VALUES (?, ?, ?, ?, ?)').run(
      d.principalId,
      d.name,
      d.role,
      JSON.stringify(d.units ?? []),
      d.tokenHash,
    );
  },
};

export function principalByTokenHash(db: Database.Database, tokenHash: string): PrincipalRow | null {
  const row = db
    .prepare<[string], { id: string; name: string; role: string; units: string }>(
      'SELECT id, name, role, units FROM principals WHERE token_hash = ?',
    )
    .get(tokenHash);
  return row ? { ...row, units: JSON.parse(row.units) as string[] } : null;
}
