/** The 月排名's figures from GET /rankings/{month}: pure, so jest checks them without a browser. */

export interface Fraction {
  readonly numerator: number;
  readonly denominator: number;
  readonly rate: number | null;
  readonly wilson: { readonly low: number; readonly high: number } | null;
}

export interface Limits {
  readonly denominator: number;
  readonly lower95: number;
  readonly upper95: number;
  readonly lower998: number;
  readonly upper998: number;
}

export interface RankingRow {
  readonly unit: string;
  readonly name: string;
  readonly group: string;
  readonly rank?: number;
  readonly score?: number | null;
  readonly flagged?: boolean;
  readonly tiedWith?: readonly string[];
  readonly cases: number;
  readonly scored?: readonly string[];
  readonly reason?: string;
  readonly indicators: Readonly<Record<string, Fraction>>;
}

export interface RankingGroup {
  readonly id: string;
  readonly name: string;
  readonly ranked: number;
  readonly tooFew: number;
  readonly funnel?: {
    readonly indicators: Readonly<
      Record<string, { readonly target: number | null; readonly limits: readonly Limits[] }>
    >;
  };
}

export interface RankingRule {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly indicators: readonly { readonly key: string; readonly direction: string; readonly weight: number }[];
}

export interface Ranking {
  readonly period: string;
  readonly from: string;
  readonly to: string;
  readonly asOf: string;
  readonly rule: RankingRule;
  readonly groups: readonly RankingGroup[];
  readonly rows: readonly RankingRow[];
  readonly tooFewToRank: readonly RankingRow[];
  readonly published?: import('./bureau-ui').Publication;
}

/** For interval bars: per unit of the group (in rank order), the 95 % Wilson interval as a base and a span, and the rate. */
export function intervalBars(rows: readonly RankingRow[], indicator: string) {
  const shown = rows.filter((r) => r.indicators[indicator]?.wilson);
  return {
    units: shown.map((r) => r.name),
    base: shown.map((r) => r.indicators[indicator].wilson!.low),
    span: shown.map(
      (r) => Math.round((r.indicators[indicator].wilson!.high - r.indicators[indicator].wilson!.low) * 100) / 100,
    ),
    rate: shown.map((r) => r.indicators[indicator].rate),
  };
}

/** For the funnel plot: the group's control limits by denominator, its target, and each unit as [denominator, rate, name]. */
export function funnelSeries(group: RankingGroup, rows: readonly RankingRow[], indicator: string) {
  const funnel = group.funnel?.indicators[indicator];
  const limits = funnel?.limits ?? [];
  const points = (list: readonly RankingRow[]) =>
    list
      .filter(
        (r) =>
          r.indicators[indicator] && r.indicators[indicator].denominator > 0 && r.indicators[indicator].rate !== null,
      )
      .map(
        (r) =>
          [r.indicators[indicator].denominator, r.indicators[indicator].rate as number, r.name] as [
            number,
            number,
            string,
          ],
      );
  return {
    target: funnel?.target ?? null,
    lower95: limits.map((l) => [l.denominator, l.lower95] as [number, number]),
    upper95: limits.map((l) => [l.denominator, l.upper95] as [number, number]),
    lower998: limits.map((l) => [l.denominator, l.lower998] as [number, number]),
    upper998: limits.map((l) => [l.denominator, l.upper998] as [number, number]),
    ranked: points(rows.filter((r) => r.rank !== undefined)),
    tooFew: points(rows.filter((r) => r.rank === undefined)),
  };
}

/** Each unit's rank as published beside its rank now (restatement side by side), in the current order. */
export function rankComparison(published: Ranking, current: Ranking) {
  const before = new Map(published.rows.map((r) => [r.unit, r]));
  return current.rows.map((r) => ({
    unit: r.unit,
    name: r.name,
    group: r.group,
    publishedRank: before.get(r.unit)?.rank ?? null,
    publishedScore: before.get(r.unit)?.score ?? null,
    rank: r.rank ?? null,
    score: r.score ?? null,
    moved:
      (before.get(r.unit)?.rank ?? null) !== (r.rank ?? null) ||
      (before.get(r.unit)?.score ?? null) !== (r.score ?? null),
  }));
}
