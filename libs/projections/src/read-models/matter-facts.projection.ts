import {
  ClockSettings,
  evolveMatter,
  localDateOf,
  MatterState,
  Milestone,
  milestonesOf,
  upcastEvent,
} from '@app/domain';
import { EventEnvelope, type Projection } from '@app/ledger';
import { statementCache } from './fact-scope';

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
 *   reproducible because they record their position.
 * - `fact_milestones`: every statutory limit of every matter (the domain's
 *   `milestonesOf`), one row per change of a limit (it appears, is extended, is
 *   met, is excused by a remit return), valid from `position` to `superseded`;
 *   `set_at` and `met_at` are the positions at which the limit first appeared
 *   and at which it was met.
 * - `fact_resolutions`: one row per MatterResolved (化解).
 *
 * `fact_matter_state` holds the folded state and its milestones (the previous
 * values to compare against). Its revision makes applying an event twice a
 * no-op, which every other table relies on.
 */
const statements = statementCache({
  state: 'SELECT revision, state, milestones FROM fact_matter_state WHERE matter_id = ?',
  saveState: 'INSERT OR REPLACE INTO fact_matter_state (matter_id, revision, state, milestones) VALUES (?, ?, ?, ?)',
  contact: `INSERT OR REPLACE INTO fact_contacts (position, matter_id, occurred_at, occurred_on, channel, level, source,
      headcount, is_collective, is_repeat, recorded_category, recorded_unit, assigned_unit)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  resolution:
    'INSERT OR REPLACE INTO fact_resolutions (position, matter_id, occurred_at, resolved_on) VALUES (?, ?, ?, ?)',
  endVersion:
    'UPDATE fact_matter_versions SET superseded = ? WHERE matter_id = ? AND superseded IS NULL AND position < ?',
  version: `INSERT OR REPLACE INTO fact_matter_versions (matter_id, position, superseded, category, subject,
      responsible_unit, assigned_unit) VALUES (?, ?, NULL, ?, ?, ?, ?)`,
  endMilestone:
    'UPDATE fact_milestones SET superseded = ? WHERE matter_id = ? AND key = ? AND superseded IS NULL AND position < ?',
  milestone: `INSERT OR REPLACE INTO fact_milestones (matter_id, key, position, superseded, step, kind, unit, from_on,
      last_day, met_on, extended_by, excused, set_at, met_at) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
});

type Statements = ReturnType<typeof statements>;

export function matterFactsProjection(settings: ClockSettings): Projection {
  return {
    name: 'matter-facts',
    version: 1,
    schema: `
      CREATE TABLE IF NOT EXISTS fact_matter_state (
        matter_id TEXT PRIMARY KEY, revision INTEGER NOT NULL, state TEXT NOT NULL, milestones TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS fact_contacts (
        position INTEGER PRIMARY KEY, matter_id TEXT NOT NULL, occurred_at TEXT NOT NULL, occurred_on TEXT NOT NULL,
        channel TEXT NOT NULL, level TEXT NOT NULL, source TEXT, headcount INTEGER NOT NULL,
        is_collective INTEGER NOT NULL, is_repeat INTEGER NOT NULL,
        recorded_category TEXT NOT NULL, recorded_unit TEXT NOT NULL, assigned_unit TEXT
      );
      CREATE INDEX IF NOT EXISTS fact_contacts_by_day ON fact_contacts (occurred_on, channel);
      CREATE INDEX IF NOT EXISTS fact_contacts_by_matter ON fact_contacts (matter_id, position);
      CREATE TABLE IF NOT EXISTS fact_matter_versions (
        matter_id TEXT NOT NULL, position INTEGER NOT NULL, superseded INTEGER,
        category TEXT NOT NULL, subject TEXT, responsible_unit TEXT NOT NULL, assigned_unit TEXT,
        PRIMARY KEY (matter_id, position)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS fact_milestones (
        matter_id TEXT NOT NULL, key TEXT NOT NULL, position INTEGER NOT NULL, superseded INTEGER,
        step TEXT NOT NULL, kind TEXT NOT NULL, unit TEXT, from_on TEXT NOT NULL, last_day TEXT NOT NULL,
        met_on TEXT, extended_by INTEGER, excused TEXT, set_at INTEGER NOT NULL, met_at INTEGER,
        PRIMARY KEY (matter_id, key, position)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS fact_milestones_by_last_day ON fact_milestones (step, last_day);
      CREATE INDEX IF NOT EXISTS fact_milestones_by_unit ON fact_milestones (unit, last_day);
      CREATE TABLE IF NOT EXISTS fact_resolutions (
        position INTEGER PRIMARY KEY, matter_id TEXT NOT NULL, occurred_at TEXT NOT NULL, resolved_on TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS fact_resolutions_by_matter ON fact_resolutions (matter_id, position);`,

    apply(event: EventEnvelope, { db }) {
      if (!event.stream.startsWith('matter-')) return;
      const sql = statements(db);
      const matterId = event.stream.slice('matter-'.length);
      const row = sql.state.get(matterId) as { revision: number; state: string; milestones: string } | undefined;
      // Applied already (the runner never does this; a replayed batch must change nothing).
      if (row && row.revision >= event.revision) return;
      const before = row ? (JSON.parse(row.state) as MatterState) : null;
      const domainEvent = upcastEvent(event);
      const after = evolveMatter(before, domainEvent);
      if (!after) return;
      const position = event.position;
      const day = () => localDateOf(domainEvent.occurredAt, settings.timeZone);
      if (domainEvent.type === 'ContactRecorded') {
        const c = domainEvent.data;
        sql.contact.run(
          position,
          matterId,
          domainEvent.occurredAt,
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
      if (domainEvent.type === 'MatterResolved') sql.resolution.run(position, matterId, domainEvent.occurredAt, day());
      recordVersion(sql, matterId, position, before, after);
      const previous = row ? (JSON.parse(row.milestones) as Record<string, StoredMilestone>) : {};
      // Limits depend only on the procedure's course; a contact, an action or a correction leaves them as they were
      // (and computing them is the costly part of this projection).
      const milestones =
        before && courseOf(before) === courseOf(after)
          ? previous
          : recordMilestones(sql, matterId, position, previous, keyed(milestonesOf(after, settings)));
      sql.saveState.run(matterId, event.revision, JSON.stringify(after), JSON.stringify(milestones));
    },
  };
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
  sql: Statements,
  matterId: string,
  position: bigint,
  before: MatterState | null,
  after: MatterState,
): void {
  const next = attributes(after);
  if (before && JSON.stringify(attributes(before)) === JSON.stringify(next)) return;
  sql.endVersion.run(position, matterId, position);
  sql.version.run(matterId, position, next.category, next.subject, next.responsibleUnit, next.assignedUnit);
}

/** What `milestonesOf` reads of a matter: its transfers, assignments, reply and reviews. */
function courseOf(s: MatterState): string {
  return JSON.stringify([s.transfers, s.assignments, s.reply, s.review, s.reReview]);
}

/** A milestone as compared between events: the limit itself plus when it appeared and was met. */
interface StoredMilestone {
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
  sql: Statements,
  matterId: string,
  position: bigint,
  previous: Record<string, StoredMilestone>,
  current: Record<string, Milestone>,
): Record<string, StoredMilestone> {
  const stored: Record<string, StoredMilestone> = {};
  for (const [key, milestone] of Object.entries(current)) {
    const old = previous[key] as StoredMilestone | undefined;
    if (old && JSON.stringify(old.milestone) === JSON.stringify(milestone)) {
      stored[key] = old;
      continue;
    }
    sql.endMilestone.run(position, matterId, key, position);
    const setAt = old ? BigInt(old.setAt) : position;
    const metAt =
      milestone.met === undefined
        ? null
        : old?.metAt && old.milestone.met === milestone.met
          ? BigInt(old.metAt)
          : position;
    stored[key] = { milestone, setAt: setAt.toString(), metAt: metAt === null ? null : metAt.toString() };
    sql.milestone.run(
      matterId,
      key,
      position,
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
    );
  }
  // The domain never drops a limit; should a future version do so, it ends here.
  for (const key of Object.keys(previous))
    if (!(key in current)) sql.endMilestone.run(position, matterId, key, position);
  return stored;
}
