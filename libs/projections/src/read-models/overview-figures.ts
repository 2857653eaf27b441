import type Database from 'better-sqlite3';
import { addDays, Category, Channel, DateRange, Level, LocalDate, sameDatesOneYearEarlier, Source } from '@app/domain';
import type { Position } from '@app/ledger';
import { buildOverview, CampaignCount, ContactCount, OverviewFigures, OverviewReport } from '../reports/overview';
import { withDates } from './fact-queries';
import { contactGroupsNow, judgeReplies, onlineRepliesNow, ReplyGroup } from './overview-aggregates';
import { appliedPosition, FactScope, knownAt, occurredIn, scopeParams, validAt } from './fact-scope';

export interface ContactGroup {
  channel: Channel;
  level: Level;
  source: Source | null;
  is_collective: number;
  is_repeat: number;
  category: Category;
  batches: number;
  persons: number;
}

/**
 * Where the overview's contact groups and online replies come from: the fact rows
 * filtered "as known at" (any position), or the daily sums the matters projection
 * keeps (only at the read models' own position, which is what they reflect).
 */
export type OverviewPath = 'rows' | 'aggregates';

/**
 * The overview's contact groups as known at a position: `CONTACTS_KNOWN_AT` grouped,
 * without joining the matter versions for the matters whose category never changed
 * (almost all): their contacts' recorded category is the one known at any position.
 */
const CONTACT_GROUPS_KNOWN_AT = `
  SELECT channel, level, source, is_collective, is_repeat, category, COUNT(*) AS batches, SUM(headcount) AS persons
  FROM (
    SELECT c.channel, c.level, c.source, c.is_collective, c.is_repeat, c.recorded_category AS category, c.headcount
    FROM fact_contacts c
    WHERE ${knownAt('c')} AND ${occurredIn('c')} AND c.matter_id NOT IN (SELECT matter_id FROM fact_recategorised)
    UNION ALL
    SELECT c.channel, c.level, c.source, c.is_collective, c.is_repeat, v.category, c.headcount
    FROM fact_recategorised r
    JOIN fact_contacts c ON c.matter_id = r.matter_id
    JOIN fact_matter_versions v ON v.matter_id = c.matter_id AND ${validAt('v')}
    WHERE ${knownAt('c')} AND ${occurredIn('c')}
  )
  GROUP BY channel, level, source, is_collective, is_repeat, category
  ORDER BY channel, level, source, is_collective, is_repeat, category`;

/**
 * The reply limits in force at the position, due in the dates, of matters whose first contact
 * came online: found from indexes alone (limits by last day hold `superseded`), so that only
 * those rows are read.
 */
const ONLINE_REPLIES_KNOWN_AT = `
  SELECT m.matter_id, m.key, m.position FROM fact_milestones m
  WHERE ${validAt('m')} AND m.step = 'reply' AND m.last_day BETWEEN @from AND @to
    AND EXISTS (SELECT 1 FROM fact_contacts c WHERE c.matter_id = m.matter_id AND c.is_repeat = 0
                AND c.channel = 'online' AND ${knownAt('c')})`;

/** A group of contact rows (SQLite's 0/1 flags) as the overview counts it. */
export function contactCountOf(g: ContactGroup): ContactCount {
  return {
    channel: g.channel,
    level: g.level,
    source: g.source,
    collective: g.is_collective === 1,
    repeat: g.is_repeat === 1,
    category: g.category,
    batches: g.batches,
    persons: g.persons,
  };
}

/**
 * The raw figures of the overview for one period as known at one position:
 * a handful of GROUP BY queries over the fact tables, nothing replayed.
 *
 * `judgeDate` is the day limits are judged on (the day after the period, or
 * today while the period runs): a reply limit counts once it is met or past.
 */
export function overviewFigures(
  db: Database.Database,
  scope: FactScope,
  judgeDate: LocalDate,
  path: OverviewPath = 'rows',
): OverviewFigures {
  const params = scopeParams(scope);
  const groups =
    path === 'aggregates'
      ? contactGroupsNow(db, scope.from, scope.to)
      : db.prepare<typeof params, ContactGroup>(CONTACT_GROUPS_KNOWN_AT).all(params);
  const contacts = (groups as ContactGroup[]).map(contactCountOf);

  // Grouped by what their outcome reads (an excused limit counts nowhere): no row reaches JavaScript.
  const { onTime, due } =
    path === 'aggregates'
      ? onlineRepliesNow(db, scope.from, scope.to, judgeDate)
      : judgeReplies(
          db
            .prepare<typeof params, ReplyGroup>(
              `SELECT m.last_day, COALESCE(m.met_on, '') AS met_on, m.kind, COUNT(*) AS n
               FROM fact_milestones m
               WHERE (m.matter_id, m.key, m.position) IN (${ONLINE_REPLIES_KNOWN_AT}) AND m.excused IS NULL
               GROUP BY 1, 2, 3`,
            )
            .all(params),
          judgeDate,
        );

  const receptions = db
    .prepare<typeof params, { leader: string; batches: number; persons: number; rb: number; rp: number }>(
      `SELECT leader, SUM(batches) AS batches, SUM(persons) AS persons,
              SUM(resolved_on_site_batches) AS rb, SUM(resolved_on_site_persons) AS rp
       FROM fact_receptions r WHERE ${knownAt('r')} AND ${occurredIn('r')} GROUP BY leader ORDER BY leader`,
    )
    .all(params)
    .map((r) => ({
      leader: r.leader,
      batches: r.batches,
      persons: r.persons,
      resolvedOnSiteBatches: r.rb,
      resolvedOnSitePersons: r.rp,
    }));

  // A campaign counts its cases as they stand at the period's end (截至目前): cases added by then,
  // of which those resolved by then. Campaigns over before the period began are left out.
  const campaigns: CampaignCount[] = db
    .prepare<typeof params, CampaignCount>(
      `SELECT k.campaign_id AS id, k.name,
         (SELECT COUNT(*) FROM fact_campaign_cases cc
           WHERE cc.campaign_id = k.campaign_id AND ${knownAt('cc')} AND cc.added_on <= @to) AS assigned,
         (SELECT COUNT(*) FROM fact_campaign_cases cc
           WHERE cc.campaign_id = k.campaign_id AND ${knownAt('cc')} AND cc.added_on <= @to
             AND EXISTS (SELECT 1 FROM fact_resolutions r
                          WHERE r.matter_id = cc.matter_id AND ${knownAt('r')} AND r.resolved_on <= @to)) AS resolved
       FROM fact_campaigns k
       WHERE ${knownAt('k')} AND k.launched_on <= @to AND (k.last_target IS NULL OR k.last_target >= @from)
       ORDER BY k.launched_on, k.campaign_id`,
    )
    .all(params);

  const screenings = db
    .prepare<typeof params, { found: number; resolved: number }>(
      `SELECT COALESCE(SUM(found), 0) AS found, COALESCE(SUM(resolved), 0) AS resolved
       FROM fact_screenings s WHERE ${knownAt('s')} AND ${occurredIn('s')}`,
    )
    .get(params)!;

  const riskAssessments = db
    .prepare<typeof params, { total: number; passed: number }>(
      `SELECT COUNT(*) AS total, COALESCE(SUM(passed), 0) AS passed
       FROM fact_risk_assessments a WHERE ${knownAt('a')} AND ${occurredIn('a')}`,
    )
    .get(params)!;

  const accountability = db
    .prepare<typeof params, { summons: number; criticism: number }>(
      `SELECT COALESCE(SUM(kind = 'summons'), 0) AS summons, COALESCE(SUM(kind = 'criticism'), 0) AS criticism
       FROM fact_accountability a WHERE ${knownAt('a')} AND ${occurredIn('a')}`,
    )
    .get(params)!;

  return {
    contacts,
    onlineReplies: { onTime, due },
    receptions,
    campaigns,
    screenings: { found: screenings.found, resolved: screenings.resolved },
    riskAssessments: { total: riskAssessments.total, passed: riskAssessments.passed },
    accountability: { summons: accountability.summons, criticism: accountability.criticism },
  };
}

/** The day a period's limits are judged on: the day after it ends, or today while it runs. */
export function judgeDateFor(to: LocalDate, today: LocalDate): LocalDate {
  const after = addDays(to, 1);
  return after < today ? after : today;
}

/**
 * `GET /reports/overview`: the period and the same dates one year earlier, both
 * as known at `asOf`, shaped and drafted by the pure report builder.
 */
export function overviewReport(
  db: Database.Database,
  period: DateRange,
  asOf: Position,
  today: LocalDate,
): OverviewReport {
  const previous = sameDatesOneYearEarlier(period);
  const scope: FactScope = { from: period.from, to: period.to, asOf };
  // One read transaction: both periods see the same rows even if the runner commits meanwhile,
  // and the daily sums are used only when they stand at the position asked for.
  const read = db.transaction(() => {
    const path: OverviewPath = appliedPosition(db) === asOf ? 'aggregates' : 'rows';
    return {
      now: overviewFigures(db, scope, judgeDateFor(period.to, today), path),
      before: overviewFigures(db, withDates(scope, previous), judgeDateFor(previous.to, today), path),
    };
  });
  const { now, before } = read();
  return buildOverview({ period, previous, asOf: asOf.toString(), now, before });
}
