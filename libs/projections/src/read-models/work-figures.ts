import type Database from 'better-sqlite3';
import {
  DateRange,
  judgedCaseStanding,
  LocalDate,
  MeetingKind,
  TopicWindow,
  UpperLevel,
  CampaignTarget,
} from '@app/domain';
import type { Position } from '@app/ledger';
import { buildWorkReport, ContactDetail, WorkFigures, WorkReport, WorkReportOptions } from '../reports/work-report';
import { CONTACTS_KNOWN_AT } from './fact-queries';
import { FactScope, knownAt, occurredIn, scopeParams, validAt } from './fact-scope';
import { judgeDateFor, overviewReport } from './overview-figures';

interface DetailRow {
  occurred_on: string;
  channel: 'online' | 'visit';
  level: string;
  subject: string | null;
  category: ContactDetail['category'];
  is_collective: number;
  is_repeat: number;
  batches: number;
  persons: number;
}

/**
 * The raw figures of sections 二 and 三 for one period as known at one
 * position; like the overview, GROUP BY queries over the fact tables.
 * `judgeDate` is the day limits are judged on (see `judgeDateFor`).
 */
export function workFigures(db: Database.Database, scope: FactScope, judgeDate: LocalDate): WorkFigures {
  const params = scopeParams(scope);
  const judged = { ...params, judge: judgeDate };

  const instructions = db
    .prepare<typeof params, { leader: string; count: number }>(
      `SELECT leader, COUNT(*) AS count FROM fact_instructions i
       WHERE ${knownAt('i')} AND ${occurredIn('i')} GROUP BY leader ORDER BY leader`,
    )
    .all(params);

  const meetings = db
    .prepare<typeof params, { kind: MeetingKind; count: number }>(
      `SELECT kind, COUNT(*) AS count FROM fact_meetings m
       WHERE ${knownAt('m')} AND ${occurredIn('m')} GROUP BY kind ORDER BY kind`,
    )
    .all(params);

  // Every decision of a weekly judgment meeting is one case judged (件次), judged as it stands at the period's end.
  const judgedCases = db
    .prepare<
      typeof judged,
      { judged_on: string; resolved_by: string | null; last_contact_on: string | null; overdue: number }
    >(
      `SELECT d.occurred_on AS judged_on,
         (SELECT MIN(r.resolved_on) FROM fact_resolutions r
           WHERE r.matter_id = d.matter_id AND ${knownAt('r')}) AS resolved_by,
         (SELECT MAX(c.occurred_on) FROM fact_contacts c
           WHERE c.matter_id = d.matter_id AND ${knownAt('c')} AND c.occurred_on <= @to) AS last_contact_on,
         EXISTS (SELECT 1 FROM fact_milestones ms
           WHERE ms.matter_id = d.matter_id AND ${validAt('ms')} AND ms.kind = 'duty' AND ms.excused IS NULL
             AND (ms.met_on IS NULL OR ms.met_on > @to) AND ms.last_day < @judge) AS overdue
       FROM fact_meeting_decisions d JOIN fact_meetings m ON m.position = d.position
       WHERE m.kind = 'weekly_judgment' AND ${knownAt('d')} AND ${occurredIn('d')}
       ORDER BY d.position, d.ord`,
    )
    .all(judged)
    .map((r) =>
      judgedCaseStanding(
        {
          judgedOn: r.judged_on,
          resolvedBy: r.resolved_by,
          lastContactOn: r.last_contact_on,
          overdueAtEnd: r.overdue === 1,
        },
        scope.to,
      ),
    );

  const received = db
    .prepare<typeof params, { level: UpperLevel; count: number }>(
      `SELECT level, COUNT(*) AS count FROM fact_upper_assignments u
       WHERE ${knownAt('u')} AND ${occurredIn('u', 'received_on')} GROUP BY level ORDER BY level`,
    )
    .all(params);

  // 到期办结率: assignments whose assigner's due date fell in the period and has come (or that were completed),
  // completed on time when the matter's first reply (办结) came by that date.
  const upperDue = db
    .prepare<typeof judged, { due: number; on_time: number }>(
      `SELECT COUNT(*) AS due, COALESCE(SUM(replied_on IS NOT NULL AND replied_on <= due_by), 0) AS on_time FROM (
         SELECT u.due_by,
           (SELECT MIN(ms.met_on) FROM fact_milestones ms
             WHERE ms.matter_id = u.matter_id AND ms.step = 'reply' AND ${validAt('ms')} AND ms.met_on < @judge) AS replied_on
         FROM fact_upper_assignments u
         WHERE ${knownAt('u')} AND ${occurredIn('u', 'due_by')})
       WHERE due_by < @judge OR replied_on IS NOT NULL`,
    )
    .get(judged)!;

  const reviews = db
    .prepare<typeof params, { review: number; re_review: number }>(
      `SELECT COALESCE(SUM(ms.step = 'review_decision'), 0) AS review,
              COALESCE(SUM(ms.step = 're_review_decision'), 0) AS re_review
       FROM fact_milestones ms
       WHERE ${validAt('ms')} AND ms.step IN ('review_decision', 're_review_decision') AND ${occurredIn('ms', 'met_on')}`,
    )
    .get(params)!;

  const campaignTargets = db
    .prepare<typeof params, { id: string; targets: string }>(
      `SELECT campaign_id AS id, targets FROM fact_campaigns k WHERE ${knownAt('k')} ORDER BY campaign_id`,
    )
    .all(params)
    .map((c) => ({ id: c.id, targets: JSON.parse(c.targets) as CampaignTarget[] }));

  const contacts = db
    .prepare<typeof params, DetailRow>(
      `SELECT occurred_on, channel, level, subject, category, is_collective, is_repeat,
              COUNT(*) AS batches, SUM(headcount) AS persons
       FROM (${CONTACTS_KNOWN_AT})
       WHERE channel IN ('online', 'visit')
       GROUP BY occurred_on, channel, level, subject, category, is_collective, is_repeat
       ORDER BY occurred_on, channel, level, subject, category, is_collective, is_repeat`,
    )
    .all(params)
    .map((r) => ({
      occurredOn: r.occurred_on,
      channel: r.channel,
      level: r.level,
      subject: r.subject,
      category: r.category,
      collective: r.is_collective === 1,
      repeat: r.is_repeat === 1,
      batches: r.batches,
      persons: r.persons,
    }));

  return {
    instructions,
    meetings,
    judgedCases,
    upperAssignments: { received, due: upperDue.due, onTime: upperDue.on_time },
    reviews: { review: reviews.review, reReview: reviews.re_review },
    campaignTargets,
    contacts,
  };
}

/** `GET /reports/work`: the overview (section 一) and sections 二 and 三, all as known at `asOf`. */
export function workReport(
  db: Database.Database,
  period: DateRange,
  asOf: Position,
  today: LocalDate,
  topics: readonly TopicWindow[],
  options?: WorkReportOptions,
): WorkReport {
  const scope: FactScope = { from: period.from, to: period.to, asOf };
  const read = db.transaction(() => ({
    overview: overviewReport(db, period, asOf, today),
    figures: workFigures(db, scope, judgeDateFor(period.to, today)),
  }));
  const { overview, figures } = read();
  return buildWorkReport({ overview, figures, topics, options });
}
