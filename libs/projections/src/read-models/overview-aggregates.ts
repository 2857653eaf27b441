import type Database from 'better-sqlite3';
import { ClockSettings, LimitKind, LocalDate, localDateOf, MatterState, milestoneOutcome } from '@app/domain';
import type { StoredMilestones } from './matter-facts.projection';
import { statementCache } from './fact-scope';
import { contactChanges, CountChanges, shareChanges } from './matter-share-changes';

/**
 * What the overview counts, summed by day as the log stands now, so that a report
 * at the read models' own position reads a few hundred rows instead of every contact
 * of its period (the row path over the fact tables answers any other position):
 *
 * - `agg_contact_days`: contacts by the day they occurred on and every attribute the
 *   overview groups by, with the category their matter has now (a correction moves
 *   the matter's contacts from its old category to the new one);
 * - `agg_online_replies`: the reply limits of matters whose first contact came online,
 *   by last day, the day they were met ('' while not met) and kind.
 *
 * Both are maintained by the matters projection from its fold: each matter event
 * changes them by the difference between the matter's share before and after it.
 * A row whose count falls to zero is deleted, so the tables do not depend on how
 * the log was cut into batches. `source` is '' for none (a key column cannot be NULL
 * and still be unique).
 */
export const OVERVIEW_AGGREGATES_SCHEMA = `
      CREATE TABLE IF NOT EXISTS agg_contact_days (
        occurred_on TEXT NOT NULL, channel TEXT NOT NULL, level TEXT NOT NULL, source TEXT NOT NULL,
        is_collective INTEGER NOT NULL, is_repeat INTEGER NOT NULL, category TEXT NOT NULL,
        batches INTEGER NOT NULL, persons INTEGER NOT NULL,
        PRIMARY KEY (occurred_on, channel, level, source, is_collective, is_repeat, category)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS agg_online_replies (
        last_day TEXT NOT NULL, met_on TEXT NOT NULL, kind TEXT NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (last_day, met_on, kind)
      ) WITHOUT ROWID;`;

const statements = statementCache({
  addContacts: `INSERT INTO agg_contact_days (occurred_on, channel, level, source, is_collective, is_repeat, category,
      batches, persons) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT DO UPDATE SET batches = batches + excluded.batches, persons = persons + excluded.persons`,
  dropContacts: `DELETE FROM agg_contact_days WHERE occurred_on = ? AND channel = ? AND level = ? AND source = ?
      AND is_collective = ? AND is_repeat = ? AND category = ? AND batches = 0`,
  addReplies: `INSERT INTO agg_online_replies (last_day, met_on, kind, n) VALUES (?, ?, ?, ?)
    ON CONFLICT DO UPDATE SET n = n + excluded.n`,
  dropReplies: 'DELETE FROM agg_online_replies WHERE last_day = ? AND met_on = ? AND kind = ? AND n = 0',
});

type ContactKey = [LocalDate, string, string, string, number, number, string];
type ReplyKey = [LocalDate, string, LimitKind];

/** A reply limit as the aggregate keys it. */
interface ReplyShare {
  readonly key: ReplyKey;
  readonly id: string;
}

/**
 * The changes one batch makes to the aggregates, summed in memory and written once
 * when it ends (a day's contacts of one kind are one row, however many there are).
 */
export class OverviewAggregateBatch {
  private readonly contacts = new Map<string, { key: ContactKey; batches: number; persons: number }>();
  private readonly replies = new CountChanges<ReplyKey>();

  constructor(private readonly settings: Pick<ClockSettings, 'timeZone'>) {}

  /** The difference a matter event made: its new contact, its contacts moved to a corrected category, its reply limit. */
  record(
    before: MatterState | null,
    after: MatterState,
    previous: StoredMilestones,
    milestones: StoredMilestones,
  ): void {
    contactChanges(
      before,
      after,
      (s) => s.category,
      (c, category, sign) => this.contact(c, category, sign),
    );
    const onlineBefore = before !== null && cameOnline(before);
    const onlineAfter = cameOnline(after);
    // The shares follow from those two alone: most events (contacts, actions) change neither.
    if (before && milestones === previous && onlineBefore === onlineAfter) return;
    shareChanges(
      before ? replyShares(onlineBefore, previous) : [],
      replyShares(onlineAfter, milestones),
      (share, sign) => this.replies.count(share.key, sign),
    );
  }

  private contact(c: MatterState['contacts'][number], category: string, sign: 1 | -1): void {
    const key: ContactKey = [
      localDateOf(c.occurredAt, this.settings.timeZone),
      c.channel,
      c.level,
      c.source ?? '',
      c.collective ? 1 : 0,
      c.repeat ? 1 : 0,
      category,
    ];
    const id = key.join('\u0000');
    const sum = this.contacts.get(id) ?? { key, batches: 0, persons: 0 };
    sum.batches += sign;
    sum.persons += sign * c.headcount;
    this.contacts.set(id, sum);
  }

  /** Writes the batch's changes; call once, at the end of the batch. */
  flush(db: Database.Database): void {
    const sql = statements(db);
    for (const { key, batches, persons } of this.contacts.values()) {
      if (batches === 0 && persons === 0) continue;
      sql.addContacts.run(...key, batches, persons);
      if (batches < 0) sql.dropContacts.run(...key);
    }
    this.replies.flush(sql.addReplies, sql.dropReplies);
  }
}

/** Whether the matter's first contact came online: only then does the on-time rate count its reply limits. */
function cameOnline(state: MatterState): boolean {
  return state.contacts.some((c) => !c.repeat && c.channel === 'online');
}

/** The matter's reply limits the overview's on-time rate counts (`online`: see `cameOnline`). */
function replyShares(online: boolean, milestones: StoredMilestones): ReplyShare[] {
  if (!online) return [];
  const shares: ReplyShare[] = [];
  for (const [key, { milestone: m }] of Object.entries(milestones)) {
    if (m.step !== 'reply' || m.excused) continue;
    const share: ReplyKey = [m.lastDay, m.met ?? '', m.kind];
    shares.push({ key: share, id: `${key}\u0000${share.join('\u0000')}` });
  }
  return shares;
}

interface ContactDayRow {
  channel: string;
  level: string;
  source: string;
  is_collective: number;
  is_repeat: number;
  category: string;
  batches: number;
  persons: number;
}

/** The overview's contact groups of a period, from the aggregate: the same rows, in the same order, as the row path. */
export function contactGroupsNow(db: Database.Database, from: LocalDate, to: LocalDate) {
  return db
    .prepare<[string, string], ContactDayRow>(
      `SELECT channel, level, source, is_collective, is_repeat, category, SUM(batches) AS batches, SUM(persons) AS persons
       FROM agg_contact_days WHERE occurred_on BETWEEN ? AND ?
       GROUP BY channel, level, source, is_collective, is_repeat, category HAVING SUM(batches) > 0
       ORDER BY channel, level, source, is_collective, is_repeat, category`,
    )
    .all(from, to)
    .map((g) => ({ ...g, source: g.source === '' ? null : g.source }));
}

/** Online reply limits falling due in a period, judged on `judgeDate`: met on time, and decided (on time, late or overdue). */
export function onlineRepliesNow(
  db: Database.Database,
  from: LocalDate,
  to: LocalDate,
  judgeDate: LocalDate,
): { onTime: number; due: number } {
  const rows = db
    .prepare<[string, string], ReplyGroup>(
      'SELECT last_day, met_on, kind, n FROM agg_online_replies WHERE last_day BETWEEN ? AND ?',
    )
    .all(from, to);
  return judgeReplies(rows, judgeDate);
}

/** Reply limits not excused, `n` alike: last day, the day met ('' while not met) and kind are all their outcome reads. */
export interface ReplyGroup {
  last_day: string;
  met_on: string;
  kind: LimitKind;
  n: number;
}

/** The on-time rate's counts over groups of reply limits, judged on `judgeDate`. */
export function judgeReplies(rows: readonly ReplyGroup[], judgeDate: LocalDate): { onTime: number; due: number } {
  let onTime = 0;
  let due = 0;
  for (const r of rows) {
    const outcome = milestoneOutcome(
      {
        step: 'reply',
        kind: r.kind,
        unit: null,
        from: r.last_day,
        lastDay: r.last_day,
        ...(r.met_on !== '' ? { met: r.met_on } : {}),
        excused: null,
      },
      judgeDate,
    );
    if (outcome === 'on_time') onTime += r.n;
    if (outcome === 'on_time' || outcome === 'late' || outcome === 'overdue') due += r.n;
  }
  return { onTime, due };
}
