import type Database from 'better-sqlite3';
import { LimitKind, LocalDate, MatterMilestone, milestoneOutcome, Period, Ratio, UnitFigures } from '@app/domain';

/**
 * The unit figures of one period at the read models' own position, from the sums kept
 * in unit-figure-sums.ts plus the few rows no sum replaces: the duties open on its
 * evaluation day (overdue counts matters, not limits) and, for the resolution rate,
 * the reply limits whose matter was resolved by then. The figures
 * are the domain's `computeFigures` over the same facts (the equivalence spec compares
 * the documents byte for byte); they carry no evidence.
 */
export interface FiguresNowInput {
  readonly period: Period;
  readonly evaluatedOn: LocalDate;
  readonly open: readonly MatterMilestone[];
}

/** One unit's figures (or the city's, under ''), each count kept as it is summed. */
class Tally {
  contacts = 0;
  persons = 0;
  skipLevel = 0;
  collective = 0;
  repeats = 0;
  readonly overdue = new Set<string>();
  readonly timelyAcceptance = { numerator: 0, denominator: 0 };
  readonly onTime = { numerator: 0, denominator: 0 };
  resolved = 0;
  readonly satisfaction = { numerator: 0, denominator: 0 };

  /** In the order and shape `computeFigures` gives them. */
  figures(): UnitFigures {
    const ratio = (numerator: number, denominator: number): Ratio => ({ numerator, denominator });
    return {
      contacts: this.contacts,
      persons: this.persons,
      skipLevel: this.skipLevel,
      collective: this.collective,
      overdue: this.overdue.size,
      repeat: ratio(this.repeats, this.contacts),
      skipLevelShare: ratio(this.skipLevel, this.contacts),
      timelyAcceptance: ratio(this.timelyAcceptance.numerator, this.timelyAcceptance.denominator),
      onTime: ratio(this.onTime.numerator, this.onTime.denominator),
      resolution: ratio(this.resolved, this.onTime.denominator),
      satisfaction: ratio(this.satisfaction.numerator, this.satisfaction.denominator),
    };
  }
}

/** How a limit enters its rate, judged on `day`: on time in the numerator, late or overdue in the denominator only. */
function counted(
  row: { last_day: string; met_on: string; kind: LimitKind; excused: string },
  day: LocalDate,
): 'numerator' | 'denominator' | null {
  const outcome = milestoneOutcome(
    {
      step: 'reply',
      kind: row.kind,
      unit: null,
      from: row.last_day,
      lastDay: row.last_day,
      ...(row.met_on !== '' ? { met: row.met_on } : {}),
      excused: row.excused === '' ? null : 'remit_returned',
    },
    day,
  );
  return outcome === 'on_time' ? 'numerator' : outcome === 'late' || outcome === 'overdue' ? 'denominator' : null;
}

/**
 * Each listed unit's figures and the city's (every unit, listed or not, and facts of
 * no unit), as `figuresByUnit` and `computeFigures(facts, () => true)` give them.
 */
export function unitFiguresNow(
  db: Database.Database,
  input: FiguresNowInput,
  units: readonly string[],
): { byUnit: Map<string, UnitFigures>; total: UnitFigures } {
  const { period, evaluatedOn: day } = input;
  const tallies = new Map<string, Tally>(units.map((u) => [u, new Tally()]));
  const total = new Tally();
  const each = (unit: string | null, add: (t: Tally) => void) => {
    add(total);
    const tally = unit === null ? undefined : tallies.get(unit);
    if (tally) add(tally);
  };
  // Contacts count from the period's first day to the day it is judged on.
  const judgedTo = day < period.to ? day : period.to;
  const contactDays = db
    .prepare<
      [string, string],
      { unit: string; contacts: number; persons: number; skip_level: number; collective: number; repeats: number }
    >(
      `SELECT unit, SUM(contacts) AS contacts, SUM(persons) AS persons, SUM(skip_level) AS skip_level,
              SUM(collective) AS collective, SUM(repeats) AS repeats
       FROM agg_unit_contact_days WHERE occurred_on BETWEEN ? AND ? GROUP BY unit`,
    )
    .all(period.from, judgedTo);
  for (const r of contactDays)
    each(r.unit, (t) => {
      t.contacts += r.contacts;
      t.persons += r.persons;
      t.skipLevel += r.skip_level;
      t.collective += r.collective;
      t.repeats += r.repeats;
    });

  type LimitRow = { step: string; unit: string; last_day: string; met_on: string; kind: LimitKind; excused: string };
  const limits = db
    .prepare<[string, string], LimitRow & { n: number }>(
      `SELECT step, unit, last_day, met_on, kind, excused, n FROM agg_unit_limits WHERE last_day BETWEEN ? AND ?`,
    )
    .all(period.from, period.to);
  for (const r of limits) {
    const how = counted(r, day);
    if (how === null) continue;
    each(r.unit === '' ? null : r.unit, (t) => {
      const rate = r.step === 'acceptance' ? t.timelyAcceptance : t.onTime;
      rate.denominator += r.n;
      if (how === 'numerator') rate.numerator += r.n;
    });
  }

  // The resolution rate's cohort is the on-time rate's; its numerator, those of its matters resolved by the day
  // (found from the indexes alone: limits by last day hold `superseded`, resolutions by matter their day).
  const resolved = db
    .prepare<{ from: string; to: string; day: string }, LimitRow & { n: number }>(
      `SELECT m.unit, m.last_day, COALESCE(m.met_on, '') AS met_on, m.kind, COALESCE(m.excused, '') AS excused,
              COUNT(*) AS n
       FROM fact_milestones m
       WHERE (m.matter_id, m.key, m.position) IN (
         SELECT m.matter_id, m.key, m.position FROM fact_milestones m
         WHERE m.step = 'reply' AND m.last_day BETWEEN @from AND @to AND m.superseded IS NULL
           AND EXISTS (SELECT 1 FROM fact_resolutions r WHERE r.matter_id = m.matter_id AND r.resolved_on <= @day))
       GROUP BY 1, 2, 3, 4, 5`,
    )
    .all({ from: period.from, to: period.to, day });
  for (const r of resolved)
    if (counted(r, day) !== null)
      each(r.unit, (t) => {
        t.resolved += r.n;
      });

  const evaluations = db
    .prepare<[string, string], { unit: string; n: number; satisfied: number }>(
      `SELECT unit, SUM(n) AS n, SUM(n * satisfied) AS satisfied
       FROM agg_unit_evaluations WHERE occurred_on BETWEEN ? AND ? GROUP BY unit`,
    )
    .all(period.from, judgedTo);
  for (const r of evaluations)
    each(r.unit === '' ? null : r.unit, (t) => {
      t.satisfaction.denominator += r.n;
      t.satisfaction.numerator += r.satisfied;
    });

  for (const m of input.open)
    if (m.kind === 'duty' && milestoneOutcome(m, day) === 'overdue')
      each(m.unit, (t) => {
        t.overdue.add(m.matterId);
      });

  return {
    byUnit: new Map(units.map((u) => [u, tallies.get(u)!.figures()])),
    total: total.figures(),
  };
}
