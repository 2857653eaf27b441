import type Database from 'better-sqlite3';
import {
  AdoptedRule,
  CampaignFact,
  CampaignTarget,
  ContactFact,
  EvaluationFact,
  LocalDate,
  MatterMilestone,
  MeetingDecision,
  MeetingFact,
  MeetingKind,
  OwnedMatterFact,
  RankingRuleAdoptedData,
  StatutoryStep,
  ruleFromEvent,
  UnitAct,
  UnitInfo,
  UnitKind,
} from '@app/domain';
import { Position } from '@app/ledger';
import {
  CONTACTS_KNOWN_AT,
  MILESTONE_COLUMNS,
  milestoneFromRow,
  MilestoneRow,
  milestonesKnownAt,
} from '../read-models/fact-queries';
import { FactScope, scopeParams, validAt } from '../read-models/fact-scope';

/**
 * The facts the rhythm computes from, selected "as known at" a position. Each
 * query reads the fact tables (kept by the matter-facts and activity-facts
 * projections) or the rhythm's own tables; none replays the log.
 */

/** Units registered at or before `asOf`. */
export function unitsKnownAt(db: Database.Database, asOf: Position): UnitInfo[] {
  return db
    .prepare<[bigint], { code: string; name: string; kind: UnitKind }>(
      'SELECT code, name, kind FROM units WHERE CAST(position AS INTEGER) <= ? ORDER BY code',
    )
    .all(asOf);
}

interface ContactRow {
  matter_id: string;
  occurred_on: string;
  channel: ContactFact['channel'];
  level: ContactFact['level'];
  headcount: number;
  is_collective: number;
  is_repeat: number;
  category: ContactFact['category'];
  subject: string | null;
  responsible_unit: string;
}

/** Contacts that occurred in the scope's dates, each with its matter's unit, subject and category as known at the position. */
export function contactsKnownAt(db: Database.Database, scope: FactScope): ContactFact[] {
  return db
    .prepare<Record<string, unknown>, ContactRow>(
      `SELECT * FROM (${CONTACTS_KNOWN_AT}) ORDER BY occurred_on, matter_id, position`,
    )
    .all(scopeParams(scope))
    .map((r) => ({
      matterId: r.matter_id,
      occurredOn: r.occurred_on,
      channel: r.channel,
      level: r.level,
      headcount: r.headcount,
      collective: r.is_collective === 1,
      repeat: r.is_repeat === 1,
      unit: r.responsible_unit,
      subject: r.subject,
      category: r.category,
    }));
}

/** Limits whose last day falls in the scope's dates (timely acceptance, on-time completion, due this week), of the steps given (default: all). */
export function milestonesDue(
  db: Database.Database,
  scope: FactScope,
  steps?: readonly StatutoryStep[],
): MatterMilestone[] {
  return milestonesKnownAt(db, scope, steps ? { steps } : {}).map(
    ({ key: _key, setAt: _setAt, metAt: _metAt, ...m }) => m,
  );
}

/** Duties not excused whose last day is before `day` and that were not met by `day`, as known at the position. */
export function dutiesOpenOn(db: Database.Database, asOf: Position, day: LocalDate): MatterMilestone[] {
  return dutiesOpenOnDays(db, asOf, [day]).get(day)!;
}

/** `dutiesOpenOn` for several days at once (a report and the period before it): one pass over the index. */
export function dutiesOpenOnDays(
  db: Database.Database,
  asOf: Position,
  days: readonly LocalDate[],
): Map<LocalDate, MatterMilestone[]> {
  // Such a duty was open or met late: `fact_milestones_open` holds only those. Its rows in force at the
  // position are the current ones, plus those superseded after it: none when the position is the read
  // models' own, most of the index's superseded rows at an early position. The index holds every column
  // the condition reads, so both ranges are filtered from it alone and only the rows found are read:
  // those open on any of the days, each day's then picked from them in the same order.
  const sorted = [...days].sort();
  const open = `m.kind = 'duty' AND m.excused IS NULL AND (m.met_on IS NULL OR m.met_on > m.last_day)
    AND m.position <= @asOf AND m.last_day < @last AND (m.met_on IS NULL OR m.met_on > @first)`;
  const keys = `SELECT m.matter_id, m.key, m.position FROM fact_milestones m INDEXED BY fact_milestones_open`;
  const sql = `WITH found AS (${keys} WHERE m.superseded IS NULL AND ${open}
                              UNION ALL ${keys} WHERE m.superseded > @asOf AND ${open})
    SELECT ${MILESTONE_COLUMNS}, m.key FROM found f
    CROSS JOIN fact_milestones m ON m.matter_id = f.matter_id AND m.key = f.key AND m.position = f.position
    ORDER BY m.last_day, m.matter_id, m.key`;
  const rows =
    sorted.length === 0
      ? []
      : db
          .prepare<Record<string, unknown>, MilestoneRow>(sql)
          .all({ asOf, first: sorted[0], last: sorted[sorted.length - 1] });
  return new Map(
    days.map((day) => [
      day,
      rows.filter((r) => r.last_day < day && (r.met_on === null || r.met_on > day)).map(milestoneFromRow),
    ]),
  );
}

/** The resolutions (化解) known at the position of the matters that have a reply limit in the scope's dates. */
export function resolutionsOfReplyCohort(
  db: Database.Database,
  scope: FactScope,
): { matterId: string; resolvedOn: string }[] {
  return db
    .prepare<Record<string, unknown>, { matter_id: string; resolved_on: string }>(
      `SELECT r.matter_id, MIN(r.resolved_on) AS resolved_on FROM fact_resolutions r
       WHERE r.position <= @asOf AND r.matter_id IN (
         SELECT m.matter_id FROM fact_milestones m WHERE ${validAt('m')} AND m.step = 'reply' AND m.last_day BETWEEN @from AND @to)
       GROUP BY r.matter_id ORDER BY r.matter_id`,
    )
    .all(scopeParams(scope))
    .map((r) => ({ matterId: r.matter_id, resolvedOn: r.resolved_on }));
}

/** Evaluations made in the scope's dates, each with the unit whose reply was evaluated. */
export function evaluationsKnownAt(db: Database.Database, scope: FactScope): EvaluationFact[] {
  return db
    .prepare<
      Record<string, unknown>,
      { matter_id: string; occurred_on: string; of_answer: string; value: string; unit: string | null }
    >(
      `SELECT e.matter_id, e.occurred_on, e.of_answer, e.value,
              (SELECT m.unit FROM fact_milestones m
               WHERE m.matter_id = e.matter_id AND m.step = 'reply' AND ${validAt('m')} ORDER BY m.key DESC LIMIT 1) AS unit
       FROM rhythm_acts e
       WHERE e.type = 'SatisfactionEvaluated' AND e.position <= @asOf AND e.occurred_on BETWEEN @from AND @to
       ORDER BY e.occurred_on, e.matter_id, e.position`,
    )
    .all(scopeParams(scope))
    .map((r) => ({
      matterId: r.matter_id,
      on: r.occurred_on,
      of: r.of_answer as EvaluationFact['of'],
      result: r.value as EvaluationFact['result'],
      unit: r.of_answer === 'reply' ? r.unit : null,
    }));
}

/** Every rule version adopted at or before the position, in ledger order. */
export function rulesKnownAt(
  db: Database.Database,
  asOf: Position,
): (AdoptedRule & { position: string; adoptedAt: string })[] {
  return db
    .prepare<[bigint], { position: string; adopted_at: string; adopted_on: string; rule: string }>(
      'SELECT CAST(position AS TEXT) AS position, adopted_at, adopted_on, rule FROM rhythm_rules WHERE position <= ? ORDER BY position',
    )
    .all(asOf)
    .map((r) => ({
      rule: ruleFromEvent(JSON.parse(r.rule) as RankingRuleAdoptedData),
      adoptedOn: r.adopted_on,
      adoptedAt: r.adopted_at,
      position: r.position,
    }));
}

export function latestRuleVersion(db: Database.Database, ruleId: string): number | null {
  const row = db
    .prepare<[string], { v: number | null }>('SELECT MAX(version) AS v FROM rhythm_rules WHERE rule_id = ?')
    .get(ruleId);
  return row?.v ?? null;
}

export type PublicationKind = 'ranking' | 'bulletin';

export interface PublicationRow {
  readonly kind: PublicationKind;
  readonly period: string;
  /** The position of the publication event itself. */
  readonly position: string;
  readonly eventId: string;
  readonly recordedAt: string;
  readonly actor: { id: string; role: string };
  /** The event's data in canonical JSON: `{period, rule, checkpoint, content}`. */
  readonly data: string;
}

interface PublicationDbRow {
  kind: PublicationKind;
  period: string;
  position: string;
  event_id: string;
  recorded_at: string;
  actor: string;
  data: string;
}

const publication = (r: PublicationDbRow): PublicationRow => ({
  kind: r.kind,
  period: r.period,
  position: r.position,
  eventId: r.event_id,
  recordedAt: r.recorded_at,
  actor: JSON.parse(r.actor),
  data: r.data,
});

export function publicationKnownAt(
  db: Database.Database,
  kind: PublicationKind,
  period: string,
  asOf: Position,
): PublicationRow | null {
  const row = db
    .prepare<[string, string, bigint], PublicationDbRow>(
      `SELECT kind, period, CAST(position AS TEXT) AS position, event_id, recorded_at, actor, data
       FROM rhythm_publications WHERE kind = ? AND period = ? AND position <= ?`,
    )
    .get(kind, period, asOf);
  return row ? publication(row) : null;
}

export function publicationsKnownAt(db: Database.Database, asOf: Position): PublicationRow[] {
  return db
    .prepare<[bigint], PublicationDbRow>(
      `SELECT kind, period, CAST(position AS TEXT) AS position, event_id, recorded_at, actor, data
       FROM rhythm_publications WHERE position <= ? ORDER BY kind, period`,
    )
    .all(asOf)
    .map(publication);
}

/** Backlog campaigns launched by the position, each case with its resolution date (if any) as known then. */
export function campaignsKnownAt(db: Database.Database, asOf: Position): CampaignFact[] {
  const campaigns = db
    .prepare<[bigint], { campaign_id: string; name: string; targets: string }>(
      'SELECT campaign_id, name, targets FROM fact_campaigns WHERE position <= ? ORDER BY campaign_id',
    )
    .all(asOf);
  const cases = db.prepare<
    [bigint, bigint, string],
    { matter_id: string; added_on: string; resolved_on: string | null }
  >(
    `SELECT c.matter_id, c.added_on,
            (SELECT MIN(r.resolved_on) FROM fact_resolutions r WHERE r.matter_id = c.matter_id AND r.position <= ?) AS resolved_on
     FROM fact_campaign_cases c WHERE c.position <= ? AND c.campaign_id = ? ORDER BY c.position`,
  );
  return campaigns.map((c) => ({
    id: c.campaign_id,
    name: c.name,
    targets: JSON.parse(c.targets) as CampaignTarget[],
    cases: cases
      .all(asOf, asOf, c.campaign_id)
      .map((r) => ({ matterId: r.matter_id, addedOn: r.added_on, resolvedOn: r.resolved_on })),
  }));
}

/** The last weekly judgment meeting held on a day before `day`, as known at the position. */
export function lastMeetingBefore(db: Database.Database, asOf: Position, day: LocalDate): MeetingFact | null {
  const meeting = db
    .prepare<
      [bigint, string],
      {
        position: number;
        meeting_id: string;
        kind: MeetingKind;
        chair: string;
        occurred_at: string;
        occurred_on: string;
      }
    >(
      `SELECT position, meeting_id, kind, chair, occurred_at, occurred_on FROM fact_meetings
       WHERE position <= ? AND kind = 'weekly_judgment' AND occurred_on < ?
       ORDER BY occurred_on DESC, occurred_at DESC, position DESC LIMIT 1`,
    )
    .get(asOf, day);
  if (!meeting) return null;
  const decisions = db
    .prepare<[number], MeetingDecision>(
      'SELECT matter_id AS matterId, decision, unit, due_by AS dueBy FROM fact_meeting_decisions WHERE position = ? ORDER BY ord',
    )
    .all(meeting.position);
  return {
    meetingId: meeting.meeting_id,
    kind: meeting.kind,
    chair: meeting.chair,
    occurredAt: meeting.occurred_at,
    heldOn: meeting.occurred_on,
    decisions,
  };
}

/** What units did on the given matters, as known at the position. */
export function actsOn(db: Database.Database, asOf: Position, matterIds: readonly string[]): UnitAct[] {
  if (matterIds.length === 0) return [];
  const query = db.prepare<
    [bigint, string],
    { matter_id: string; type: string; unit: string | null; occurred_at: string; occurred_on: string }
  >(
    `SELECT matter_id, type, unit, occurred_at, occurred_on FROM rhythm_acts
     WHERE position <= ? AND matter_id = ? AND type <> 'SatisfactionEvaluated' AND type <> 'OwnerAssigned' ORDER BY position`,
  );
  return [...new Set(matterIds)].flatMap((id) =>
    query.all(asOf, id).map((r) => ({
      matterId: r.matter_id,
      type: r.type,
      unit: r.unit,
      occurredAt: r.occurred_at,
      on: r.occurred_on,
    })),
  );
}

/** Matters with an owning leader (包案) as known at the position: the latest owner of each. */
export function ownedMattersKnownAt(db: Database.Database, asOf: Position): OwnedMatterFact[] {
  return db
    .prepare<
      Record<string, unknown>,
      {
        matter_id: string;
        value: string;
        occurred_on: string;
        unit: string | null;
        subject: string | null;
        resolved_on: string | null;
      }
    >(
      `SELECT o.matter_id, o.value, o.occurred_on, v.assigned_unit AS unit, v.subject,
              (SELECT MIN(r.resolved_on) FROM fact_resolutions r WHERE r.matter_id = o.matter_id AND r.position <= @asOf) AS resolved_on
       FROM rhythm_acts o
       JOIN fact_matter_versions v ON v.matter_id = o.matter_id AND ${validAt('v')}
       WHERE o.type = 'OwnerAssigned' AND o.position = (
         SELECT MAX(x.position) FROM rhythm_acts x WHERE x.matter_id = o.matter_id AND x.type = 'OwnerAssigned' AND x.position <= @asOf)
       ORDER BY o.matter_id`,
    )
    .all({ asOf })
    .map((r) => ({
      matterId: r.matter_id,
      leader: r.value,
      since: r.occurred_on,
      unit: r.unit,
      subject: r.subject,
      resolvedOn: r.resolved_on,
    }));
}

export interface AccountabilityRow {
  readonly position: string;
  readonly id: string;
  readonly kind: string;
  readonly unit: string;
  readonly person: string | null;
  readonly occurredAt: string;
  readonly occurredOn: LocalDate;
  readonly grounds: { readonly ranking?: string; readonly bulletin?: string; readonly matters?: readonly string[] };
}

/** Summons and criticisms (约谈, 通报批评) against a unit, as known at the position, oldest first. */
export function accountabilityAgainst(db: Database.Database, asOf: Position, unit: string): AccountabilityRow[] {
  return db
    .prepare<
      [string, bigint],
      {
        position: string;
        id: string;
        kind: string;
        unit: string;
        person: string | null;
        occurred_at: string;
        occurred_on: string;
        ranking: string | null;
        bulletin: string | null;
        matters: string;
      }
    >(
      `SELECT CAST(position AS TEXT) AS position, id, kind, unit, person, occurred_at, occurred_on, ranking, bulletin, matters
       FROM fact_accountability WHERE unit = ? AND position <= ? ORDER BY occurred_on, position`,
    )
    .all(unit, asOf)
    .map((r) => {
      const matters = JSON.parse(r.matters) as string[];
      return {
        position: r.position,
        id: r.id,
        kind: r.kind,
        unit: r.unit,
        person: r.person,
        occurredAt: r.occurred_at,
        occurredOn: r.occurred_on,
        grounds: {
          ...(r.ranking !== null ? { ranking: r.ranking } : {}),
          ...(r.bulletin !== null ? { bulletin: r.bulletin } : {}),
          ...(matters.length ? { matters } : {}),
        },
      };
    });
}
