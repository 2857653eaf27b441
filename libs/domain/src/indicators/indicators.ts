/**
 * Published figures must be reproducible to the byte, so percentages are
 * computed on integers (BigInt) and rounded half-up exactly; floating-point
 * `Math.round(x * 100) / 100` gets cases like 1.005 wrong.
 */

function assertCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
  }
}

/** n / d rounded half away from zero, exact on integers. */
function divideRoundHalfUp(n: bigint, d: bigint): bigint {
  const negative = n < 0n !== d < 0n;
  const [an, ad] = [n < 0n ? -n : n, d < 0n ? -d : d];
  const q = (2n * an + ad) / (2n * ad);
  return negative ? -q : q;
}

/** Hundredths as a number: 6127n → 61.27 (the nearest double, which prints as written). */
const fromHundredths = (hundredths: bigint): number => Number(hundredths) / 100;

/** `numerator / denominator` in percent, rounded half-up to 2 decimals; `null` when there is nothing to rate. */
export function rate(numerator: number, denominator: number): number | null {
  assertCount('numerator', numerator);
  assertCount('denominator', denominator);
  if (denominator === 0) return null;
  return fromHundredths(divideRoundHalfUp(BigInt(numerator) * 10_000n, BigInt(denominator)));
}

/** Exact decimal scaling of a finite number as written by JS (no exponent handling needed for counts and rates). */
function toScaledInteger(value: number, decimals: number): bigint {
  const text = value.toFixed(decimals + 2);
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  const scaled = BigInt(whole + fraction.slice(0, decimals));
  return text.startsWith('-') ? -scaled : scaled;
}

function decimalsOf(value: number): number {
  const text = String(value);
  if (/e/i.test(text)) throw new RangeError(`${value} is too large or too small to compare exactly`);
  return text.includes('.') ? text.split('.')[1].length : 0;
}

export type Trend = 'up' | 'down' | 'flat' | 'new';

export interface Change {
  /** `(now − before) / before × 100`, half-up to 2 decimals; `null` when `before` is 0. */
  readonly pct: number | null;
  readonly trend: Trend;
}

/**
 * The change from `before` to `now`. From 0 there is no percentage: 0 → 1 is
 * "new", not "+100%" (the error the example report makes); 0 → 0 is flat.
 */
export function change(now: number, before: number): Change {
  for (const [name, value] of [
    ['now', now],
    ['before', before],
  ] as const) {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a finite number ≥ 0, got ${value}`);
  }
  if (before === 0) return { pct: null, trend: now === 0 ? 'flat' : 'new' };
  const decimals = Math.max(decimalsOf(now), decimalsOf(before));
  const [n, b] = [toScaledInteger(now, decimals), toScaledInteger(before, decimals)];
  const pct = fromHundredths(divideRoundHalfUp((n - b) * 10_000n, b));
  return { pct, trend: n > b ? 'up' : n < b ? 'down' : 'flat' };
}

export interface Interval {
  readonly low: number;
  readonly high: number;
}

const Z95 = 1.959963984540054;

/**
 * Wilson score interval at 95 %, in percent. Shown beside every ranked rate
 * so that a unit with 3 of 3 is not read as better than one with 97 of 100.
 * Irrational, so rounded from floating point; bounds are clamped to 0..100.
 */
export function wilson95(numerator: number, denominator: number): Interval | null {
  assertCount('numerator', numerator);
  assertCount('denominator', denominator);
  if (numerator > denominator) throw new RangeError(`numerator ${numerator} exceeds denominator ${denominator}`);
  if (denominator === 0) return null;
  const n = denominator;
  const p = numerator / n;
  const z2 = Z95 * Z95;
  const scale = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / scale;
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / scale;
  const pct = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 10_000) / 100;
  return {
    low: numerator === 0 ? 0 : pct(centre - half),
    high: numerator === denominator ? 100 : pct(centre + half),
  };
}

/**
 * Each count's share of the total in percent, with 2 decimals, summing to
 * exactly 100.00: the 10 000 hundredths of a percent are handed out by
 * largest remainder (ties go to the larger count, then to the earlier one).
 * `null` when the total is 0.
 */
export function shares(counts: readonly number[]): number[] | null {
  counts.forEach((c, i) => assertCount(`counts[${i}]`, c));
  const total = counts.reduce((sum, c) => sum + BigInt(c), 0n);
  if (total === 0n) return null;
  const units = counts.map((c) => (BigInt(c) * 10_000n) / total);
  const remainders = counts.map((c) => (BigInt(c) * 10_000n) % total);
  let left = 10_000n - units.reduce((sum, u) => sum + u, 0n);
  const order = counts
    .map((c, i) => i)
    .sort((a, b) => {
      if (remainders[a] !== remainders[b]) return remainders[b] > remainders[a] ? 1 : -1;
      if (counts[a] !== counts[b]) return counts[b] - counts[a];
      return a - b;
    });
  for (const i of order) {
    if (left === 0n) break;
    if (remainders[i] === 0n) continue;
    units[i] += 1n;
    left -= 1n;
  }
  return units.map(fromHundredths);
}

/** `shares` over named counts, keeping the keys. */
export function sharesByKey<K extends string>(counts: Readonly<Record<K, number>>): Record<K, number> | null {
  const keys = Object.keys(counts) as K[];
  const values = shares(keys.map((k) => counts[k]));
  if (!values) return null;
  return Object.fromEntries(keys.map((k, i) => [k, values[i]])) as Record<K, number>;
}
