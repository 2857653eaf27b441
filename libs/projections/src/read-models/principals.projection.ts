import type Database from 'better-sqlite3';
import { EventEnvelope, type Projection } from '@app/ledger';
import { prepared } from '../prepared';

export interface PrincipalRow {
  id: string;
  name: string;
  role: string;
  units: string[];
}

/** A principal as `GET /principals` lists it (without "last used", which is kept outside the ledger). */
export interface PrincipalListing extends PrincipalRow {
  created: { at: string; by: string };
  expiresAt: string | null;
  tokenIssuedAt: string;
  revoked: { at: string; by: string; reason: string } | null;
}

interface PrincipalData {
  principalId: string;
  name: string;
  role: string;
  units: string[];
  tokenHash: string;
  expiresAt?: string | null;
  reason: string;
}

/**
 * Who may call the API: looked up by the hash of a bearer token, never by the token.
 * The guard only finds the principal here; whether the token still admits it (replaced,
 * revoked, expired) it decides from the principal's own stream, which no read model lags.
 */
export const principalsProjection: Projection = {
  name: 'principals',
  version: 2,
  schema: `CREATE TABLE IF NOT EXISTS principals (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, units TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE,
    expires_at TEXT, created_at TEXT NOT NULL, created_by TEXT NOT NULL, token_issued_at TEXT NOT NULL,
    revoked_at TEXT, revoked_by TEXT, revoked_reason TEXT
  ) WITHOUT ROWID;`,
  apply(event: EventEnvelope, { db }) {
    const d = event.data as PrincipalData;
    switch (event.type) {
      case 'PrincipalRegistered':
        prepared(
          db,
          `INSERT OR REPLACE INTO principals (id, name, role, units, token_hash, expires_at, created_at, created_by, token_issued_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          d.principalId,
          d.name,
          d.role,
          JSON.stringify(d.units ?? []),
          d.tokenHash,
          d.expiresAt ?? null,
          event.occurredAt,
          event.actor.id,
          event.occurredAt,
        );
        return;
      case 'PrincipalTokenReplaced':
        prepared(db, 'UPDATE principals SET token_hash = ?, expires_at = ?, token_issued_at = ? WHERE id = ?').run(
          d.tokenHash,
          d.expiresAt ?? null,
          event.occurredAt,
          d.principalId,
        );
        return;
      case 'PrincipalRevoked':
        prepared(db, 'UPDATE principals SET revoked_at = ?, revoked_by = ?, revoked_reason = ? WHERE id = ?').run(
          event.occurredAt,
          event.actor.id,
          d.reason,
          d.principalId,
        );
        return;
      case 'PrincipalUnitsChanged':
        prepared(db, 'UPDATE principals SET units = ? WHERE id = ?').run(JSON.stringify(d.units), d.principalId);
        return;
    }
  },
};

/** The principal a token hash was last issued to (the guard checks the stream for whether it still admits). */
export function principalByTokenHash(db: Database.Database, tokenHash: string): PrincipalRow | null {
  // Every request's guard asks this: prepared once per connection, not per request.
  const row = prepared<[string], { id: string; name: string; role: string; units: string }>(
    db,
    'SELECT id, name, role, units FROM principals WHERE token_hash = ?',
  ).get(tokenHash);
  return row ? { ...row, units: JSON.parse(row.units) as string[] } : null;
}

interface ListingRow {
  id: string;
  name: string;
  role: string;
  units: string;
  expires_at: string | null;
  created_at: string;
  created_by: string;
  token_issued_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
  revoked_reason: string | null;
}

/** Every principal, oldest first; never a token hash. */
export function listPrincipals(db: Database.Database): PrincipalListing[] {
  return db
    .prepare<[], ListingRow>(
      `SELECT id, name, role, units, expires_at, created_at, created_by, token_issued_at, revoked_at, revoked_by,
              revoked_reason FROM principals ORDER BY created_at, id`,
    )
    .all()
    .map((r) => ({
      id: r.id,
      name: r.name,
      role: r.role,
      units: JSON.parse(r.units) as string[],
      created: { at: r.created_at, by: r.created_by },
      expiresAt: r.expires_at,
      tokenIssuedAt: r.token_issued_at,
      revoked:
        r.revoked_at === null ? null : { at: r.revoked_at, by: r.revoked_by ?? '', reason: r.revoked_reason ?? '' },
    }));
}
