/**
 * Funnel plots (Spiegelhalter, "Funnel plots for comparing institutional
 * performance", Statistics in Medicine 24, 2005): a unit's rate is plotted
 * against its denominator, with control limits around the peer group's rate
 * that narrow as the denominator grows. A unit inside the limits differs from
 * its peers no more than chance would make it; only a unit outside the 99.8 %
 * limit gives evidence of a real difference. That is what keeps one bad case
 * out of three from putting a small unit on the accountability list.
 */

/** The two levels Spiegelhalter recommends: 95 % ("warning") and 99.8 % ("action"). */
export const FUNNEL_LEVELS = [95, 99.8] as const;
export type FunnelLevel = (typeof FUNNEL_LEVELS)[number];

/** Control limits in percent (2 decimals), on the indicator's own scale (a repeat rate stays a repeat rate). */
export interface FunnelLimits {
  readonly denominator: number;
  readonly lower95: number;
  readonly upper95: number;
  readonly lower998: number;
  readonly upper998: number;
}

/**
 * Where a unit sits against its limits, read in the direction that is better
 * (for the repeat rate, "worse" is above the upper limit).
 */
export type FunnelPosition = 'worse_than_99_8' | 'worse_than_95' | 'within' | 'better_than_95' | 'better_than_99_8';

const round2 = (percent: number): number => Math.round(percent * 100) / 100;
const clamp01 = (p: number): number => Math.min(1, Math.max(0, p));

/**
 * The exact binomial quantile with Spiegelhalter's interpolation (his
 * appendix A.1.1): r is the smallest count with P(R ≤ r) ≥ q; the limit is
 * (r − α) / n with α = (P(R ≤ r) − q) / P(R = r), so the limits are a smooth
 * curve rather than a staircase. Returns a proportion in [0, 1].
 */
export function binomialLimit(n: number, p0: number, q: number): number {
  return binomialLimits(n, p0, [q])[0];
}

/**
 * `binomialLimit` for several levels at once, in one walk up the distribution: each
 * level stops where it would alone, on the very same sums, so every limit is the same
 * number to the last bit (a ranking asks four per unit and indicator).
 */
export function binomialLimits(n: number, p0: number, qs: readonly number[]): number[] {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`denominator must be a whole number ≥ 1; got ${n}`);
  if (p0 <= 0) return qs.map(() => 0);
  if (p0 >= 1) return qs.map(() => 1);
  const limits = qs.map(() => 1);
  const pending = qs.map((_, i) => i).sort((a, b) => qs[a] - qs[b]);
  let next = 0;
  const logOdds = Math.log(p0 / (1 - p0));
  let logPmf = n * Math.log(1 - p0);
  let cdf = 0;
  for (let r = 0; r <= n && next < pending.length; r++) {
    if (r > 0) logPmf += Math.log((n - r + 1) / r) + logOdds;
    const pmf = Math.exp(logPmf);
    cdf += pmf;
    for (; next < pending.length && (cdf >= qs[pending[next]] || r === n); next++) {
      const q = qs[pending[next]];
      const alpha = pmf > 0 ? (Math.min(cdf, 1) - q) / pmf : 0;
      limits[pending[next]] = clamp01((r - alpha) / n);
    }
  }
  return limits;
}

/** The limits for denominator n around the group's rate p0 (a proportion, natural direction). */
export function funnelLimits(p0: number, n: number): FunnelLimits {
  const [lower95, upper95, lower998, upper998] = binomialLimits(n, p0, [0.025, 0.975, 0.001, 0.999]).map((l) =>
    round2(l * 100),
  );
  return { denominator: n, lower95, upper95, lower998, upper998 };
}

/** Normal limits for a mean of proportions (the score): target ± z·sd, in percent, clipped to 0..100. */
export const Z = { 95: 1.959963984540054, 99.8: 3.090232306167813 } as const;

export function normalLimits(target: number, sd: number, denominator: number): FunnelLimits {
  const at = (z: number) => round2(clamp01(target + z * sd) * 100);
  return {
    denominator,
    lower95: at(-Z[95]),
    upper95: at(Z[95]),
    lower998: at(-Z[99.8]),
    upper998: at(Z[99.8]),
  };
}

/** The unit's place against its limits; `higherIsBetter` says which side is worse. Inclusive: on the limit is inside. */
export function funnelPosition(value: number, limits: FunnelLimits, higherIsBetter: boolean): FunnelPosition {
  const worse998 = higherIsBetter ? value < limits.lower998 : value > limits.upper998;
  const worse95 = higherIsBetter ? value < limits.lower95 : value > limits.upper95;
  const better998 = higherIsBetter ? value > limits.upper998 : value < limits.lower998;
  const better95 = higherIsBetter ? value > limits.upper95 : value < limits.lower95;
  if (worse998) return 'worse_than_99_8';
  if (worse95) return 'worse_than_95';
  if (better998) return 'better_than_99_8';
  if (better95) return 'better_than_95';
  return 'within';
}

/** P(R ≤ r) for R ~ Binomial(n, p0), summed in log space so that large n does not underflow. */
export function binomialCdf(n: number, p0: number, r: number): number {
  if (r < 0) return 0;
  if (r >= n || p0 <= 0) return 1;
  if (p0 >= 1) return 0;
  const logOdds = Math.log(p0 / (1 - p0));
  let logPmf = n * Math.log(1 - p0);
  let cdf = Math.exp(logPmf);
  for (let k = 1; k <= r; k++) {
    logPmf += Math.log((n - k + 1) / k) + logOdds;
    cdf += Math.exp(logPmf);
  }
  return Math.min(1, cdf);
}

/**
 * A count's place on its funnel, decided by the exact one-sided tail
 * probabilities (is `good` of `n` less likely than 2.5 % or 0.1 % if the unit
 * were like its group?), with `good` and `p0` turned so that more is better.
 * The interpolated limits above are for drawing; at the very edge (0 or all
 * of a handful of cases) they can put a point a hair outside where the tail
 * says chance explains it, and the tail wins: 1 bad case of 1 is never "worse
 * than 99.8 %", 2 good of 2 never "better".
 */
export function countPosition(good: number, n: number, p0: number): FunnelPosition {
  const below = binomialCdf(n, p0, good);
  const above = 1 - binomialCdf(n, p0, good - 1);
  if (below < 0.001) return 'worse_than_99_8';
  if (below < 0.025) return 'worse_than_95';
  if (above < 0.001) return 'better_than_99_8';
  if (above < 0.025) return 'better_than_95';
  return 'within';
}

/** Is the unit outside the rule's flag level, on the worse side? */
export function worseThan(position: FunnelPosition, level: FunnelLevel): boolean {
  return level === 95 ? position === 'worse_than_95' || position === 'worse_than_99_8' : position === 'worse_than_99_8';
}

/**
 * The denominators at which a UI draws the funnel's curves: every count from 1
 * up to the largest denominator in the group (and at least 10), thinned to
 * about 60 points on a geometric grid beyond that.
 */
export function funnelDenominators(largest: number): number[] {
  const top = Math.max(10, largest);
  if (top <= 60) return Array.from({ length: top }, (_, i) => i + 1);
  const out = new Set<number>();
  for (let i = 0; i < 60; i++) out.add(Math.max(1, Math.round(Math.exp((Math.log(top) * i) / 59))));
  out.add(top);
  return [...out].sort((a, b) => a - b);
}
