import type Database from 'better-sqlite3';
import { Category, LocalDate, OpenDuty, StatutoryStep } from '@app/domain';
import type { Position } from '@app/ledger';
import { validAt } from './fact-scope';

/** The duties of the bureau itself (registering and transferring) have no unit; the reminder lists them under this code. */
export const BUREAU_UNIT = 'bureau';

interface DutyRow {
  matter_id: string;
  unit: string | null;
  step: StatutoryStep;
  category: Category;
  last_day: string;
  owner: string | null;
}

/**
 * Every open duty as known at a position whose last day is on or before
 * `until`: statutory limits of kind `duty`, not met, not excused, with the
 * matter's category and owning leader. Ids, categories, units and limits only.
 */
export function openDuties(
  db: Database.Database,
  asOf: Position,
  until: LocalDate,
  units?: readonly string[],
): OpenDuty[] {
  const params: Record<string, unknown> = { asOf, until };
  const unitFilter = units
    ? `AND COALESCE(m.unit, '${BUREAU_UNIT}') IN (${units.map((_, i) => `@u${i}`).join(', ') || 'NULL'})`
    : '';
  units?.forEach((u, i) => (params[`u${i}`] = u));
  return db
    .prepare<Record<string, unknown>, DutyRow>(
      `SELECT m.matter_id, m.unit, m.step, v.category, m.last_day,
              json_extract(s.state, '$.owner') AS owner
       FROM fact_milestones m
       JOIN fact_matter_versions v ON v.matter_id = m.matter_id AND ${validAt('v')}
       LEFT JOIN matters s ON s.id = m.matter_id
       WHERE ${validAt('m')} AND m.kind = 'duty' AND m.met_on IS NULL AND m.excused IS NULL
         AND m.last_day <= @until ${unitFilter}
       ORDER BY m.last_day, m.matter_id, m.key`,
    )
    .all(params)
    .map((r) => ({
      matterId: r.matter_id,
      unit: r.unit ?? BUREAU_UNIT,
      step: r.step,
      category: r.category,
      lastDay: r.last_day,
      owner: r.owner,
    }));
}
