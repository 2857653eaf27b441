import {
  binomialCdf,
  binomialLimit,
  binomialLimits,
  countPosition,
  funnelDenominators,
  funnelLimits,
  funnelPosition,
  normalLimits,
  worseThan,
} from './funnel';

describe('funnel plot control limits (Spiegelhalter 2005)', () => {
  it('given a group rate of 80 %, when the denominator grows, then the limits narrow around 80 %', () => {
    const widths = [5, 20, 80, 320].map((n) => {
      const l = funnelLimits(0.8, n);
      return l.upper998 - l.lower998;
    });
    for (let i = 1; i < widths.length; i++) expect(widths[i]).toBeLessThan(widths[i - 1]);
    const big = funnelLimits(0.8, 320);
    expect(big.lower998).toBeGreaterThan(70);
    expect(big.upper998).toBeLessThan(90);
    expect(big.lower95).toBeGreaterThan(big.lower998);
    expect(big.upper95).toBeLessThan(big.upper998);
  });

  it('given a large denominator, then the exact limits agree with the normal approximation p0 ± z·√(p0(1−p0)/n)', () => {
    const n = 2000;
    const sd = Math.sqrt((0.8 * 0.2) / n);
    const exact = funnelLimits(0.8, n);
    const normal = normalLimits(0.8, sd, n);
    expect(Math.abs(exact.lower998 - normal.lower998)).toBeLessThan(0.2);
    expect(Math.abs(exact.upper95 - normal.upper95)).toBeLessThan(0.2);
  });

  it('given one case, then no rate (not even 0 %) is below the 99.8 % limit', () => {
    for (const p0 of [0.5, 0.8, 0.95, 0.99]) expect(funnelLimits(p0, 1).lower998).toBe(0);
  });

  it('interpolates between counts (the P(R ≤ r) = q crossing), so limits are not a staircase', () => {
    // n = 10, p0 = 0.5: P(R ≤ 1) = 11/1024 ≈ 0.0107 ≥ 0.001 > P(R ≤ 0); α = (0.0107 − 0.001) / (10/1024).
    const alpha = (11 / 1024 - 0.001) / (10 / 1024);
    expect(binomialLimit(10, 0.5, 0.001)).toBeCloseTo((1 - alpha) / 10, 12);
  });

  it('given a group rate of 0 or 100 %, then the limits collapse onto it', () => {
    expect(funnelLimits(0, 7)).toEqual({ denominator: 7, lower95: 0, upper95: 0, lower998: 0, upper998: 0 });
    expect(funnelLimits(1, 7).lower998).toBe(100);
  });

  it('reads the position in the better direction: for the repeat rate, worse is above', () => {
    const l = { denominator: 10, lower95: 40, upper95: 60, lower998: 30, upper998: 70 };
    expect(funnelPosition(29.99, l, true)).toBe('worse_than_99_8');
    expect(funnelPosition(35, l, true)).toBe('worse_than_95');
    expect(funnelPosition(30, l, true)).toBe('worse_than_95');
    expect(funnelPosition(40, l, true)).toBe('within');
    expect(funnelPosition(65, l, true)).toBe('better_than_95');
    expect(funnelPosition(75, l, false)).toBe('worse_than_99_8');
    expect(funnelPosition(25, l, false)).toBe('better_than_99_8');
    expect(worseThan('worse_than_95', 99.8)).toBe(false);
    expect(worseThan('worse_than_95', 95)).toBe(true);
    expect(worseThan('worse_than_99_8', 99.8)).toBe(true);
  });

  it('draws curves at every denominator up to 60, then on a geometric grid ending at the largest', () => {
    expect(funnelDenominators(3)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const grid = funnelDenominators(5000);
    expect(grid[0]).toBe(1);
    expect(grid[grid.length - 1]).toBe(5000);
    expect(grid.length).toBeLessThanOrEqual(61);
  });
});

describe('several levels in one walk', () => {
  /** Spiegelhalter's quantile for one level, walked alone from r = 0: what the limits were computed by first. */
  function alone(n: number, p0: number, q: number): number {
    if (p0 <= 0) return 0;
    if (p0 >= 1) return 1;
    const logOdds = Math.log(p0 / (1 - p0));
    let logPmf = n * Math.log(1 - p0);
    let cdf = 0;
    for (let r = 0; r <= n; r++) {
      if (r > 0) logPmf += Math.log((n - r + 1) / r) + logOdds;
      const pmf = Math.exp(logPmf);
      cdf += pmf;
      if (cdf >= q || r === n) return Math.min(1, Math.max(0, (r - (pmf > 0 ? (Math.min(cdf, 1) - q) / pmf : 0)) / n));
    }
    return 1;
  }

  it('gives every level the very number its own walk gives, in the order asked', () => {
    const levels = [0.975, 0.001, 0.5, 0.025, 0.999, 0.001];
    for (const n of [1, 2, 3, 7, 10, 33, 100, 250, 1_000, 4_321])
      for (const p0 of [0, 0.0004, 0.01, 0.1, 0.37, 0.5, 0.8, 0.93, 0.999, 1]) {
        const expected = levels.map((q) => alone(n, p0, q));
        expect(binomialLimits(n, p0, levels)).toEqual(expected);
        expect(levels.map((q) => binomialLimit(n, p0, q))).toEqual(expected);
      }
  });
});

describe('a count’s place on its funnel, by the exact tail probability', () => {
  it('given one bad case of one, or two good of two, then within: chance explains it', () => {
    expect(countPosition(0, 1, 0.95)).toBe('within');
    expect(countPosition(2, 2, 0.8)).toBe('within');
  });

  it('given 16 of 40 against a group at 80 %, then worse than 99.8 %; 26 of 40 worse than 95 % only', () => {
    expect(countPosition(16, 40, 0.8)).toBe('worse_than_99_8');
    expect(countPosition(26, 40, 0.8)).toBe('worse_than_95');
    expect(countPosition(32, 40, 0.8)).toBe('within');
    expect(countPosition(40, 40, 0.8)).toBe('better_than_99_8');
  });

  it('sums the binomial exactly: P(R ≤ 1) for n = 10, p = 0.5 is 11/1024', () => {
    expect(binomialCdf(10, 0.5, 1)).toBeCloseTo(11 / 1024, 14);
    expect(binomialCdf(10, 0.5, 10)).toBe(1);
    expect(binomialCdf(10, 0.5, -1)).toBe(0);
  });
});
