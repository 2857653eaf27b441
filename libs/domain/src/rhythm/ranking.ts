import type { IndicatorDirection } from '../events/activity-events';
import { Interval, rate, wilson95 } from '../indicators/indicators';
import type { LocalDate } from '../time/local-date';
import type { RankingIndicator, RankingRule } from './ranking-rule';
import type { UnitInfo } from './rhythm-facts';
import type { GroupFunnel, UnitFunnel } from './funnel-ranking';
import { compareCodePoints, Ratio, UnitFigures } from './unit-figures';
import { rankByFunnel } from './funnel-ranking';

/** One indicator of one unit, as the ranking shows it. */
export interface IndicatorValue {
  readonly numerator: number;
  readonly denominator: number;
  /** Percent, half-up to 2 decimals; null over an empty denominator. */
  readonly rate: number | null;
  /** 95 % Wilson score interval in percent: how far the rate can be trusted with so few cases. */
  readonly wilson: Interval | null;
}

/** Shown beside the score, never scored by the default rule. */
export interface Volumes {
  readonly contacts: number;
  readonly persons: number;
  readonly skipLevel: number;
  readonly overdue: number;
}

export interface RankedRow {
  readonly group: string;
  readonly rank: number;
  readonly unit: string;
  readonly name: string;
  readonly score: number;
  /** Among the lowest `flagBottom` of its group: flagged for the accountability dossier. */
  readonly flagged: boolean;
  /** Other units of the group with the same score: the documented tie order placed them. */
  readonly tiedWith: readonly string[];
  readonly indicators: Readonly<Partial<Record<RankingIndicator, IndicatorValue>>>;
  readonly volumes: Volumes;
  /** Funnel rule only: the indicators the score was computed over (others were under their minimum). */
  readonly scored?: readonly RankingIndicator[];
  /** Funnel rule only: the cases over the scored indicators' denominators. */
  readonly cases?: number;
  /** Funnel rule only: where the unit sits on each funnel plot. */
  readonly funnel?: UnitFunnel;
}

export interface ShortIndicator {
  readonly indicator: RankingIndicator;
  readonly denominator: number;
  readonly minimum: number;
}

/** A unit with too few cases on a scored indicator: listed apart, neither first nor last. */
export interface TooFewRow {
  readonly group: string;
  readonly unit: string;
  readonly name: string;
  readonly short: readonly ShortIndicator[];
  /** Funnel rule only: no scorable indicator, or fewer cases than the rule's floor. */
  readonly reason?: 'no_scorable_indicator' | 'fewer_cases_than_floor';
  readonly cases?: number;
  readonly indicators: Readonly<Partial<Record<RankingIndicator, IndicatorValue>>>;
  readonly volumes: Volumes;
}

export interface GroupSummary {
  readonly id: string;
  readonly name: string;
  readonly kinds: readonly string[];
  readonly ranked: number;
  readonly tooFew: number;
  /** Funnel rule only: the group's rates and the limits per denominator, to draw the funnel plots. */
  readonly funnel?: GroupFunnel;
}

/** The rule as a ranking document records it, so the document explains itself. */
export interface RuleSummary {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly adoptedOn: LocalDate | null;
  readonly indicators: RankingRule['indicators'];
  readonly peerGroups: RankingRule['peerGroups'];
  readonly flagBottom: number;
  readonly funnel?: RankingRule['funnel'];
  readonly tieOrder: readonly string[];
}

export interface RankingResult {
  readonly rule: RuleSummary;
  readonly groups: readonly GroupSummary[];
  readonly rows: readonly RankedRow[];
  readonly tooFewToRank: readonly TooFewRow[];
}

export function indicatorRatio(figures: UnitFigures, key: RankingIndicator): Ratio {
  return key === 'skipLevel' ? figures.skipLevelShare : figures[key];
}

export function indicatorValue(r: Ratio): IndicatorValue {
  return {
    numerator: r.numerator,
    denominator: r.denominator,
    rate: rate(r.numerator, r.denominator),
    wilson: wilson95(r.numerator, r.denominator),
  };
}

/** A rate in hundredths of a percent, as an exact integer (rates are half-up to 2 decimals). */
export const hundredths = (value: number): number => Math.round(value * 100);

/** The rate turned so that more is better: 100 − rate for an indicator where less is better. */
export function oriented(value: number, direction: IndicatorDirection): number {
  return direction === 'higher_is_better' ? hundredths(value) : 10_000 - hundredths(value);
}

/**
 * The deterministic rank order of both rule versions: the score, then the
 * tie-break indicators in the rule's order, then the unit code, so that equal
 * figures never leave the order to the sort.
 */
export function byRankOrder<T extends { scoreHundredths: number; keys: readonly number[] }>(
  codeOf: (candidate: T) => string,
): (a: T, b: T) => number {
  return (a, b) => {
    if (a.scoreHundredths !== b.scoreHundredths) return b.scoreHundredths - a.scoreHundredths;
    for (let k = 0; k < a.keys.length; k++) if (a.keys[k] !== b.keys[k]) return b.keys[k] - a.keys[k];
    return compareCodePoints(codeOf(a), codeOf(b));
  };
}

/**
 * The score over the indicators that have enough cases: the weighted mean of
 * their published rates (turned so that more is better), weights renormalised
 * over those indicators, half-up to 2 decimals in integer hundredths.
 */
export function scoreOver(
  rule: RankingRule,
  indicators: Readonly<Partial<Record<RankingIndicator, IndicatorValue>>>,
  scored: readonly RankingIndicator[],
): number {
  let sum = 0n;
  let weights = 0n;
  for (const i of rule.indicators) {
    if (i.weight === 0 || !scored.includes(i.key)) continue;
    const value = indicators[i.key]?.rate;
    if (value === null || value === undefined) throw new RangeError(`indicator ${i.key} has no rate to score`);
    sum += BigInt(i.weight) * BigInt(oriented(value, i.direction));
    weights += BigInt(i.weight);
  }
  if (weights === 0n) throw new RangeError('no indicator to score');
  const q = (2n * sum + weights) / (2n * weights);
  return Number(q) / 100;
}

/**
 * The score by version 1's method: every weighted indicator is scored (the unit
 * has its minimum on each, or it is too few to rank).
 */
export function scoreOf(
  rule: RankingRule,
  indicators: Readonly<Partial<Record<RankingIndicator, IndicatorValue>>>,
): number {
  return scoreOver(
    rule,
    indicators,
    rule.indicators.filter((i) => i.weight > 0).map((i) => i.key),
  );
}

/**
 * The tie order, after the score: the scored indicators by descending weight
 * (rule order between equal weights), each compared on its oriented rate; then
 * the unit code in ascending code-point order. Documented in docs/ranking-rule.md.
 */
export function tieOrder(rule: RankingRule): RankingIndicator[] {
  return rule.indicators
    .map((i, order) => ({ i, order }))
    .filter(({ i }) => i.weight > 0)
    .sort((a, b) => b.i.weight - a.i.weight || a.order - b.order)
    .map(({ i }) => i.key);
}

/** A unit of a peer group, measured on every indicator of the rule, with its volumes. */
export interface MeasuredUnit {
  readonly info: UnitInfo;
  readonly indicators: Partial<Record<RankingIndicator, IndicatorValue>>;
  readonly volumes: Volumes;
}

/** The group's units in code-point order, each measured on every indicator of the rule (both methods start here). */
export function measureGroup(
  rule: RankingRule,
  group: { readonly kinds: readonly string[] },
  units: readonly UnitInfo[],
  figures: ReadonlyMap<string, UnitFigures>,
): MeasuredUnit[] {
  return units
    .filter((u) => group.kinds.includes(u.kind))
    .slice()
    .sort((a, b) => compareCodePoints(a.code, b.code))
    .map((info) => {
      const f = figures.get(info.code);
      if (!f) throw new RangeError(`no figures for unit ${info.code}`);
      const indicators: Partial<Record<RankingIndicator, IndicatorValue>> = {};
      for (const i of rule.indicators) indicators[i.key] = indicatorValue(indicatorRatio(f, i.key));
      return {
        info,
        indicators,
        volumes: { contacts: f.contacts, persons: f.persons, skipLevel: f.skipLevel, overdue: f.overdue },
      };
    });
}

/**
 * The rule as a ranking document records it, so the document explains itself; the
 * same for both methods (`funnel` only for a funnel rule, so version 1's bytes stay).
 */
export function ruleSummary(rule: RankingRule, adoptedOn: LocalDate | null): RuleSummary {
  const directionOf = new Map(rule.indicators.map((i) => [i.key, i.direction]));
  return {
    id: rule.id,
    version: rule.version,
    name: rule.name,
    adoptedOn,
    indicators: rule.indicators,
    peerGroups: rule.peerGroups,
    flagBottom: rule.flagBottom,
    ...(rule.funnel ? { funnel: rule.funnel } : {}),
    tieOrder: [
      ...tieOrder(rule).map(
        (k) => `${k} (${directionOf.get(k) === 'higher_is_better' ? 'higher' : 'lower'} is better)`,
      ),
      'unit code (ascending)',
    ],
  };
}

interface Candidate {
  readonly unit: UnitInfo;
  readonly indicators: Partial<Record<RankingIndicator, IndicatorValue>>;
  readonly volumes: Volumes;
  readonly scoreHundredths: number;
  readonly score: number;
  readonly keys: readonly number[];
}

/**
 * Ranks the units of each peer group by the rule. A unit whose denominator is
 * under the rule's minimum on any scored indicator is listed apart as too few
 * to rank; units of kinds outside every peer group are not ranked at all.
 */
export function rankUnits(
  rule: RankingRule,
  adoptedOn: LocalDate | null,
  units: readonly UnitInfo[],
  figures: ReadonlyMap<string, UnitFigures>,
): RankingResult {
  if (rule.funnel) return rankByFunnel(rule, adoptedOn, units, figures);
  const order = tieOrder(rule);
  const directionOf = new Map(rule.indicators.map((i) => [i.key, i.direction]));
  const rows: RankedRow[] = [];
  const tooFewToRank: TooFewRow[] = [];
  const groups: GroupSummary[] = [];
  for (const group of rule.peerGroups) {
    const candidates: Candidate[] = [];
    let tooFew = 0;
    for (const { info: unit, indicators, volumes } of measureGroup(rule, group, units, figures)) {
      const short: ShortIndicator[] = rule.indicators
        .filter((i) => i.weight > 0 && indicators[i.key]!.denominator < i.minDenominator)
        .map((i) => ({ indicator: i.key, denominator: indicators[i.key]!.denominator, minimum: i.minDenominator }));
      if (short.length > 0) {
        tooFew += 1;
        tooFewToRank.push({ group: group.id, unit: unit.code, name: unit.name, short, indicators, volumes });
        continue;
      }
      const score = scoreOf(rule, indicators);
      candidates.push({
        unit,
        indicators,
        volumes,
        score,
        scoreHundredths: hundredths(score),
        keys: order.map((key) => oriented(indicators[key]!.rate!, directionOf.get(key)!)),
      });
    }
    candidates.sort(byRankOrder((c) => c.unit.code));
    const flagFrom = candidates.length > rule.flagBottom ? candidates.length - rule.flagBottom : candidates.length;
    candidates.forEach((c, index) => {
      rows.push({
        group: group.id,
        rank: index + 1,
        unit: c.unit.code,
        name: c.unit.name,
        score: c.score,
        flagged: index >= flagFrom,
        tiedWith: candidates.filter((o) => o !== c && o.scoreHundredths === c.scoreHundredths).map((o) => o.unit.code),
        indicators: c.indicators,
        volumes: c.volumes,
      });
    });
    groups.push({ id: group.id, name: group.name, kinds: group.kinds, ranked: candidates.length, tooFew });
  }
  return {
    rule: ruleSummary(rule, adoptedOn),
    groups,
    rows,
    tooFewToRank,
  };
}
