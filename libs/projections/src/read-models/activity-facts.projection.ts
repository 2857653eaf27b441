import { ClockSettings, EventDataMap, localDateOf, upcast } from '@app/domain';
import { EventEnvelope, type Projection } from '@app/ledger';
import { statementCache, streamId } from './fact-scope';

const statements = statementCache({
  reception: `INSERT OR REPLACE INTO fact_receptions (position, id, occurred_at, occurred_on, leader, batches, persons,
         resolved_on_site_batches, resolved_on_site_persons) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  screening:
    'INSERT OR REPLACE INTO fact_screenings (position, id, occurred_at, occurred_on, unit, found, resolved) VALUES (?, ?, ?, ?, ?, ?, ?)',
  riskAssessment:
    'INSERT OR REPLACE INTO fact_risk_assessments (position, id, occurred_at, occurred_on, project, passed) VALUES (?, ?, ?, ?, ?, ?)',
  campaign: `INSERT OR REPLACE INTO fact_campaigns (position, campaign_id, name, occurred_at, launched_on, last_target, targets)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
  campaignCase: `INSERT OR REPLACE INTO fact_campaign_cases (position, campaign_id, matter_id, assigned_by, occurred_at, added_on)
       VALUES (?, ?, ?, ?, ?, ?)`,
  meeting:
    'INSERT OR REPLACE INTO fact_meetings (position, meeting_id, kind, chair, occurred_at, occurred_on, decisions) VALUES (?, ?, ?, ?, ?, ?, ?)',
  meetingDecision: `INSERT OR REPLACE INTO fact_meeting_decisions (position, ord, meeting_id, matter_id, decision, unit, due_by, occurred_on)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  accountability: `INSERT OR REPLACE INTO fact_accountability (position, id, kind, unit, person, occurred_at, occurred_on, ranking, bulletin, matters)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  upperAssignment: `INSERT OR REPLACE INTO fact_upper_assignments (position, matter_id, level, document_ref, due_by,
       occurred_at, received_on) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  instruction: `INSERT OR REPLACE INTO fact_instructions (position, id, leader, matter_id, subject, occurred_at, occurred_on)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
});

type Statements = ReturnType<typeof statements>;

type Handler = (sql: Statements, event: EventEnvelope, on: string) => void;

function data<T extends keyof EventDataMap>(type: T, event: EventEnvelope): EventDataMap[T] {
  return upcast(type, event.version, event.data);
}

/**
 * The facts outside matters (API.md "Other facts"), one immutable row per event
 * keyed by its ledger position, each with the local date it occurred on: a
 * report for [from, to] as known at P is `occurred_on BETWEEN from AND to AND
 * position <= P`. Rows are written with INSERT OR REPLACE on the position, so
 * applying an event twice changes nothing. The by-day indexes hold the columns the
 * overview sums, so a period is read from the index alone.
 */
const handlers: Record<string, Handler> = {
  ReceptionRecorded(sql, event, on) {
    const d = data('ReceptionRecorded', event);
    sql.reception.run(
      event.position,
      streamId(event.stream),
      event.occurredAt,
      on,
      d.leader,
      d.batches,
      d.persons,
      d.resolvedOnSiteBatches,
      d.resolvedOnSitePersons,
    );
  },
  ScreeningRecorded(sql, event, on) {
    const d = data('ScreeningRecorded', event);
    sql.screening.run(event.position, streamId(event.stream), event.occurredAt, on, d.unit, d.found, d.resolved);
  },
  RiskAssessmentRecorded(sql, event, on) {
    const d = data('RiskAssessmentRecorded', event);
    sql.riskAssessment.run(event.position, streamId(event.stream), event.occurredAt, on, d.project, d.passed ? 1 : 0);
  },
  CampaignLaunched(sql, event, on) {
    const d = data('CampaignLaunched', event);
    const lastTarget = d.targets.length ? d.targets[d.targets.length - 1].by : null;
    sql.campaign.run(event.position, d.campaignId, d.name, event.occurredAt, on, lastTarget, JSON.stringify(d.targets));
  },
  CampaignCaseAdded(sql, event, on) {
    const d = data('CampaignCaseAdded', event);
    sql.campaignCase.run(event.position, d.campaignId, d.matterId, d.assignedBy, event.occurredAt, on);
  },
  MeetingHeld(sql, event, on) {
    const d = data('MeetingHeld', event);
    sql.meeting.run(event.position, d.meetingId, d.kind, d.chair, event.occurredAt, on, d.decisions.length);
    d.decisions.forEach((x, ord) =>
      sql.meetingDecision.run(event.position, ord, d.meetingId, x.matterId, x.decision, x.unit, x.dueBy, on),
    );
  },
  AccountabilityActionRecorded(sql, event, on) {
    const d = data('AccountabilityActionRecorded', event);
    sql.accountability.run(
      event.position,
      streamId(event.stream),
      d.kind,
      d.unit,
      d.person,
      event.occurredAt,
      on,
      d.grounds.ranking ?? null,
      d.grounds.bulletin ?? null,
      JSON.stringify(d.grounds.matters ?? []),
    );
  },
  UpperAssignmentRecorded(sql, event, on) {
    const d = data('UpperAssignmentRecorded', event);
    sql.upperAssignment.run(event.position, d.matterId, d.level, d.documentRef, d.dueBy, event.occurredAt, on);
  },
  // The instruction's text stays in the ledger: reports count instructions, they do not quote them.
  InstructionRecorded(sql, event, on) {
    const d = data('InstructionRecorded', event);
    sql.instruction.run(event.position, streamId(event.stream), d.leader, d.matterId, d.subject, event.occurredAt, on);
  },
};

export function activityFactsProjection(settings: Pick<ClockSettings, 'timeZone'>): Projection {
  return {
    name: 'activity-facts',
    version: 3,
    schema: `
      CREATE TABLE IF NOT EXISTS fact_receptions (
        position INTEGER PRIMARY KEY, id TEXT NOT NULL, occurred_at TEXT NOT NULL, occurred_on TEXT NOT NULL,
        leader TEXT NOT NULL, batches INTEGER NOT NULL, persons INTEGER NOT NULL,
        resolved_on_site_batches INTEGER NOT NULL, resolved_on_site_persons INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS fact_receptions_by_day ON fact_receptions (occurred_on);
      CREATE TABLE IF NOT EXISTS fact_screenings (
        position INTEGER PRIMARY KEY, id TEXT NOT NULL, occurred_at TEXT NOT NULL, occurred_on TEXT NOT NULL,
        unit TEXT NOT NULL, found INTEGER NOT NULL, resolved INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS fact_screenings_by_day ON fact_screenings (occurred_on, position, found, resolved);
      CREATE INDEX IF NOT EXISTS fact_screenings_by_unit ON fact_screenings (unit, occurred_on);
      CREATE TABLE IF NOT EXISTS fact_risk_assessments (
        position INTEGER PRIMARY KEY, id TEXT NOT NULL, occurred_at TEXT NOT NULL, occurred_on TEXT NOT NULL,
        project TEXT NOT NULL, passed INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS fact_risk_assessments_by_day ON fact_risk_assessments (occurred_on, position, passed);
      CREATE TABLE IF NOT EXISTS fact_campaigns (
        position INTEGER PRIMARY KEY, campaign_id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, occurred_at TEXT NOT NULL,
        launched_on TEXT NOT NULL, last_target TEXT, targets TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS fact_campaign_cases (
        position INTEGER PRIMARY KEY, campaign_id TEXT NOT NULL, matter_id TEXT NOT NULL, assigned_by TEXT NOT NULL,
        occurred_at TEXT NOT NULL, added_on TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS fact_campaign_cases_by_campaign ON fact_campaign_cases (campaign_id, added_on, position, matter_id);
      CREATE INDEX IF NOT EXISTS fact_campaign_cases_by_matter ON fact_campaign_cases (matter_id);
      CREATE TABLE IF NOT EXISTS fact_meetings (
        position INTEGER PRIMARY KEY, meeting_id TEXT NOT NULL, kind TEXT NOT NULL, chair TEXT NOT NULL,
        occurred_at TEXT NOT NULL, occurred_on TEXT NOT NULL, decisions INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS fact_meetings_by_day ON fact_meetings (occurred_on);
      CREATE TABLE IF NOT EXISTS fact_meeting_decisions (
        position INTEGER NOT NULL, ord INTEGER NOT NULL, meeting_id TEXT NOT NULL, matter_id TEXT NOT NULL,
        decision TEXT NOT NULL, unit TEXT NOT NULL, due_by TEXT NOT NULL, occurred_on TEXT NOT NULL,
        PRIMARY KEY (position, ord)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS fact_meeting_decisions_by_matter ON fact_meeting_decisions (matter_id);
      CREATE INDEX IF NOT EXISTS fact_meeting_decisions_by_due ON fact_meeting_decisions (due_by);
      CREATE TABLE IF NOT EXISTS fact_accountability (
        position INTEGER PRIMARY KEY, id TEXT NOT NULL, kind TEXT NOT NULL, unit TEXT NOT NULL, person TEXT,
        occurred_at TEXT NOT NULL, occurred_on TEXT NOT NULL, ranking TEXT, bulletin TEXT, matters TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS fact_accountability_by_day ON fact_accountability (occurred_on, position, kind);
      CREATE INDEX IF NOT EXISTS fact_accountability_by_unit ON fact_accountability (unit, occurred_on);
      CREATE TABLE IF NOT EXISTS fact_upper_assignments (
        position INTEGER PRIMARY KEY, matter_id TEXT NOT NULL, level TEXT NOT NULL, document_ref TEXT NOT NULL,
        due_by TEXT NOT NULL, occurred_at TEXT NOT NULL, received_on TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS fact_upper_assignments_by_day ON fact_upper_assignments (received_on);
      CREATE INDEX IF NOT EXISTS fact_upper_assignments_by_due ON fact_upper_assignments (due_by);
      CREATE TABLE IF NOT EXISTS fact_instructions (
        position INTEGER PRIMARY KEY, id TEXT NOT NULL, leader TEXT NOT NULL, matter_id TEXT, subject TEXT,
        occurred_at TEXT NOT NULL, occurred_on TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS fact_instructions_by_day ON fact_instructions (occurred_on);`,
    apply(event: EventEnvelope, { db }) {
      const handler = Object.prototype.hasOwnProperty.call(handlers, event.type) ? handlers[event.type] : undefined;
      if (!handler) return;
      handler(statements(db), event, localDateOf(event.occurredAt, settings.timeZone));
    },
  };
}
