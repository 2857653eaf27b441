import type Database from 'better-sqlite3';
import { ClockSettings, DomainEvent, localDateOf, MatterState, Milestone } from '@app/domain';

/**
 * The facts of matters, kept so that "as known at position P" is a filter:
 *
 * - `fact_contacts`: one row per contact (批次), with the position of its event.
 *   `recorded_category`/`recorded_unit` are the matter's category and responsible
 *   unit as registered when the contact was recorded; reports do not use them
 *   for grouping (see below) but they show what the registrar saw.
 * - `fact_matter_versions`: the matter's category, subject, responsible and
 *   assigned unit, one row per change, valid from `position` to `superseded`.
 *   A category correction (CorrectionRecorded) fixes a registration mistake:
 *   the matter was always of the corrected category. So reports group a contact
 *   by the category its matter had **as known at P**: the version valid at P.
 *   A report as of a position before the correction shows the old category (what
 *   was known then, and what a figure published then was computed from); one
 *   as of a later position shows the corrected one. Published figures stay
 *   reproducible because they record their position. `fact_recategorised`
 *   lists the matters whose category ever changed: for every other matter,
 *   the category a contact was recorded under is the one it has at any position.
 * - `fact_milestones`: every statutory limit of every matter (the domain's
 *   `milestonesOf`), one row per change of a limit (it appears, is extended, is
 *   met, is excused by a remit return), valid from `position` to `superseded`;
 *   `set_at` and `met_at` are the positions at which the limit first appeared
 *   and at which it was met.
 * - `fact_resolutions`: one row per MatterResolved (化解).
 *
 * Indexes serve the reports at scale: contacts of a range of days with every
 * column the reports group by (read from the index alone), the first contacts of
 * a matter by channel, limits by last day (with the columns that say which row of a
 * limit is in force at a position, so that the others are skipped in the index), and the duties that are open or were
 * met late (`fact_milestones_open`: the only ones a day can find open; it holds every column its
 * condition reads, so that the rows superseded after a past position are filtered from the index alone).
 *
 * They are written by the `matters` projection (matters.projection.ts) from the
 * one fold of each matter it keeps: the folded state and its milestones (the
 * previous values to compare against) live in the `matters` row, whose revision
 * makes applying an event twice a no-op, which every table here relies on.
 */
export const MATTER_FACT_STATEMENTS = {
  contact: `INSERT OR REPLACE INTO fact_contacts (position, matter_id, occurred_at, occurred_on, channel, level, source,
      headcount, is_collective, is_repeat, recorded_category, recorded_unit, assigned_unit)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  resolution:
    'INSERT OR REPLACE INTO fact_resolutions (position, matter_id, occurred_at, resolved_on) VALUES (?, ?, ?, ?)',
  endVersion:
    'UPDATE fact_matter_versions SET superseded = ? WHERE matter_id = ? AND superseded IS NULL AND position < ?',
  version: `INSERT OR REPLACE INTO fact_matter_versions (matter_id, position, superseded, category, subject,
      responsible_unit, assigned_unit) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  recategorised: 'INSERT OR IGNORE INTO fact_recategorised (matter_id) VALUES (?)',
  endMilestone:
    'UPDATE fact_milestones SET superseded = ? WHERE matter_id = ? AND key = ? AND superseded IS NULL AND position < ?',
  milestone: `INSERT OR REPLACE INTO fact_milestones (matter_id, key, position, superseded, step, kind, unit, from_on,
      last_day, met_on, extended_by, excused, set_at, met_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
} as const;

type Statements = Record<keyof typeof MATTER_FACT_STATEMENTS, Database.Statement>;

/** The superseded column of a pending version or milestone row (see MatterFactBatch). */
const SUPERSEDED = 2;
const MILESTONE_SUPERSEDED = 3;

/**
 * The version and milestone rows of one batch, written when it ends. A row that a
 * later event of the same batch supersedes is written once, already ended, instead of
 * inserted and then updated; a row of an earlier batch is ended in place, as the
 * event comes. The tables end up exactly as if every event wrote its rows at once.
 */
export class MatterFactBatch {
  private readonly openVersions = new Map<string, unknown[]>();
  private readonly versions: unknown[][] = [];
  private readonly openMilestones = new Map<string, unknown[]>();
  private readonly milestones: unknown[][] = [];

  constructor(readonly sql: Statements) {}

  /** Ends the matter's version in force (if it had one: `known`) at `position`. */
  endVersion(matterId: string, position: bigint, known: boolean): void {
    const open = this.openVersions.get(matterId);
    if (open) {
      open[SUPERSEDED] = position;
      this.openVersions.delete(matterId);
    } else if (known) this.sql.endVersion.run(position, matterId, position);
  }

  addVersion(row: unknown[]): void {
    this.openVersions.set(row[0] as string, row);
    this.versions.push(row);
  }

  endMilestone(matterId: string, key: string, position: bigint, known: boolean): void {
    const id = `${matterId}\u0000${key}`;
    const open = this.openMilestones.get(id);
    if (open) {
      open[MILESTONE_SUPERSEDED] = position;
      this.openMilestones.delete(id);
    } else if (known) this.sql.endMilestone.run(position, matterId, key, position);
  }

  addMilestone(row: unknown[]): void {
    this.openMilestones.set(`${row[0] as string}\u0000${row[1] as string}`, row);
    this.milestones.push(row);
  }

  /** Writes the rows held back; call once, at the end of the batch. */
  flush(): void {
    for (const row of this.versions) this.sql.version.run(row);
    for (const row of this.milestones) this.sql.milestone.run(row);
  }
}

export const MATTER_FACTS_SCHEMA = `
      CREATE TABLE IF NOT EXISTS fact_contacts (
        position INTEGER PRIMARY KEY, matter_id TEXT NOT NULL, occurred_at TEXT NOT NULL, occurred_on TEXT NOT NULL,
        channel TEXT NOT NULL, level TEXT NOT NULL, source TEXT, headcount INTEGER NOT NULL,
        is_collective INTEGER NOT NULL, is_repeat INTEGER NOT NULL,
        recorded_category TEXT NOT NULL, recorded_unit TEXT NOT NULL, assigned_unit TEXT
      );
      CREATE INDEX IF NOT EXISTS fact_contacts_by_day ON fact_contacts (occurred_on, channel, level, source,
        is_collective, is_repeat, headcount, matter_id, recorded_category);
      CREATE INDEX IF NOT EXISTS fact_contacts_by_matter ON fact_contacts (matter_id, position);
      CREATE INDEX IF NOT EXISTS fact_contacts_firsts ON fact_contacts (matter_id, is_repeat, channel, position);
      CREATE TABLE IF NOT EXISTS fact_matter_versions (
        matter_id TEXT NOT NULL, position INTEGER NOT NULL, superseded INTEGER,
        category TEXT NOT NULL, subject TEXT, responsible_unit TEXT NOT NULL, assigned_unit TEXT,
        PRIMARY KEY (matter_id, position)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS fact_recategorised (matter_id TEXT PRIMARY KEY) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS fact_milestones (
        matter_id TEXT NOT NULL, key TEXT NOT NULL, position INTEGER NOT NULL, superseded INTEGER,
        step TEXT NOT NULL, kind TEXT NOT NULL, unit TEXT, from_on TEXT NOT NULL, last_day TEXT NOT NULL,
        met_on TEXT, extended_by INTEGER, excused TEXT, set_at INTEGER NOT NULL, met_at INTEGER,
        PRIMARY KEY (matter_id, key, position)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS fact_milestones_by_last_day ON fact_milestones (step, last_day, superseded);
      CREATE INDEX IF NOT EXISTS fact_milestones_by_day ON fact_milestones (last_day, superseded);
      CREATE INDEX IF NOT EXISTS fact_milestones_open ON fact_milestones (superseded, last_day, met_on, kind, excused)
        WHERE kind = 'duty' AND excused IS NULL AND (met_on IS NULL OR met_on > last_day);
      CREATE INDEX IF NOT EXISTS fact_milestones_by_unit ON fact_milestones (unit, last_day);
      CREATE TABLE IF NOT EXISTS fact_resolutions (
        position INTEGER PRIMARY KEY, matter_id TEXT NOT NULL, occurred_at TEXT NOT NULL, resolved_on TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS fact_resolutions_by_matter ON fact_resolutions (matter_id, position, resolved_on);`;

/** A matter's limits as last recorded, by key (`reply#0`): what the next event's limits are compared against. */
export type StoredMilestones = Record<string, StoredMilestone>;

/**
 * The fact rows one event of a matter adds, given the matter's state before and
 * after it: its contact or resolution, a new version when an attribute reports
 * group by changed, and every limit that appeared or changed. `course` is the
 * matter's limits after the event (`milestonesOf`), null when the event left its
 * course as it was (see `sameCourse`). Returns the matter's limits after the event
 * (`previous` itself when its course did not move).
 */
export function recordMatterFacts(
  batch: MatterFactBatch,
  settings: ClockSettings,
  matterId: string,
  position: bigint,
  event: DomainEvent,
  before: MatterState | null,
  after: MatterState,
  previous: StoredMilestones,
  course: readonly Milestone[] | null,
): StoredMilestones {
  const { sql } = batch;
  const day = () => localDateOf(event.occurredAt, settings.timeZone);
  if (event.type === 'ContactRecorded') {
    const c = event.data;
    sql.contact.run(
      position,
      matterId,
      event.occurredAt,
      day(),
      c.channel,
      c.level,
      c.source,
      c.headcount,
      c.collective ? 1 : 0,
      c.repeat ? 1 : 0,
      after.category,
      after.responsibleUnit,
      after.assignedUnit,
    );
  }
  if (event.type === 'MatterResolved') sql.resolution.run(position, matterId, event.occurredAt, day());
  recordVersion(batch, matterId, position, before, after);
  return course === null ? previous : recordMilestones(batch, matterId, position, previous, keyed(course));
}

type Attributes = Pick<MatterState, 'category' | 'subject' | 'responsibleUnit' | 'assignedUnit'>;

const attributes = (s: MatterState): Attributes => ({
  category: s.category,
  subject: s.subject,
  responsibleUnit: s.responsibleUnit,
  assignedUnit: s.assignedUnit,
});

/** A new version when an attribute reports group by changes (opening, correction, assignment, remit return). */
function recordVersion(
  batch: MatterFactBatch,
  matterId: string,
  position: bigint,
  before: MatterState | null,
  after: MatterState,
): void {
  const next = attributes(after);
  if (
    before &&
    before.category === next.category &&
    before.subject === next.subject &&
    before.responsibleUnit === next.responsibleUnit &&
    before.assignedUnit === next.assignedUnit
  )
    return;
  if (before && before.category !== next.category) batch.sql.recategorised.run(matterId);
  batch.endVersion(matterId, position, before !== null);
  batch.addVersion([matterId, position, null, next.category, next.subject, next.responsibleUnit, next.assignedUnit]);
}

/**
 * Whether an event left the matter's course (what `milestonesOf` reads: its transfers,
 * assignments, reply and reviews) as it was. `evolveMatter` keeps the parts an event does
 * not touch (the very same objects), so this is a comparison of references; an event that
 * rebuilt a part with the same content recomputes limits equal to the recorded ones, which
 * `recordMilestones` then leaves as they were.
 */
export function sameCourse(before: MatterState, after: MatterState): boolean {
  return (
    before.transfers === after.transfers &&
    before.assignments === after.assignments &&
    before.reply === after.reply &&
    before.review === after.review &&
    before.reReview === after.reReview
  );
}

/** A milestone as compared between events: the limit itself plus when it appeared and was met. */
export interface StoredMilestone {
  readonly milestone: Milestone;
  readonly setAt: string;
  readonly metAt: string | null;
}

/**
 * Stable keys for a matter's milestones: the step and its ordinal (`transfer#0`,
 * `acceptance#1`, `reply#0`). `milestonesOf` only ever appends cycles, so the
 * n-th milestone of a step is always the same limit.
 */
function keyed(milestones: readonly Milestone[]): Record<string, Milestone> {
  const seen = new Map<string, number>();
  const out: Record<string, Milestone> = {};
  for (const m of milestones) {
    const n = seen.get(m.step) ?? 0;
    seen.set(m.step, n + 1);
    out[`${m.step}#${n}`] = m;
  }
  return out;
}

function recordMilestones(
  batch: MatterFactBatch,
  matterId: string,
  position: bigint,
  previous: StoredMilestones,
  current: Record<string, Milestone>,
): StoredMilestones {
  const stored: StoredMilestones = {};
  for (const [key, milestone] of Object.entries(current)) {
    const old = previous[key] as StoredMilestone | undefined;
    if (old && JSON.stringify(old.milestone) === JSON.stringify(milestone)) {
      stored[key] = old;
      continue;
    }
    batch.endMilestone(matterId, key, position, old !== undefined);
    const setAt = old ? BigInt(old.setAt) : position;
    const metAt =
      milestone.met === undefined
        ? null
        : old?.metAt && old.milestone.met === milestone.met
          ? BigInt(old.metAt)
          : position;
    stored[key] = { milestone, setAt: setAt.toString(), metAt: metAt === null ? null : metAt.toString() };
    batch.addMilestone([
      matterId,
      key,
      position,
      null,
      milestone.step,
      milestone.kind,
      milestone.unit,
      milestone.from,
      milestone.lastDay,
      milestone.met ?? null,
      milestone.extendedBy ?? null,
      milestone.excused,
      setAt,
      metAt,
    ]);
  }
  // The domain never drops a limit; should a future version do so, it ends here.
  for (const key of Object.keys(previous)) if (!(key in current)) batch.endMilestone(matterId, key, position, true);
  return stored;
}
