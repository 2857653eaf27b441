import type Database from 'better-sqlite3';
import { ClockSettings, deadlines, Deadline, evolveMatter, localDateOf, MatterState, upcastEvent } from '@app/domain';
import { EventEnvelope, type Projection } from '@app/ledger';
import { prepared } from '../prepared';

export interface MatterRow {
  state: MatterState;
  revision: number;
  position: string;
  /** Sealed personal data with the id of the event it was sealed for (the AEAD's associated data). */
  petitioners: { petitionerId: string; eventId: string; sealed: unknown }[];
}

export interface MatterFilter {
  unit?: string;
  units?: readonly string[];
  status?: string;
  overdueOn?: { date: string; overdue: boolean };
  from?: string;
  to?: string;
  subject?: string;
  after?: string;
  limit: number;
}

/**
 * Events that change nothing the statutory clock looks at (transfers, assignments, the
 * reply, reviews): for them the stored `next_due` stands. Any other type, including one
 * added later, recomputes it.
 */
const KEEPS_DEADLINES = new Set([
  'ContactRecorded',
  'HandlingActionRecorded',
  'SatisfactionEvaluated',
  'MatterResolved',
  'OwnerAssigned',
  'CorrectionRecorded',
]);

/**
 * Recently folded states by connection, so a busy matter is not parsed back from JSON
 * at every event. An entry is used only when its revision is the row's: a rolled-back
 * batch, or another runner writing the same file, simply makes it miss.
 */
const recent = new WeakMap<Database.Database, Map<string, { revision: number; state: MatterState }>>();
const RECENT_LIMIT = 4096;

function stateOf(db: Database.Database, id: string, revision: number): MatterState {
  const hit = recent.get(db)?.get(id);
  if (hit && hit.revision === revision) return hit.state;
  const row = prepared<[string], { state: string }>(db, 'SELECT state FROM matters WHERE id = ?').get(id)!;
  return JSON.parse(row.state) as MatterState;
}

function remember(db: Database.Database, id: string, revision: number, state: MatterState): void {
  let cache = recent.get(db);
  if (!cache) {
    cache = new Map();
    recent.set(db, cache);
  }
  cache.delete(id);
  cache.set(id, { revision, state });
  if (cache.size > RECENT_LIMIT) cache.delete(cache.keys().next().value!);
}

/**
 * The current state of every matter, folded by the domain's own `evolveMatter`, with
 * the columns that `GET /matters` filters on. `next_due` is the earliest last day of a
 * running duty, so "overdue as of D" is `next_due < D` without refolding anything.
 */
export function mattersProjection(settings: ClockSettings): Projection {
  return {
    name: 'matters',
    version: 1,
    schema: `
      CREATE TABLE IF NOT EXISTS matters (
        id TEXT PRIMARY KEY, revision INTEGER NOT NULL, position TEXT NOT NULL, status TEXT NOT NULL,
        category TEXT NOT NULL, subject TEXT, responsible_unit TEXT NOT NULL, assigned_unit TEXT,
        opened_on TEXT NOT NULL, next_due TEXT, state TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS matters_by_unit ON matters (assigned_unit, id);
      CREATE INDEX IF NOT EXISTS matters_by_opened ON matters (opened_on, id);
      CREATE TABLE IF NOT EXISTS matter_petitioners (
        matter_id TEXT NOT NULL, petitioner_id TEXT NOT NULL, ord INTEGER NOT NULL, event_id TEXT NOT NULL, sealed TEXT NOT NULL,
        PRIMARY KEY (matter_id, petitioner_id)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS matter_petitioners_by_petitioner ON matter_petitioners (petitioner_id);`,
    apply(event: EventEnvelope, { db }) {
      if (!event.stream.startsWith('matter-')) return;
      const id = event.stream.slice('matter-'.length);
      const row = prepared<[string], { revision: number; opened_on: string; next_due: string | null }>(
        db,
        'SELECT revision, opened_on, next_due FROM matters WHERE id = ?',
      ).get(id);
      // Folding is not idempotent (a contact applied twice would count twice): an event the
      // row already reflects is skipped, so replaying a stretch of the log changes nothing.
      if (row && row.revision >= event.revision) return;
      const before = row ? stateOf(db, id, row.revision) : null;
      const state = evolveMatter(before, upcastEvent(event));
      if (!state) return;
      // The statutory clock is the costly part; most events (contacts, actions, evaluations,
      // resolutions) cannot move a limit, so their row keeps the days it had.
      const nextDue =
        row && KEEPS_DEADLINES.has(event.type)
          ? row.next_due
          : (deadlines(state, settings)
              .filter((d: Deadline) => d.kind === 'duty' && d.met === undefined)
              .map((d) => d.lastDay)
              .sort()[0] ?? null);
      const openedOn = row ? row.opened_on : localDateOf(state.openedAt, settings.timeZone);
      prepared(
        db,
        `INSERT OR REPLACE INTO matters (id, revision, position, status, category, subject, responsible_unit, assigned_unit,
           opened_on, next_due, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        id,
        event.revision,
        event.position.toString(),
        state.status,
        state.category,
        state.subject,
        state.responsibleUnit,
        state.assignedUnit,
        openedOn,
        nextDue,
        JSON.stringify(state),
      );
      remember(db, id, event.revision, state);
      if (event.type === 'MatterOpened') {
        const data = event.data as { petitioners?: { petitionerId: string; sealed: unknown }[] };
        const insert = prepared(
          db,
          'INSERT OR REPLACE INTO matter_petitioners (matter_id, petitioner_id, ord, event_id, sealed) VALUES (?, ?, ?, ?, ?)',
        );
        (data.petitioners ?? []).forEach((p, ord) =>
          insert.run(id, p.petitionerId, ord, event.eventId, JSON.stringify(p.sealed)),
        );
      }
    },
  };
}

export function findMatter(db: Database.Database, id: string): MatterRow | null {
  const row = db
    .prepare<[string], { state: string; revision: number; position: string }>(
      'SELECT state, revision, position FROM matters WHERE id = ?',
    )
    .get(id);
  if (!row) return null;
  const petitioners = db
    .prepare<[string], { petitioner_id: string; event_id: string; sealed: string }>(
      'SELECT petitioner_id, event_id, sealed FROM matter_petitioners WHERE matter_id = ? ORDER BY ord',
    )
    .all(id)
    .map((p) => ({ petitionerId: p.petitioner_id, eventId: p.event_id, sealed: JSON.parse(p.sealed) }));
  return { state: JSON.parse(row.state), revision: row.revision, position: row.position, petitioners };
}

export function petitionerExists(db: Database.Database, petitionerId: string): boolean {
  return db.prepare('SELECT 1 FROM matter_petitioners WHERE petitioner_id = ?').get(petitionerId) !== undefined;
}

/** Keyset-paged list, ordered by id; `after` is the last id of the previous page. */
export function listMatters(db: Database.Database, filter: MatterFilter): { state: MatterState; revision: number }[] {
  const where: string[] = [];
  const params: unknown[] = [];
  const condition = (clause: string, ...values: unknown[]) => {
    where.push(clause);
    params.push(...values);
  };
  if (filter.unit) condition('assigned_unit = ?', filter.unit);
  if (filter.units)
    condition(`assigned_unit IN (${filter.units.map(() => '?').join(', ') || 'NULL'})`, ...filter.units);
  if (filter.status) condition('status = ?', filter.status);
  if (filter.subject) condition('subject = ?', filter.subject);
  if (filter.from) condition('opened_on >= ?', filter.from);
  if (filter.to) condition('opened_on <= ?', filter.to);
  if (filter.overdueOn) {
    const clause = filter.overdueOn.overdue
      ? '(next_due IS NOT NULL AND next_due < ?)'
      : '(next_due IS NULL OR next_due >= ?)';
    condition(clause, filter.overdueOn.date);
  }
  if (filter.after) condition('id > ?', filter.after);
  const sql = `SELECT state, revision FROM matters ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id LIMIT ?`;
  return db
    .prepare<unknown[], { state: string; revision: number }>(sql)
    .all(...params, filter.limit)
    .map((r) => ({ state: JSON.parse(r.state), revision: r.revision }));
}
