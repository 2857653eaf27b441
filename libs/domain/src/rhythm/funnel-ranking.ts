import type { LocalDate } from '../time/local-date';
import {
  countPosition,
  FunnelLimits,
  funnelDenominators,
  funnelLimits,
  FunnelPosition,
  funnelPosition,
  worseThan,
} from './funnel';
import {
  byRankOrder,
  GroupSummary,
  hundredths,
  IndicatorValue,
  measureGroup,
  MeasuredUnit,
  oriented,
  RankedRow,
  RankingResult,
  ruleSummary,
  scoreOver,
  ShortIndicator,
  tieOrder,
  TooFewRow,
} from './ranking';
import type { RankingIndicator, RankingRule } from './ranking-rule';
import type { UnitInfo } from './rhythm-facts';
import { UnitFigures } from './unit-figures';

/** One unit on one funnel plot. */
export interface FunnelPoint {
  /** The unit's rate (or score), percent. */
  readonly value: number;
  /** The peer group's rate (or the score expected of the group over the same indicators), percent. */
  readonly target: number;
  /** The limits at the unit's denominator (for the score: its effective number of cases). */
  readonly limits: FunnelLimits;
  readonly position: FunnelPosition;
}

export interface UnitFunnel {
  readonly score: FunnelPoint;
  /** Every weighted indicator with at least one case, scored or not. */
  readonly indicators: Readonly<Partial<Record<RankingIndicator, FunnelPoint & { readonly scored: boolean }>>>;
}

/** What a UI needs to draw a group's funnel plots: the centre line and the limits per denominator. */
export interface GroupFunnel {
  readonly indicators: Readonly<
    Partial<
      Record<
        RankingIndicator,
        {
          readonly numerator: number;
          readonly denominator: number;
          readonly target: number;
          readonly limits: readonly FunnelLimits[];
        }
      >
    >
  >;
  /** The score's funnel around the group's expected score over every weighted indicator. */
  readonly score: { readonly target: number; readonly limits: readonly FunnelLimits[] };
}

const round2 = (percent: number): number => Math.round(percent * 100) / 100;

type Unit = MeasuredUnit;

/** The indicators a unit can be scored on: weighted, and at least the rule's minimum cases. */
export function scorableIndicators(
  rule: RankingRule,
  indicators: Readonly<Partial<Record<RankingIndicator, IndicatorValue>>>,
): RankingIndicator[] {
  return rule.indicators
    .filter(
      (i) => i.weight > 0 && indicators[i.key]!.denominator >= i.minDenominator && indicators[i.key]!.denominator > 0,
    )
    .map((i) => i.key);
}

/** The group's pooled rate per weighted indicator (a proportion), over every member with a case. */
function pooledRates(rule: RankingRule, members: readonly Unit[]): Map<RankingIndicator, { num: number; den: number }> {
  const out = new Map<RankingIndicator, { num: number; den: number }>();
  for (const i of rule.indicators) {
    if (i.weight === 0) continue;
    let num = 0;
    let den = 0;
    for (const m of members) {
      num += m.indicators[i.key]!.numerator;
      den += m.indicators[i.key]!.denominator;
    }
    if (den > 0) out.set(i.key, { num, den });
  }
  return out;
}

/**
 * The score's funnel point: the score expected of the group over the unit's
 * scored indicators, T = Σ ŵᵢ pᵢ (pᵢ the group's rate turned so that more is
 * better, ŵᵢ the renormalised weights), and its standard error under "no
 * different from the group", sd = √Σ ŵᵢ² pᵢ(1−pᵢ)/nᵢ. The effective number
 * of cases n = T(1−T)/sd² places the unit on the score's funnel, and the limits
 * are the exact binomial ones around T at n rounded down: with one scored
 * indicator that is its own funnel, and a unit with a single case can never
 * fall outside (a normal approximation T ± z·sd would flag it).
 */
function scorePoint(
  rule: RankingRule,
  unit: Unit,
  scored: readonly RankingIndicator[],
  pooled: Map<RankingIndicator, { num: number; den: number }>,
  score: number,
): FunnelPoint {
  const used = rule.indicators.filter((i) => i.weight > 0 && scored.includes(i.key));
  const total = used.reduce((s, i) => s + i.weight, 0);
  let target = 0;
  let variance = 0;
  for (const i of used) {
    const pool = pooled.get(i.key)!;
    const natural = pool.num / pool.den;
    const p = i.direction === 'higher_is_better' ? natural : 1 - natural;
    const w = i.weight / total;
    target += w * p;
    variance += (w * w * p * (1 - p)) / unit.indicators[i.key]!.denominator;
  }
  const effective = variance > 0 ? (target * (1 - target)) / variance : 0;
  const limits = scoreLimits(target, effective);
  return { value: score, target: round2(target * 100), limits, position: funnelPosition(score, limits, true) };
}

/**
 * Ranks each peer group by the funnel rule (docs/ranking-rule.md, version 2 of
 * the default): indicators under their minimum are shown, not scored; the
 * score is over the rest; `flagged` means worse than the rule's control limit
 * on the score's funnel plot, never merely last.
 */
export function rankByFunnel(
  rule: RankingRule,
  adoptedOn: LocalDate | null,
  units: readonly UnitInfo[],
  figures: ReadonlyMap<string, UnitFigures>,
): RankingResult {
  const settings = rule.funnel;
  if (!settings) throw new RangeError(`rule ${rule.id} v${rule.version} is not a funnel rule`);
  const order = tieOrder(rule);
  const directionOf = new Map(rule.indicators.map((i) => [i.key, i.direction]));
  const rows: RankedRow[] = [];
  const tooFewToRank: TooFewRow[] = [];
  const groups: GroupSummary[] = [];
  for (const group of rule.peerGroups) {
    const members = measureGroup(rule, group, units, figures);
    const pooled = pooledRates(rule, members);
    const candidates: {
      unit: Unit;
      score: number;
      scoreHundredths: number;
      keys: number[];
      scored: RankingIndicator[];
      cases: number;
      funnel: UnitFunnel;
    }[] = [];
    let tooFew = 0;
    let largest = 0;
    let largestEffective = 0;
    for (const unit of members) {
      const weighted = rule.indicators.filter((i) => i.weight > 0);
      const cases = weighted.reduce((s, i) => s + unit.indicators[i.key]!.denominator, 0);
      for (const i of weighted) largest = Math.max(largest, unit.indicators[i.key]!.denominator);
      const scored = scorableIndicators(rule, unit.indicators);
      const short: ShortIndicator[] = weighted
        .filter((i) => !scored.includes(i.key))
        .map((i) => ({
          indicator: i.key,
          denominator: unit.indicators[i.key]!.denominator,
          minimum: i.minDenominator,
        }));
      if (scored.length === 0 || cases < settings.minCases) {
        tooFew += 1;
        tooFewToRank.push({
          group: group.id,
          unit: unit.info.code,
          name: unit.info.name,
          short,
          reason: scored.length === 0 ? 'no_scorable_indicator' : 'fewer_cases_than_floor',
          cases,
          indicators: unit.indicators,
          volumes: unit.volumes,
        });
        continue;
      }
      const score = scoreOver(rule, unit.indicators, scored);
      const indicatorPoints: Partial<Record<RankingIndicator, FunnelPoint & { scored: boolean }>> = {};
      for (const i of weighted) {
        const value = unit.indicators[i.key]!;
        const pool = pooled.get(i.key);
        if (value.rate === null || !pool) continue;
        const p0 = pool.num / pool.den;
        const higher = i.direction === 'higher_is_better';
        indicatorPoints[i.key] = {
          value: value.rate,
          target: round2(p0 * 100),
          limits: funnelLimits(p0, value.denominator),
          position: higher
            ? countPosition(value.numerator, value.denominator, p0)
            : countPosition(value.denominator - value.numerator, value.denominator, 1 - p0),
          scored: scored.includes(i.key),
        };
      }
      const point = scorePoint(rule, unit, scored, pooled, score);
      largestEffective = Math.max(largestEffective, point.limits.denominator);
      candidates.push({
        unit,
        score,
        scoreHundredths: hundredths(score),
        // An indicator not scored sorts after every scored value in the tie order.
        keys: order.map((key) =>
          scored.includes(key) ? oriented(unit.indicators[key]!.rate!, directionOf.get(key)!) : -1,
        ),
        scored,
        cases,
        funnel: { score: point, indicators: indicatorPoints },
      });
    }
    candidates.sort(byRankOrder((c) => c.unit.info.code));
    candidates.forEach((c, index) => {
      rows.push({
        group: group.id,
        rank: index + 1,
        unit: c.unit.info.code,
        name: c.unit.info.name,
        score: c.score,
        flagged: worseThan(c.funnel.score.position, settings.flagLevel),
        tiedWith: candidates
          .filter((o) => o !== c && o.scoreHundredths === c.scoreHundredths)
          .map((o) => o.unit.info.code),
        indicators: c.unit.indicators,
        volumes: c.unit.volumes,
        scored: c.scored,
        cases: c.cases,
        funnel: c.funnel,
      });
    });
    groups.push({
      id: group.id,
      name: group.name,
      kinds: group.kinds,
      ranked: candidates.length,
      tooFew,
      funnel: groupFunnel(rule, pooled, largest, largestEffective),
    });
  }
  return {
    rule: ruleSummary(rule, adoptedOn),
    groups,
    rows,
    tooFewToRank,
  };
}

/** The score's limits at an effective number of cases (2 decimals in `denominator`); none wide open at 0. */
function scoreLimits(target: number, effective: number): FunnelLimits {
  const whole = Math.floor(effective + 1e-9);
  if (whole < 1) {
    // The whole group sits at 0 % or 100 % on the scored indicators: no spread, limits on the target.
    const t = round2(target * 100);
    return { denominator: round2(effective), lower95: t, upper95: t, lower998: t, upper998: t };
  }
  return { ...funnelLimits(target, whole), denominator: round2(effective) };
}

function groupFunnel(
  rule: RankingRule,
  pooled: Map<RankingIndicator, { num: number; den: number }>,
  largest: number,
  largestEffective: number,
): GroupFunnel {
  const indicators: Record<string, GroupFunnel['indicators'][RankingIndicator]> = {};
  let target = 0;
  let total = 0;
  for (const i of rule.indicators) {
    const pool = pooled.get(i.key);
    if (i.weight === 0 || !pool) continue;
    const p0 = pool.num / pool.den;
    indicators[i.key] = {
      numerator: pool.num,
      denominator: pool.den,
      target: round2(p0 * 100),
      limits: funnelDenominators(largest).map((n) => funnelLimits(p0, n)),
    };
    target += i.weight * (i.direction === 'higher_is_better' ? p0 : 1 - p0);
    total += i.weight;
  }
  const t = total > 0 ? target / total : 0;
  return {
    indicators,
    score: {
      target: round2(t * 100),
      limits: funnelDenominators(Math.ceil(largestEffective)).map((n) => funnelLimits(t, n)),
    },
  };
}
