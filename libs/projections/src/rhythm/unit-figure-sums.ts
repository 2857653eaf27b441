import type Database from 'better-sqlite3';
import { LocalDate, localDateOf, MatterState } from '@app/domain';
import type { StoredMilestones } from '../read-models/matter-facts.projection';
import { statementCache } from '../read-models/fact-scope';
import { contactChanges, CountChanges, shareChanges } from '../read-models/matter-share-changes';

/**
 * What the bulletin's and the ranking's unit figures count, summed by day as the log
 * stands now, so that a report at the read models' own position reads a few hundred
 * rows instead of every contact and limit of its period (the row path over the fact
 * tables answers any other position, and keeps the evidence behind each figure):
 *
 * - `agg_unit_contact_days`: contacts by the day they occurred on and the unit
 *   responsible for their matter (a correction of that unit moves all the matter's
 *   contacts to the new one), with the counts the figures take from them;
 * - `agg_unit_limits`: the acceptance and reply limits in force, by last day, step,
 *   unit, the day they were met ('' while not met), kind and excuse ('' for none):
 *   everything `milestoneOutcome` reads, so a report judges each row on its own day;
 * - `agg_unit_evaluations`: evaluations of replies by the day they were made and the
 *   unit of the matter's last reply limit (the one a report charges them to), counted
 *   and, of those, satisfied or basically satisfied.
 *
 * Maintained by the matters projection from its fold, like the overview's daily sums
 * (overview-aggregates.ts): each matter event changes them by the difference between
 * the matter's share before and after it, summed in memory for the batch and written
 * once; a row whose count falls to zero is deleted, so the tables do not depend on how
 * the log was cut into batches. A unit is '' for none (a key column cannot be NULL).
 */
export const UNIT_FIGURE_SUMS_SCHEMA = `
      CREATE TABLE IF NOT EXISTS agg_unit_contact_days (
        occurred_on TEXT NOT NULL, unit TEXT NOT NULL, contacts INTEGER NOT NULL, persons INTEGER NOT NULL,
        skip_level INTEGER NOT NULL, collective INTEGER NOT NULL, repeats INTEGER NOT NULL,
        PRIMARY KEY (occurred_on, unit)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS agg_unit_limits (
        last_day TEXT NOT NULL, step TEXT NOT NULL, unit TEXT NOT NULL, met_on TEXT NOT NULL, kind TEXT NOT NULL,
        excused TEXT NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (last_day, step, unit, met_on, kind, excused)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS agg_unit_evaluations (
        occurred_on TEXT NOT NULL, unit TEXT NOT NULL, satisfied INTEGER NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (occurred_on, unit, satisfied)
      ) WITHOUT ROWID;`;

const statements = statementCache({
  addContacts: `INSERT INTO agg_unit_contact_days (occurred_on, unit, contacts, persons, skip_level, collective, repeats)
    VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT DO UPDATE SET contacts = contacts + excluded.contacts, persons = persons + excluded.persons,
      skip_level = skip_level + excluded.skip_level, collective = collective + excluded.collective,
      repeats = repeats + excluded.repeats`,
  dropContacts: 'DELETE FROM agg_unit_contact_days WHERE occurred_on = ? AND unit = ? AND contacts = 0',
  addLimits: `INSERT INTO agg_unit_limits (last_day, step, unit, met_on, kind, excused, n) VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT DO UPDATE SET n = n + excluded.n`,
  dropLimits: `DELETE FROM agg_unit_limits WHERE last_day = ? AND step = ? AND unit = ? AND met_on = ? AND kind = ?
      AND excused = ? AND n = 0`,
  addEvaluations: `INSERT INTO agg_unit_evaluations (occurred_on, unit, satisfied, n) VALUES (?, ?, ?, ?)
    ON CONFLICT DO UPDATE SET n = n + excluded.n`,
  dropEvaluations: 'DELETE FROM agg_unit_evaluations WHERE occurred_on = ? AND unit = ? AND satisfied = ? AND n = 0',
});

const SATISFIED = new Set<string>(['satisfied', 'basically_satisfied']);

/** The steps whose limits the figures judge: timely acceptance and on-time completion. */
export const JUDGED_STEPS = ['acceptance', 'reply'] as const;

interface ContactSum {
  readonly key: [LocalDate, string];
  contacts: number;
  persons: number;
  skipLevel: number;
  collective: number;
  repeats: number;
}

/** One matter event as the matters projection folded it: the state and recorded limits before and after. */
export interface MatterChange {
  readonly before: MatterState | null;
  readonly after: MatterState;
  readonly previous: StoredMilestones;
  readonly milestones: StoredMilestones;
}

type LimitKey = [LocalDate, string, string, string, string, string];
type EvaluationKey = [LocalDate, string, number];

/** The changes one batch makes to the sums, written once when it ends. */
export class UnitFigureSumsBatch {
  private readonly contacts = new Map<string, ContactSum>();
  private readonly limits = new CountChanges<LimitKey>();
  private readonly evaluations = new CountChanges<EvaluationKey>();

  constructor(private readonly timeZone: string) {}

  /** The difference a matter event made: its new contact, its contacts moved to another unit, its judged limits. */
  record(change: MatterChange): void {
    const { before, after, previous, milestones } = change;
    contactChanges(before, after, (s) => s.responsibleUnit, this.contact);
    // The matters projection hands back the very same object when the event left the limits as they were,
    // and the fold keeps the list of evaluations unless the event added one.
    const evaluated = after.evaluations !== (before?.evaluations ?? after.evaluations);
    if (milestones === previous && !evaluated) return;
    if (milestones !== previous)
      shareChanges(limitShares(previous), limitShares(milestones), (share, sign) => this.limits.count(share.key, sign));
    shareChanges(
      before ? evaluationShares(before, previous, this.timeZone) : [],
      evaluationShares(after, milestones, this.timeZone),
      (share, sign) => this.evaluations.count(share.key, sign),
    );
  }

  private readonly contact = (c: MatterState['contacts'][number], unit: string, sign: 1 | -1): void => {
    const key: [LocalDate, string] = [localDateOf(c.occurredAt, this.timeZone), unit];
    const id = `${key[0]}\u0000${unit}`;
    let sum = this.contacts.get(id);
    if (!sum) {
      sum = { key, contacts: 0, persons: 0, skipLevel: 0, collective: 0, repeats: 0 };
      this.contacts.set(id, sum);
    }
    const visit = c.channel === 'visit';
    sum.contacts += sign;
    sum.persons += sign * c.headcount;
    if (visit && c.level !== 'city') sum.skipLevel += sign;
    if (visit && c.collective) sum.collective += sign;
    if (c.repeat) sum.repeats += sign;
  };

  /** Writes the batch's changes; call once, at the end of the batch. */
  flush(db: Database.Database): void {
    const sql = statements(db);
    for (const { key, contacts, persons, skipLevel, collective, repeats } of this.contacts.values()) {
      if (contacts === 0 && persons === 0 && skipLevel === 0 && collective === 0 && repeats === 0) continue;
      sql.addContacts.run(...key, contacts, persons, skipLevel, collective, repeats);
      if (contacts < 0) sql.dropContacts.run(...key);
    }
    this.limits.flush(sql.addLimits, sql.dropLimits);
    this.evaluations.flush(sql.addEvaluations, sql.dropEvaluations);
  }
}

/** A matter's acceptance and reply limits as the sums key them; `id` also names the limit, to compare two lists. */
function limitShares(milestones: StoredMilestones): { key: LimitKey; id: string }[] {
  const shares: { key: LimitKey; id: string }[] = [];
  for (const [name, { milestone: m }] of Object.entries(milestones)) {
    if (!(JUDGED_STEPS as readonly string[]).includes(m.step)) continue;
    const key: LimitKey = [m.lastDay, m.step, m.unit ?? '', m.met ?? '', m.kind, m.excused ?? ''];
    shares.push({ key, id: `${name}\u0000${key.join('\u0000')}` });
  }
  return shares;
}

/**
 * A matter's evaluations of its reply as the sums key them, charged to the unit of its last
 * reply limit by key (as the row path picks it: the greatest key in code-unit order).
 */
function evaluationShares(
  state: MatterState,
  milestones: StoredMilestones,
  timeZone: string,
): { key: EvaluationKey; id: string }[] {
  let last: string | null = null;
  for (const [name, { milestone }] of Object.entries(milestones))
    if (milestone.step === 'reply' && (last === null || name > last)) last = name;
  const unit = last === null ? '' : (milestones[last].milestone.unit ?? '');
  const shares: { key: EvaluationKey; id: string }[] = [];
  state.evaluations.forEach((e, i) => {
    if (e.of !== 'reply') return;
    const key: EvaluationKey = [localDateOf(e.at, timeZone), unit, SATISFIED.has(e.result) ? 1 : 0];
    shares.push({ key, id: `${i}\u0000${key.join('\u0000')}` });
  });
  return shares;
}
