import type Database from 'better-sqlite3';
import { auditLeafHash } from '@app/audit';
import { canonicalJson, EventEnvelope, type Projection } from '@app/ledger';
import { prepared } from '../prepared';

export interface TimelineEntry {
  index: number;
  position: string;
  stream: string;
  revision: number;
  type: string;
  occurredAt: string;
  recordedAt: string;
  actor: { id: string; role: string };
  data: unknown;
  hash: string;
}

/**
 * Every event of every matter with its audit leaf hash, so an accountability inquiry
 * can check any entry against a signed checkpoint. The row keeps exactly what the leaf
 * commits to (index, stream, revision, type, both clocks, actor and data in canonical
 * JSON), so the hash is taken when an entry is read rather than for every event
 * projected: re-encoding canonical JSON parsed back gives the same bytes. Found by the subject it concerns
 * (a matter id) so non-matter streams that name a matter (campaign cases, meetings) can
 * join the matter's timeline later.
 *
 * Rows are keyed by the audit index, which only grows: each one is appended at the right
 * edge of the table, where keying by (matter, index) scattered them over the whole B-tree
 * (the costliest row of a rebuild). The matter's index is a secondary one, which a rebuild
 * builds once at the end.
 */
export const timelineProjection: Projection = {
  name: 'timeline',
  version: 3,
  schema: `CREATE TABLE IF NOT EXISTS timeline (
    idx INTEGER PRIMARY KEY, matter_id TEXT NOT NULL, position INTEGER NOT NULL, stream TEXT NOT NULL,
    revision INTEGER NOT NULL, type TEXT NOT NULL, occurred_at TEXT NOT NULL, recorded_at TEXT NOT NULL,
    actor TEXT NOT NULL, data TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS timeline_by_matter ON timeline (matter_id, idx);`,
  apply(event: EventEnvelope, { db, index }) {
    if (!event.stream.startsWith('matter-')) return;
    prepared(
      db,
      `INSERT OR REPLACE INTO timeline (idx, matter_id, position, stream, revision, type, occurred_at, recorded_at, actor, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      index,
      event.stream.slice('matter-'.length),
      event.position,
      event.stream,
      event.revision,
      event.type,
      event.occurredAt,
      event.recordedAt,
      canonicalJson(event.actor),
      canonicalJson(event.data),
    );
  },
};

export function timelineOf(db: Database.Database, matterId: string): TimelineEntry[] {
  return db
    .prepare<[string], Record<string, string | number>>(
      `SELECT idx, position, stream, revision, type, occurred_at, recorded_at, actor, data
       FROM timeline WHERE matter_id = ? ORDER BY idx`,
    )
    .all(matterId)
    .map((r) => {
      const entry = {
        index: r.idx as number,
        position: String(r.position),
        stream: r.stream as string,
        revision: r.revision as number,
        type: r.type as string,
        occurredAt: r.occurred_at as string,
        recordedAt: r.recorded_at as string,
        actor: JSON.parse(r.actor as string) as { id: string; role: string },
        data: JSON.parse(r.data as string) as unknown,
      };
      return { ...entry, hash: auditLeafHash(entry, entry.index) };
    });
}
