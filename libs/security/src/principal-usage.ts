import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * When each principal last called the API, kept in a side store of the data directory
 * (`dataFiles(config).principalUsage`), not in the ledger: a request must not append an
 * event. A principal's time is written at most once per `resolutionMs` (a minute by
 * default), so "last used" is exact to that and costs one small write a minute per
 * active principal, not one per request. Each instance keeps its own file; losing it
 * loses only these times (nothing in the ledger or the audit tree depends on them).
 */
export class PrincipalUsage {
  private readonly db: Database.Database;
  private readonly recorded = new Map<string, number>();
  private readonly upsert: Database.Statement<[string, string]>;

  constructor(
    file: string,
    private readonly resolutionMs = 60_000,
  ) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // An hour of usage times is not worth an fsync per write.
    this.db.pragma('synchronous = NORMAL');
    this.db.exec('CREATE TABLE IF NOT EXISTS principal_usage (principal_id TEXT PRIMARY KEY, last_used TEXT NOT NULL)');
    this.upsert = this.db.prepare(
      `INSERT INTO principal_usage (principal_id, last_used) VALUES (?, ?)
       ON CONFLICT (principal_id) DO UPDATE SET last_used = excluded.last_used WHERE excluded.last_used > last_used`,
    );
  }

  /** Notes a call at `at` (ISO instant in UTC); writes only when the last write is older than the resolution. */
  used(principalId: string, at: Date): void {
    const ms = at.getTime();
    const last = this.recorded.get(principalId);
    if (last !== undefined && ms - last < this.resolutionMs) return;
    this.recorded.set(principalId, ms);
    this.upsert.run(principalId, at.toISOString());
  }

  lastUsed(): Map<string, string> {
    const rows = this.db
      .prepare<[], { principal_id: string; last_used: string }>('SELECT principal_id, last_used FROM principal_usage')
      .all();
    return new Map(rows.map((r) => [r.principal_id, r.last_used]));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
