import type { Channel, EvaluationResult, Level } from '../code-lists';
import type { StatutoryStep } from '../clock/statutory-limits';
import { milestoneOutcome, MilestoneOutcome } from '../matter/matter-deadlines';
import { DateRange, periodContains } from '../periods/periods';
import { addDays, compareDates, LocalDate } from '../time/local-date';
import type { ContactFact, EvaluationFact, MatterMilestone, ResolutionFact } from './rhythm-facts';

/** A rate's raw counts: the rate itself is `rate(numerator, denominator)`. */
export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
}

/** How one case entered an indicator: in its numerator (and denominator), its denominator only, or neither. */
export type Counted = 'numerator' | 'denominator' | 'excluded';

/** A limit behind timely acceptance, on-time completion or overdue: when it was due, met or missed. */
export interface MilestoneEvidence {
  readonly matterId: string;
  readonly step: StatutoryStep;
  readonly from: LocalDate;
  readonly deadline: LocalDate;
  readonly met: LocalDate | null;
  /** The first day the limit was missed (the day after the deadline), for late and overdue limits. */
  readonly missedOn: LocalDate | null;
  readonly outcome: MilestoneOutcome;
  /** Why an excused limit is not charged: the unit returned the matter as outside its remit (异议). */
  readonly excused: 'remit_returned' | null;
  readonly counted: Counted;
}

export interface ResolutionEvidence {
  readonly matterId: string;
  /** The reply deadline that put the matter in the month's cohort. */
  readonly deadline: LocalDate;
  readonly resolvedOn: LocalDate | null;
  readonly counted: Counted;
}

export interface EvaluationEvidence {
  readonly matterId: string;
  readonly on: LocalDate;
  readonly result: EvaluationResult;
  readonly counted: Counted;
}

export interface ContactEvidence {
  readonly matterId: string;
  readonly occurredOn: LocalDate;
  readonly channel: Channel;
  readonly level: Level;
  readonly repeat: boolean;
  readonly counted: Counted;
}

/** One unit's figures for one period, judged on the period's evaluation day. */
export interface UnitFigures {
  readonly contacts: number;
  readonly persons: number;
  /** 越级访: visits lodged above the city (prefecture, province, Beijing). */
  readonly skipLevel: number;
  readonly collective: number;
  /** Matters with a duty of this unit past its last day and not done, on the evaluation day. */
  readonly overdue: number;
  readonly repeat: Ratio;
  readonly skipLevelShare: Ratio;
  readonly timelyAcceptance: Ratio;
  readonly onTime: Ratio;
  readonly resolution: Ratio;
  readonly satisfaction: Ratio;
}

/** The cases behind each figure, for "why was this unit last". */
export interface UnitEvidence {
  readonly timelyAcceptance: readonly MilestoneEvidence[];
  readonly onTime: readonly MilestoneEvidence[];
  readonly resolution: readonly ResolutionEvidence[];
  readonly satisfaction: readonly EvaluationEvidence[];
  readonly repeat: readonly ContactEvidence[];
  readonly skipLevel: readonly ContactEvidence[];
  readonly overdue: readonly MilestoneEvidence[];
}

export interface UnitResult {
  readonly figures: UnitFigures;
  readonly evidence: UnitEvidence;
}

/**
 * What a period's figures are computed from, as known at one ledger position:
 *
 * - `contacts`: contacts that occurred in the period;
 * - `due`: limits whose last day falls in the period (timely acceptance, on-time completion);
 * - `open`: duties whose last day is before the evaluation day and not met by it (overdue);
 *   extra rows are harmless, each is judged again here;
 * - `resolutions`: resolutions of the matters in `due` (any date; judged against the evaluation day);
 * - `evaluations`: evaluations made in the period.
 */
export interface PeriodFacts {
  readonly period: DateRange;
  readonly evaluatedOn: LocalDate;
  readonly contacts: readonly ContactFact[];
  readonly due: readonly MatterMilestone[];
  readonly open: readonly MatterMilestone[];
  readonly resolutions: readonly ResolutionFact[];
  readonly evaluations: readonly EvaluationFact[];
}

const SATISFIED: readonly EvaluationResult[] = ['satisfied', 'basically_satisfied'];

const byDeadline = (a: MilestoneEvidence, b: MilestoneEvidence) =>
  compareDates(a.deadline, b.deadline) ||
  compareCodePoints(a.matterId, b.matterId) ||
  compareCodePoints(a.step, b.step) ||
  compareDates(a.from, b.from);

/** Code-unit order: the same on every machine, unlike localeCompare. */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function ratio(items: readonly { counted: Counted }[]): Ratio {
  let numerator = 0;
  let denominator = 0;
  for (const item of items) {
    if (item.counted === 'excluded') continue;
    denominator += 1;
    if (item.counted === 'numerator') numerator += 1;
  }
  return { numerator, denominator };
}

/**
 * A limit judged on the evaluation day. A limit still running (pending) is not
 * judged yet and counts nowhere; one excused by a remit return is not charged.
 */
export function milestoneEvidence(m: MatterMilestone, evaluatedOn: LocalDate): MilestoneEvidence {
  const outcome = milestoneOutcome(m, evaluatedOn);
  const met = m.met !== undefined && compareDates(m.met, evaluatedOn) <= 0 ? m.met : null;
  const counted: Counted =
    outcome === 'on_time' ? 'numerator' : outcome === 'late' || outcome === 'overdue' ? 'denominator' : 'excluded';
  return {
    matterId: m.matterId,
    step: m.step,
    from: m.from,
    deadline: m.lastDay,
    met,
    missedOn: outcome === 'late' || outcome === 'overdue' ? addDays(m.lastDay, 1) : null,
    outcome,
    excused: m.excused,
    counted,
  };
}

/** The figures of the units `belongs` accepts (one unit, or every unit for the city total). */
export function computeFigures(facts: PeriodFacts, belongs: (unit: string | null) => boolean): UnitResult {
  const e = facts.evaluatedOn;
  const judged: DateRange = { from: facts.period.from, to: e };
  const contacts = facts.contacts
    .filter((c) => belongs(c.unit) && periodContains(judged, c.occurredOn))
    .slice()
    .sort((a, b) => compareDates(a.occurredOn, b.occurredOn) || compareCodePoints(a.matterId, b.matterId));
  const visitsAbove = contacts.filter((c) => c.channel === 'visit' && c.level !== 'city');
  const contactEvidence = (list: readonly ContactFact[], inNumerator: (c: ContactFact) => boolean): ContactEvidence[] =>
    list.map((c) => ({
      matterId: c.matterId,
      occurredOn: c.occurredOn,
      channel: c.channel,
      level: c.level,
      repeat: c.repeat,
      counted: inNumerator(c) ? 'numerator' : 'denominator',
    }));

  const dueOf = (step: StatutoryStep) =>
    facts.due
      .filter((m) => m.step === step && belongs(m.unit) && periodContains(facts.period, m.lastDay))
      .map((m) => milestoneEvidence(m, e))
      .sort(byDeadline);
  const timelyAcceptance = dueOf('acceptance');
  const onTime = dueOf('reply');

  const resolvedOn = new Map<string, LocalDate>();
  for (const r of facts.resolutions) {
    const known = resolvedOn.get(r.matterId);
    if (known === undefined || compareDates(r.resolvedOn, known) < 0) resolvedOn.set(r.matterId, r.resolvedOn);
  }
  // The cohort is the on-time cohort: matters whose reply fell due in the period.
  // A unit cannot leave it by replying late, nor enter it by resolving early.
  const resolution: ResolutionEvidence[] = onTime.map((m) => {
    const on = resolvedOn.get(m.matterId) ?? null;
    const resolved = on !== null && compareDates(on, e) <= 0;
    return {
      matterId: m.matterId,
      deadline: m.deadline,
      resolvedOn: resolved ? on : null,
      counted: m.counted === 'excluded' ? 'excluded' : resolved ? 'numerator' : 'denominator',
    };
  });

  const satisfaction: EvaluationEvidence[] = facts.evaluations
    .filter((v) => v.of === 'reply' && belongs(v.unit) && periodContains(judged, v.on))
    .map(
      (v) =>
        ({
          matterId: v.matterId,
          on: v.on,
          result: v.result,
          counted: SATISFIED.includes(v.result) ? 'numerator' : 'denominator',
        }) as const,
    )
    .sort((a, b) => compareDates(a.on, b.on) || compareCodePoints(a.matterId, b.matterId));

  const overdue = facts.open
    .filter((m) => m.kind === 'duty' && belongs(m.unit))
    .map((m) => milestoneEvidence(m, e))
    .filter((m) => m.outcome === 'overdue')
    .sort(byDeadline);

  const repeat = contactEvidence(contacts, (c) => c.repeat);
  const skipLevel = contactEvidence(contacts, (c) => c.channel === 'visit' && c.level !== 'city');
  return {
    figures: {
      contacts: contacts.length,
      persons: contacts.reduce((sum, c) => sum + c.headcount, 0),
      skipLevel: visitsAbove.length,
      collective: contacts.filter((c) => c.channel === 'visit' && c.collective).length,
      overdue: new Set(overdue.map((m) => m.matterId)).size,
      repeat: ratio(repeat),
      skipLevelShare: ratio(skipLevel),
      timelyAcceptance: ratio(timelyAcceptance),
      onTime: ratio(onTime),
      resolution: ratio(resolution),
      satisfaction: ratio(satisfaction),
    },
    evidence: { timelyAcceptance, onTime, resolution, satisfaction, repeat, skipLevel, overdue },
  };
}

/**
 * Each unit's figures; facts of units not listed are ignored. The facts are split by
 * unit once (in their order), so each unit's figures look at its own facts only: the
 * same figures as filtering every fact for every unit, without units × facts work.
 */
export function figuresByUnit(facts: PeriodFacts, units: readonly string[]): Map<string, UnitResult> {
  const wanted = new Set(units);
  const split = <T>(items: readonly T[], unitOf: (item: T) => string | null): Map<string, T[]> => {
    const byUnit = new Map<string, T[]>();
    for (const item of items) {
      const unit = unitOf(item);
      if (unit === null || !wanted.has(unit)) continue;
      const list = byUnit.get(unit);
      if (list) list.push(item);
      else byUnit.set(unit, [item]);
    }
    return byUnit;
  };
  const contacts = split(facts.contacts, (c) => c.unit);
  const due = split(facts.due, (m) => m.unit);
  const open = split(facts.open, (m) => m.unit);
  const evaluations = split(facts.evaluations, (v) => v.unit);
  const out = new Map<string, UnitResult>();
  for (const unit of units)
    out.set(
      unit,
      computeFigures(
        {
          ...facts,
          contacts: contacts.get(unit) ?? [],
          due: due.get(unit) ?? [],
          open: open.get(unit) ?? [],
          evaluations: evaluations.get(unit) ?? [],
        },
        (u) => u === unit,
      ),
    );
  return out;
}
