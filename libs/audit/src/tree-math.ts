/**
 * Index arithmetic on plain numbers. JavaScript's bitwise operators truncate
 * to 32 bits, so nothing here uses them: halving is Math.floor(x / 2) and the
 * low bit is x % 2, both exact for every safe integer. Sizes are capped at
 * Number.MAX_SAFE_INTEGER (2^53 - 1) so that no index ever loses precision.
 */
import { TreeRangeError } from './errors';

export const MAX_TREE_SIZE = Number.MAX_SAFE_INTEGER;

export function isTreeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function assertTreeNumber(value: unknown, what: string): asserts value is number {
  if (!isTreeNumber(value)) {
    throw new TreeRangeError(`${what} must be an integer between 0 and 2^53 - 1, got ${String(value)}`);
  }
}

/** The largest power of two strictly below n (RFC 6962's k); n must be >= 2. */
export function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** log2(n) if n is a power of two, otherwise undefined. */
export function exactLog2(n: number): number | undefined {
  if (n < 1) return undefined;
  let level = 0;
  while (n > 1) {
    if (n % 2 !== 0) return undefined;
    n /= 2;
    level++;
  }
  return level;
}

export function isOdd(n: number): boolean {
  return n % 2 === 1;
}

export function half(n: number): number {
  return Math.floor(n / 2);
}
