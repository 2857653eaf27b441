import type Database from 'better-sqlite3';
import {
  ClockSettings,
  courseOf,
  Deadline,
  deadlines,
  evolveMatter,
  localDateOf,
  MatterState,
  upcastEvent,
} from '@app/domain';
import { EventEnvelope, type Projection } from '@app/ledger';
import { statementCache } from './fact-scope';
import {
  MATTER_FACT_STATEMENTS,
  MatterFactBatch,
  MATTER_FACTS_SCHEMA,
  recordMatterFacts,
  sameCourse,
  StoredMilestones,
} from './matter-facts.projection';
import { OverviewAggregateBatch, OVERVIEW_AGGREGATES_SCHEMA } from './overview-aggregates';
import { UnitFigureSumsBatch, UNIT_FIGURE_SUMS_SCHEMA } from '../rhythm/unit-figure-sums';

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

/** A matter as the projection keeps it between events: the `matters` row, parsed. */
interface Folded {
  readonly revision: number;
  readonly position: bigint;
  readonly openedOn: string;
  readonly nextDue: string | null;
  readonly state: MatterState;
  readonly milestones: StoredMilestones;
  /** `milestones` serialised; null until the row is written (most events leave them as they were). */
  milestonesJson: string | null;
}

/** A matter's fold and where its row stands. */
interface Entry {
  folded: Folded | null;
  /** Whether the file has a row for the matter (an UPDATE, not an INSERT, writes it). */
  stored: boolean;
  /** Whether `folded` is newer than the row. */
  dirty: boolean;
}

/**
 * Recently folded matters by connection, so a busy matter is not parsed back from JSON
 * at every batch. An entry is used only when its revision is the row's: a rolled-back
 * batch, or another runner writing the same file, simply makes it miss. In a bulk build
 * (a rebuild's new generation, which nothing else writes) the entries are the truth: a
 * matter's row is written when it leaves this cache or when the build finishes, once
 * rather than at every batch that touched it.
 */
const recent = new WeakMap<Database.Database, Map<string, Entry>>();

function recentOf(db: Database.Database): Map<string, Entry> {
  let cache = recent.get(db);
  if (!cache) {
    cache = new Map();
    recent.set(db, cache);
  }
  return cache;
}

const statements = statementCache({
  ...MATTER_FACT_STATEMENTS,
  revision: 'SELECT revision FROM matters WHERE id = ?',
  load: 'SELECT revision, position, opened_on, next_due, state, milestones FROM matters WHERE id = ?',
  insert: `INSERT INTO matters (revision, position, status, category, subject, responsible_unit, assigned_unit,
      opened_on, next_due, state, milestones, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  update: `UPDATE matters SET revision = ?, position = ?, status = ?, category = ?, subject = ?, responsible_unit = ?,
      assigned_unit = ?, opened_on = ?, next_due = ?, state = ?, milestones = ? WHERE id = ?`,
  petitioner:
    'INSERT OR REPLACE INTO matter_petitioners (matter_id, petitioner_id, ord, event_id, sealed) VALUES (?, ?, ?, ?, ?)',
});

type Statements = ReturnType<typeof statements>;

/** The matter as its row stands (or, in a bulk build, as last folded), from the cache when it can be trusted. */
function load(sql: Statements, cache: Map<string, Entry>, id: string, bulk: boolean): Entry {
  const hit = cache.get(id);
  if (hit && bulk) return hit;
  if (hit) {
    const row = sql.revision.get(id) as { revision: number } | undefined;
    if (row && row.revision === hit.folded!.revision) return hit;
  }
  const row = sql.load.get(id) as
    | {
        revision: number;
        position: string;
        opened_on: string;
        next_due: string | null;
        state: string;
        milestones: string;
      }
    | undefined;
  if (!row) return { folded: null, stored: false, dirty: false };
  const folded: Folded = {
    revision: row.revision,
    position: BigInt(row.position),
    openedOn: row.opened_on,
    nextDue: row.next_due,
    state: JSON.parse(row.state) as MatterState,
    milestones: JSON.parse(row.milestones) as StoredMilestones,
    milestonesJson: row.milestones,
  };
  return { folded, stored: true, dirty: false };
}

/** Writes the matter's row as folded. */
function write(sql: Statements, id: string, entry: Entry): void {
  const folded = entry.folded!;
  const { state } = folded;
  folded.milestonesJson ??= JSON.stringify(folded.milestones);
  (entry.stored ? sql.update : sql.insert).run(
    folded.revision,
    folded.position.toString(),
    state.status,
    state.category,
    state.subject,
    state.responsibleUnit,
    state.assignedUnit,
    folded.openedOn,
    folded.nextDue,
    JSON.stringify(state),
    folded.milestonesJson,
    id,
  );
  entry.stored = true;
  entry.dirty = false;
}

/** The earliest last day of a running duty: "overdue as of D" is `next_due < D`. */
function nextDueOf(course: readonly Deadline[]): string | null {
  let earliest: string | null = null;
  for (const d of course)
    if (d.kind === 'duty' && d.met === undefined && (earliest === null || d.lastDay < earliest)) earliest = d.lastDay;
  return earliest;
}

/**
 * The current state of every matter, folded once per event by the domain's own
 * `evolveMatter`, with the columns that `GET /matters` filters on, and the facts of
 * matters the reports filter "as known at" (see matter-facts.projection.ts) and the
 * overview's and the unit figures' daily sums (overview-aggregates.ts, unit-figure-sums.ts), written from that same fold. `next_due` is the earliest last day of a running duty, so
 * "overdue as of D" is `next_due < D` without refolding anything.
 *
 * `matters` is a rowid table, not WITHOUT ROWID like the small tables: its rows carry the
 * whole state, and large rows belong in a table B-tree, out of the key's index.
 *
 * A batch is folded in memory: each matter it touches is read once, its fact rows are
 * written as its events are folded, and its `matters` row once, at the end of the batch
 * (in a bulk build, once it leaves the cache of recent matters).
 */
export function mattersProjection(
  settings: ClockSettings,
  /** How many folded matters a connection keeps (a few thousand cover every matter a city has open). */
  { recentMatters = 4096 }: { recentMatters?: number } = {},
): Projection {
  const applyBatch = (events: readonly EventEnvelope[], db: Database.Database, bulk: boolean): void => {
    const sql = statements(db);
    const cache = recentOf(db);
    const facts = new MatterFactBatch(sql);
    const aggregates = new OverviewAggregateBatch(settings);
    const unitSums = new UnitFigureSumsBatch(settings.timeZone);
    const touched = new Map<string, Entry>();
    for (const event of events) {
      if (!event.stream.startsWith('matter-')) continue;
      const id = event.stream.slice('matter-'.length);
      let entry = touched.get(id);
      if (!entry) {
        entry = load(sql, cache, id, bulk);
        touched.set(id, entry);
      }
      const current = entry.folded;
      // Folding is not idempotent (a contact applied twice would count twice): an event the
      // row already reflects is skipped, so replaying a stretch of the log changes nothing.
      if (current && current.revision >= event.revision) continue;
      const domainEvent = upcastEvent(event);
      const before = current ? current.state : null;
      const state = evolveMatter(before, domainEvent);
      if (!state) continue;
      const previous = current ? current.milestones : {};
      // Limits depend only on the procedure's course, and reckoning them is the costly part of this
      // projection: once per event that moved the course, for both the limit rows and `next_due`.
      const course = before && sameCourse(before, state) ? null : courseOf(state, settings);
      const milestones = recordMatterFacts(
        facts,
        settings,
        id,
        event.position,
        domainEvent,
        before,
        state,
        previous,
        course?.milestones ?? null,
      );
      aggregates.record(before, state, previous, milestones);
      unitSums.record({ before, after: state, previous, milestones });
      // Most events (contacts, actions, evaluations, resolutions) cannot move a limit, so their row keeps the days it had.
      const nextDue =
        current && KEEPS_DEADLINES.has(event.type)
          ? current.nextDue
          : nextDueOf(course ? course.deadlines : deadlines(state, settings));
      entry.folded = {
        revision: event.revision,
        position: event.position,
        openedOn: current ? current.openedOn : localDateOf(state.openedAt, settings.timeZone),
        nextDue,
        state,
        milestones,
        milestonesJson: current && milestones === previous ? current.milestonesJson : null,
      };
      entry.dirty = true;
      if (event.type === 'MatterOpened') {
        const data = event.data as { petitioners?: { petitionerId: string; sealed: unknown }[] };
        (data.petitioners ?? []).forEach((p, ord) =>
          sql.petitioner.run(id, p.petitionerId, ord, event.eventId, JSON.stringify(p.sealed)),
        );
      }
    }
    facts.flush();
    aggregates.flush(db);
    unitSums.flush(db);
    for (const [id, entry] of touched) {
      if (!entry.folded) continue;
      if (entry.dirty && !bulk) write(sql, id, entry);
      cache.delete(id);
      cache.set(id, entry);
      if (cache.size > recentMatters) {
        const [oldest, evicted] = cache.entries().next().value!;
        cache.delete(oldest);
        if (evicted.dirty) write(sql, oldest, evicted);
      }
    }
  };
  return {
    name: 'matters',
    version: 5,
    schema: `
      CREATE TABLE IF NOT EXISTS matters (
        id TEXT PRIMARY KEY, revision INTEGER NOT NULL, position TEXT NOT NULL, status TEXT NOT NULL,
        category TEXT NOT NULL, subject TEXT, responsible_unit TEXT NOT NULL, assigned_unit TEXT,
        opened_on TEXT NOT NULL, next_due TEXT, state TEXT NOT NULL, milestones TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS matters_by_unit ON matters (assigned_unit, id);
      CREATE INDEX IF NOT EXISTS matters_by_opened ON matters (opened_on, id);
      CREATE TABLE IF NOT EXISTS matter_petitioners (
        matter_id TEXT NOT NULL, petitioner_id TEXT NOT NULL, ord INTEGER NOT NULL, event_id TEXT NOT NULL, sealed TEXT NOT NULL,
        PRIMARY KEY (matter_id, petitioner_id)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS matter_petitioners_by_petitioner ON matter_petitioners (petitioner_id);
      ${MATTER_FACTS_SCHEMA}
      ${OVERVIEW_AGGREGATES_SCHEMA}
      ${UNIT_FIGURE_SUMS_SCHEMA}`,
    apply(event, { db, bulk }) {
      applyBatch([event], db, bulk === true);
    },
    applyBatch(events, { db, bulk }) {
      applyBatch(events, db, bulk === true);
    },
    finish({ db, bulk }) {
      // Outside a bulk build every row is written with its batch: a dirty entry is one whose batch rolled back.
      if (!bulk) return;
      const sql = statements(db);
      for (const [id, entry] of recentOf(db)) if (entry.dirty) write(sql, id, entry);
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
