import type Database from 'better-sqlite3';
import {
  addDays,
  BulletinRow,
  bulletinRow,
  bulletinUnitOrder,
  computeFigures,
  evaluationDay,
  figuresByUnit,
  GroupSummary,
  judgmentAgenda,
  JudgmentAgenda,
  LocalDate,
  MatterMilestone,
  MilestoneEvidence,
  milestoneEvidence,
  Period,
  PeriodFacts,
  previousPeriod,
  RankedRow,
  RankingIndicator,
  rankUnits,
  RuleSummary,
  ruleInForce,
  ruleByVersion,
  RuleInForce,
  TooFewRow,
  FunnelPoint,
  INDICATOR_INFO,
  UnitEvidence,
  UnitInfo,
  indicatorValue,
  IndicatorValue,
  rankingAppearance,
  bulletinAppearance,
  RankingAppearance,
  compareCodePoints,
  UnitFigures,
} from '@app/domain';
import { Position } from '@app/ledger';
import { appliedPosition, FactScope } from '../read-models/fact-scope';
import { JUDGED_STEPS } from './unit-figure-sums';
import { unitFiguresNow } from './unit-figures-now';
import {
  accountabilityAgainst,
  AccountabilityRow,
  actsOn,
  campaignsKnownAt,
  contactsKnownAt,
  dutiesOpenOn,
  dutiesOpenOnDays,
  evaluationsKnownAt,
  lastMeetingBefore,
  milestonesDue,
  ownedMattersKnownAt,
  PublicationKind,
  publicationKnownAt,
  publicationsKnownAt,
  resolutionsOfReplyCohort,
  rulesKnownAt,
  unitsKnownAt,
} from './rhythm-queries';

/** Where and when a report is computed: the ledger position it is known at, and today's date for periods not yet over. */
export interface ReportPoint {
  readonly asOf: Position;
  readonly today: LocalDate;
}

/** Everything one period's unit figures need, selected as known at the position (`open`: the duties open on its evaluation day, if already selected). */
export function periodFacts(
  db: Database.Database,
  period: Period,
  point: ReportPoint,
  open?: readonly MatterMilestone[],
): PeriodFacts {
  const evaluatedOn = evaluationDay(period, point.today);
  const scope: FactScope = { from: period.from, to: period.to, asOf: point.asOf };
  return {
    period,
    evaluatedOn,
    contacts: contactsKnownAt(db, scope),
    // The figures judge only these steps' limits (timely acceptance, on-time completion).
    due: milestonesDue(db, scope, JUDGED_STEPS),
    open: open ?? dutiesOpenOn(db, point.asOf, evaluatedOn),
    resolutions: resolutionsOfReplyCohort(db, scope),
    evaluations: evaluationsKnownAt(db, scope),
  };
}

/**
 * The figures of one period for the listed units and the whole city, from the fact rows
 * (any position; with the evidence behind each figure) or, at the read models' own
 * position, from the sums they keep (the same figures, see unit-figures-now.ts).
 * Call inside a read transaction, so that the position and the sums agree.
 */
function periodFigures(
  db: Database.Database,
  period: Period,
  point: ReportPoint,
  units: readonly string[],
  { total, open }: { total: boolean; open: readonly MatterMilestone[] },
): {
  evaluatedOn: LocalDate;
  byUnit: Map<string, UnitFigures>;
  total: UnitFigures | null;
  /** The cases behind each unit's figures: the row path's, selected when first asked for at the read models' position. */
  evidence: () => Map<string, UnitEvidence>;
} {
  if (appliedPosition(db) === point.asOf) {
    const evaluatedOn = evaluationDay(period, point.today);
    const now = unitFiguresNow(db, { period, evaluatedOn, open }, units);
    const evidence = () =>
      new Map([...figuresByUnit(periodFacts(db, period, point, open), units)].map(([code, r]) => [code, r.evidence]));
    return { evaluatedOn, byUnit: now.byUnit, total: total ? now.total : null, evidence };
  }
  const facts = periodFacts(db, period, point, open);
  const results = figuresByUnit(facts, units);
  return {
    evaluatedOn: facts.evaluatedOn,
    byUnit: new Map([...results].map(([code, r]) => [code, r.figures])),
    total: total ? computeFigures(facts, () => true).figures : null,
    evidence: () => new Map([...results].map(([code, r]) => [code, r.evidence])),
  };
}

// ---- the half-month bulletin (半月通报) ----

export interface BulletinDocument {
  readonly kind: 'bulletin';
  readonly period: string;
  readonly from: LocalDate;
  readonly to: LocalDate;
  /** The day the period is judged on: its last day once it is over. */
  readonly evaluatedOn: LocalDate;
  /** The ledger position the figures are known at. */
  readonly asOf: string;
  readonly previous: {
    readonly period: string;
    readonly from: LocalDate;
    readonly to: LocalDate;
    readonly evaluatedOn: LocalDate;
  };
  readonly rows: readonly BulletinRow[];
  /** The whole city: every unit, plus the bureau's own limits in `overdue`. */
  readonly total: BulletinRow;
}

export function computeBulletin(db: Database.Database, period: Period, point: ReportPoint): BulletinDocument {
  const previous = previousPeriod(period);
  return db.transaction(() => {
    const units = unitsKnownAt(db, point.asOf).sort(bulletinUnitOrder);
    const codes = units.map((u) => u.code);
    const [day, dayBefore] = [evaluationDay(period, point.today), evaluationDay(previous, point.today)];
    const open = dutiesOpenOnDays(db, point.asOf, [day, dayBefore]);
    const now = periodFigures(db, period, point, codes, { total: true, open: open.get(day)! });
    const before = periodFigures(db, previous, point, codes, { total: true, open: open.get(dayBefore)! });
    return {
      kind: 'bulletin' as const,
      period: period.id,
      from: period.from,
      to: period.to,
      evaluatedOn: now.evaluatedOn,
      asOf: point.asOf.toString(),
      previous: { period: previous.id, from: previous.from, to: previous.to, evaluatedOn: before.evaluatedOn },
      rows: units.map((u) => bulletinRow(u, now.byUnit.get(u.code)!, before.byUnit.get(u.code)!)),
      total: bulletinRow({ code: '', name: '全市合计', kind: null }, now.total!, before.total!),
    };
  })();
}

// ---- the monthly ranking (月排名) ----

export interface RankingDocument {
  readonly kind: 'ranking';
  readonly period: string;
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly evaluatedOn: LocalDate;
  readonly asOf: string;
  readonly rule: RuleSummary;
  readonly groups: readonly GroupSummary[];
  readonly rows: readonly RankedRow[];
  readonly tooFewToRank: readonly TooFewRow[];
}

export interface RankingComputation {
  readonly document: RankingDocument;
  readonly units: readonly UnitInfo[];
  readonly evidence: ReadonlyMap<string, UnitEvidence>;
}

/** A rule named by id and version, as a publication records it. */
export interface RuleRef {
  readonly id: string;
  readonly version: number;
}

/** Past every position: a publication pins its month's rule whatever position the month is computed at. */
const END_OF_LEDGER = 2n ** 62n;

/**
 * The rule a month is ranked by: the one it was published with, if it was
 * (so a month published under version 1 of the default is recomputed under
 * version 1, byte for byte, after version 2 ships), else the rule in force.
 * `pinned` names it outright (a replay, whose scratch read models end at the
 * checkpoint, before the publication event).
 */
export function rankingRuleFor(
  db: Database.Database,
  month: Period,
  asOf: Position,
  pinned?: RuleRef | null,
): RuleInForce {
  const adopted = rulesKnownAt(db, asOf);
  let ref = pinned ?? null;
  if (!ref) {
    const published = publicationKnownAt(db, 'ranking', month.id, END_OF_LEDGER);
    ref = published ? ((JSON.parse(published.data) as { rule: RuleRef | null }).rule ?? null) : null;
  }
  const found = ref ? ruleByVersion(adopted, ref.id, ref.version) : null;
  return found ?? ruleInForce(adopted, month);
}

export function computeRanking(
  db: Database.Database,
  month: Period,
  point: ReportPoint,
  options: { readonly rule?: RuleRef | null } = {},
): RankingComputation {
  return db.transaction(() => {
    const units = unitsKnownAt(db, point.asOf);
    const { rule, adoptedOn } = rankingRuleFor(db, month, point.asOf, options.rule);
    const ranked = new Set(rule.peerGroups.flatMap((g) => g.kinds));
    const members = units.filter((u) => ranked.has(u.kind));
    const codes = members.map((u) => u.code);
    const open = dutiesOpenOn(db, point.asOf, evaluationDay(month, point.today));
    const figures = periodFigures(db, month, point, codes, { total: false, open });
    const result = rankUnits(rule, adoptedOn, members, figures.byUnit);
    // Only an explanation reads the evidence. At the read models' own position it is selected when
    // first asked for: rows as known at a position stay as they are while the read models move on,
    // so it is the evidence behind these figures whenever it is read.
    let evidence: ReadonlyMap<string, UnitEvidence> | null = null;
    return {
      document: {
        kind: 'ranking' as const,
        period: month.id,
        from: month.from,
        to: month.to,
        evaluatedOn: figures.evaluatedOn,
        asOf: point.asOf.toString(),
        rule: result.rule,
        groups: result.groups,
        rows: result.rows,
        tooFewToRank: result.tooFewToRank,
      },
      units,
      get evidence(): ReadonlyMap<string, UnitEvidence> {
        return (evidence ??= figures.evidence());
      },
    };
  })();
}

export interface IndicatorExplanation extends IndicatorValue {
  readonly weight: number;
  readonly direction: string;
  readonly minDenominator: number;
  /** The cases behind the rate: every matter, its deadline, and when it was met or missed. */
  readonly cases: readonly unknown[];
  /** Funnel rule only: scored or shown only (under its minimum). */
  readonly scored?: boolean;
  /** Funnel rule only: where the unit sits against the group's limits, and the matters that put it there. */
  readonly funnel?: IndicatorFunnelReading;
}

export interface IndicatorFunnelReading extends FunnelPoint {
  /** The matters counted against the unit: missed or unmet (for the repeat rate: the repeat contacts). */
  readonly against: readonly string[];
  /** The same in a sentence, for the dossier. */
  readonly reading: string;
}

const POSITION_ZH: Record<FunnelPoint['position'], string> = {
  worse_than_99_8: '差于99.8%控制限',
  worse_than_95: '差于95%控制限（在99.8%控制限内）',
  within: '在95%控制限内',
  better_than_95: '优于95%控制限',
  better_than_99_8: '优于99.8%控制限',
};

/** Matters counted against the unit on an indicator: in the denominator only, or (less is better) in the numerator. */
function mattersAgainst(cases: readonly unknown[], lowerIsBetter: boolean): string[] {
  const wanted = lowerIsBetter ? 'numerator' : 'denominator';
  const ids = (cases as { matterId: string; counted: string }[])
    .filter((c) => c.counted === wanted)
    .map((c) => c.matterId);
  return [...new Set(ids)];
}

function funnelReading(
  key: RankingIndicator,
  value: IndicatorValue,
  point: FunnelPoint,
  against: readonly string[],
  lowerIsBetter: boolean,
): string {
  const side = point.position.startsWith('worse')
    ? lowerIsBetter
      ? 'upper'
      : 'lower'
    : lowerIsBetter
      ? 'lower'
      : 'upper';
  const limit =
    point.position === 'within'
      ? `${point.limits.lower95.toFixed(2)}%–${point.limits.upper95.toFixed(2)}%`
      : point.position.endsWith('99_8')
        ? `${(side === 'lower' ? point.limits.lower998 : point.limits.upper998).toFixed(2)}%`
        : `${(side === 'lower' ? point.limits.lower95 : point.limits.upper95).toFixed(2)}%`;
  const head = `${INDICATOR_INFO[key].zh} ${point.value.toFixed(2)}%（${value.numerator}/${value.denominator}），同组 ${point.target.toFixed(2)}%，${POSITION_ZH[point.position]}（${limit}）`;
  return against.length > 0 ? `${head}；计为不利的事项：${against.join('、')}` : head;
}

export interface RankingExplanation {
  readonly period: string;
  readonly asOf: string;
  readonly evaluatedOn: LocalDate;
  readonly rule: { readonly id: string; readonly version: number };
  readonly unit: string;
  readonly name: string;
  readonly group: string | null;
  readonly status: 'ranked' | 'too_few_to_rank' | 'not_ranked';
  readonly rank: number | null;
  readonly of: number | null;
  readonly score: number | null;
  readonly flagged: boolean;
  readonly tiedWith: readonly string[];
  /** Funnel rule only: the score on its funnel plot; `flagged` is "worse than the rule's limit" there. */
  readonly scoreFunnel?: FunnelPoint;
  readonly tooFewReason?: string;
  readonly indicators: Readonly<Partial<Record<RankingIndicator, IndicatorExplanation>>>;
  /** Shown, not scored: the matters overdue for this unit at the month's end. */
  readonly overdue: readonly MilestoneEvidence[];
}

/** Why a unit ranked where it did, down to the matters; null when the unit does not exist at the position. */
export function explainRanking(computation: RankingComputation, unit: string): RankingExplanation | null {
  const { document: doc } = computation;
  const info = computation.units.find((u) => u.code === unit);
  if (!info) return null;
  const row = doc.rows.find((r) => r.unit === unit);
  const few = doc.tooFewToRank.find((r) => r.unit === unit);
  const evidence = computation.evidence.get(unit);
  const indicators: Partial<Record<RankingIndicator, IndicatorExplanation>> = {};
  if (evidence) {
    for (const i of doc.rule.indicators) {
      const value = (row ?? few)?.indicators[i.key];
      const cases = evidence[i.key];
      const shown = value ?? indicatorValue({ numerator: 0, denominator: 0 });
      const point = row?.funnel?.indicators[i.key];
      const lowerIsBetter = i.direction === 'lower_is_better';
      const against = point ? mattersAgainst(cases, lowerIsBetter) : [];
      indicators[i.key] = {
        ...shown,
        weight: i.weight,
        direction: i.direction,
        minDenominator: i.minDenominator,
        cases,
        // Funnel rules only, so that an explanation under version 1 keeps its shape.
        ...(doc.rule.funnel && row ? { scored: row.scored!.includes(i.key) } : {}),
        ...(point
          ? { funnel: { ...point, against, reading: funnelReading(i.key, shown, point, against, lowerIsBetter) } }
          : {}),
      };
    }
  }
  const group = row?.group ?? few?.group ?? null;
  return {
    period: doc.period,
    asOf: doc.asOf,
    evaluatedOn: doc.evaluatedOn,
    rule: { id: doc.rule.id, version: doc.rule.version },
    unit,
    name: info.name,
    group,
    status: row ? 'ranked' : few ? 'too_few_to_rank' : 'not_ranked',
    rank: row?.rank ?? null,
    of: row ? doc.rows.filter((r) => r.group === row.group).length : null,
    score: row?.score ?? null,
    flagged: row?.flagged ?? false,
    tiedWith: row?.tiedWith ?? [],
    ...(row?.funnel ? { scoreFunnel: row.funnel.score } : {}),
    ...(few?.reason ? { tooFewReason: few.reason } : {}),
    indicators,
    overdue: evidence?.overdue ?? [],
  };
}

// ---- the weekly judgment agenda (周研判) ----

export function computeAgenda(
  db: Database.Database,
  week: Period,
  point: ReportPoint,
  units?: readonly string[],
): JudgmentAgenda & { readonly asOf: string } {
  const evaluatedOn = evaluationDay(week, point.today);
  // This week and the 4 before it, for rising subjects.
  const contacts = contactsKnownAt(db, { from: addDays(week.from, -28), to: week.to, asOf: point.asOf });
  const meeting = lastMeetingBefore(db, point.asOf, week.from);
  const agenda = judgmentAgenda({
    week,
    evaluatedOn,
    contacts,
    due: milestonesDue(db, { from: week.from, to: week.to, asOf: point.asOf }),
    // Open when the week began; the agenda judges them again on the evaluation day.
    open: dutiesOpenOn(db, point.asOf, week.from),
    campaigns: campaignsKnownAt(db, point.asOf),
    owned: ownedMattersKnownAt(db, point.asOf),
    lastMeeting: meeting,
    acts: meeting
      ? actsOn(
          db,
          point.asOf,
          meeting.decisions.map((d) => d.matterId),
        )
      : [],
    units,
  });
  return { ...agenda, asOf: point.asOf.toString() };
}

// ---- the accountability dossier (问责卷宗) ----

export interface DossierPublication {
  readonly kind: PublicationKind;
  readonly period: string;
  /** Position of the publication event; its checkpoint says what it was computed from. */
  readonly position: string;
  readonly publishedAt: string;
  readonly checkpoint: unknown;
  readonly rule: unknown;
  readonly ranking?: RankingAppearance;
  readonly bulletin?: Record<string, unknown>;
}

export interface OverdueDuty {
  readonly matterId: string;
  readonly step: string;
  readonly from: LocalDate;
  readonly deadline: LocalDate;
  readonly missedOn: LocalDate;
}

export interface UnitDossier {
  readonly unit: UnitInfo;
  readonly asOf: string;
  readonly evaluatedOn: LocalDate;
  readonly publications: readonly DossierPublication[];
  /** Duties of the unit past their last day and not done, today: oldest first. */
  readonly overdue: readonly OverdueDuty[];
  readonly accountability: readonly (AccountabilityRow & { readonly groundedOn: readonly DossierPublication[] })[];
}

export function computeDossier(db: Database.Database, unitCode: string, point: ReportPoint): UnitDossier | null {
  const unit = unitsKnownAt(db, point.asOf).find((u) => u.code === unitCode);
  if (!unit) return null;
  const publications: DossierPublication[] = [];
  for (const p of publicationsKnownAt(db, point.asOf)) {
    const data = JSON.parse(p.data) as { checkpoint: unknown; rule: unknown; content: unknown };
    const base = {
      kind: p.kind,
      period: p.period,
      position: p.position,
      publishedAt: p.recordedAt,
      checkpoint: data.checkpoint,
      rule: data.rule,
    };
    if (p.kind === 'ranking') {
      const ranking = rankingAppearance(data.content, unitCode);
      if (ranking) publications.push({ ...base, ranking });
    } else {
      const bulletin = bulletinAppearance(data.content, unitCode);
      if (bulletin) publications.push({ ...base, bulletin });
    }
  }
  publications.sort((a, b) => compareCodePoints(a.period, b.period) || compareCodePoints(a.kind, b.kind));
  const overdue = dutiesOpenOn(db, point.asOf, point.today)
    .filter((m) => m.unit === unitCode)
    .map((m) => milestoneEvidence(m, point.today))
    .filter((m) => m.outcome === 'overdue')
    .map(({ matterId, step, from, deadline, missedOn }) => ({ matterId, step, from, deadline, missedOn: missedOn! }));
  const accountability = accountabilityAgainst(db, point.asOf, unitCode).map((a) => ({
    ...a,
    groundedOn: publications.filter(
      (p) =>
        (p.kind === 'ranking' && a.grounds.ranking === p.period) ||
        (p.kind === 'bulletin' && a.grounds.bulletin === p.period),
    ),
  }));
  return { unit, asOf: point.asOf.toString(), evaluatedOn: point.today, publications, overdue, accountability };
}
