import type Database from 'better-sqlite3';
import { Channel, LimitKind, LocalDate, Milestone, StatutoryStep } from '@app/domain';
import { FactScope, knownAt, occurredIn, scopeParams, validAt } from './fact-scope';

/**
 * Building blocks over the fact tables for any report, city-wide or per unit
 * (the overview here; the bulletin and the ranking group the same rows by unit).
 * Each is a filter on positions, so every report answers "as known at" for free.
 */

/**
 * Contacts that occurred in the scope's dates and were recorded by its position,
 * each with its matter's category, subject, responsible and assigned unit as
 * known at that position (corrections up to it applied). Use as a subquery and
 * bind `scopeParams(scope)`:
 *
 *     SELECT responsible_unit, COUNT(*) AS batches, SUM(headcount) AS persons
 *     FROM (${CONTACTS_KNOWN_AT}) GROUP BY responsible_unit
 */
export const CONTACTS_KNOWN_AT = `
  SELECT c.position, c.matter_id, c.occurred_on, c.channel, c.level, c.source, c.headcount,
         c.is_collective, c.is_repeat, v.category, v.subject, v.responsible_unit, v.assigned_unit
  FROM fact_contacts c
  JOIN fact_matter_versions v ON v.matter_id = c.matter_id AND ${validAt('v')}
  WHERE ${knownAt('c')} AND ${occurredIn('c')}`;

/** A statutory limit as known at a position, with the matter it belongs to. */
export interface KnownMilestone extends Milestone {
  readonly matterId: string;
  /** `reply#0`, `acceptance#1`, …: the limit within its matter. */
  readonly key: string;
  /** Positions at which the limit appeared and at which it was met (null: not met as known). */
  readonly setAt: string;
  readonly metAt: string | null;
}

export interface MilestoneQuery {
  readonly steps?: readonly StatutoryStep[];
  /** Only matters whose first contact came through this channel. */
  readonly firstChannel?: Channel;
  /** Only limits binding one of these units. */
  readonly units?: readonly string[];
}

/** A `fact_milestones` row as the queries select it (`MILESTONE_COLUMNS`). */
export interface MilestoneRow {
  matter_id: string;
  step: StatutoryStep;
  kind: LimitKind;
  unit: string | null;
  from_on: string;
  last_day: string;
  met_on: string | null;
  extended_by: number | null;
  excused: 'remit_returned' | null;
}

export const MILESTONE_COLUMNS =
  'm.matter_id, m.step, m.kind, m.unit, m.from_on, m.last_day, m.met_on, m.extended_by, m.excused';

/** A stored limit in the domain's shape, with the matter it belongs to. */
export function milestoneFromRow(r: MilestoneRow) {
  return {
    matterId: r.matter_id,
    step: r.step,
    kind: r.kind,
    unit: r.unit,
    from: r.from_on,
    lastDay: r.last_day,
    ...(r.met_on !== null ? { met: r.met_on } : {}),
    ...(r.extended_by !== null ? { extendedBy: r.extended_by } : {}),
    excused: r.excused,
  };
}

interface KnownMilestoneRow extends MilestoneRow {
  key: string;
  set_at: string;
  met_at: string | null;
}

/**
 * Limits whose last day (as known at the scope's position) falls in its dates.
 * Judge them with the domain's `milestoneOutcome(m, day)`: on-time, timely
 * acceptance and overdue figures are all that function over these rows.
 */
export function milestonesKnownAt(
  db: Database.Database,
  scope: FactScope,
  query: MilestoneQuery = {},
): KnownMilestone[] {
  // The rows in force are found in an index by last day alone (it holds `superseded`, and the key,
  // position included); only those are then read, not every earlier version of every limit.
  const found = [validAt('m'), 'm.last_day BETWEEN @from AND @to'];
  const where: string[] = [];
  const params: Record<string, unknown> = { ...scopeParams(scope) };
  if (query.steps) {
    found.push(`m.step IN (${query.steps.map((_, i) => `@step${i}`).join(', ') || 'NULL'})`);
    query.steps.forEach((s, i) => (params[`step${i}`] = s));
  }
  if (query.units) {
    where.push(`m.unit IN (${query.units.map((_, i) => `@unit${i}`).join(', ') || 'NULL'})`);
    query.units.forEach((u, i) => (params[`unit${i}`] = u));
  }
  if (query.firstChannel) {
    found.push(
      'EXISTS (SELECT 1 FROM fact_contacts c WHERE c.matter_id = m.matter_id AND c.is_repeat = 0 AND c.channel = @channel AND c.position <= @asOf)',
    );
    params.channel = query.firstChannel;
  }
  const rows = db
    .prepare<Record<string, unknown>, KnownMilestoneRow>(
      `WITH found AS (SELECT m.matter_id, m.key, m.position FROM fact_milestones m WHERE ${found.join(' AND ')})
       SELECT ${MILESTONE_COLUMNS}, m.key, CAST(m.set_at AS TEXT) AS set_at, CAST(m.met_at AS TEXT) AS met_at
       FROM found f CROSS JOIN fact_milestones m ON m.matter_id = f.matter_id AND m.key = f.key AND m.position = f.position
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY m.matter_id, m.key`,
    )
    .all(params);
  return rows.map((r) => ({ ...milestoneFromRow(r), key: r.key, setAt: r.set_at, metAt: r.met_at }));
}

/** The scope for the same report one period earlier: the same position, other dates. */
export function withDates(scope: FactScope, range: { from: LocalDate; to: LocalDate }): FactScope {
  return { ...scope, from: range.from, to: range.to };
}
