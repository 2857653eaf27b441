import fc from 'fast-check';
import { change, rate, shares, sharesByKey, wilson95 } from './indicators';

describe('rate', () => {
  it('reproduces the example report: 606 of 989 is 61.27 %, 559 of 642 is 87.07 %', () => {
    expect(rate(606, 989)).toBe(61.27);
    expect(rate(559, 642)).toBe(87.07);
  });

  it('rounds half-up exactly where floating point would not', () => {
    expect(rate(1, 8)).toBe(12.5);
    expect(rate(1, 16)).toBe(6.25);
    expect(rate(1, 32)).toBe(3.13); // 3.125 exactly
    expect(rate(201, 20000)).toBe(1.01); // 1.005 exactly: Math.round(1.005 * 100) / 100 gives 1
    expect(rate(1, 3)).toBe(33.33);
    expect(rate(2, 3)).toBe(66.67);
    expect(rate(3, 3)).toBe(100);
    expect(rate(0, 5)).toBe(0);
  });

  it('is null, never 0 or 100, over an empty denominator', () => {
    expect(rate(0, 0)).toBeNull();
  });

  it('refuses counts that are not whole numbers', () => {
    expect(() => rate(1.5, 3)).toThrow(RangeError);
    expect(() => rate(-1, 3)).toThrow(RangeError);
  });

  it('matches exact rational rounding for all small fractions (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), (den, raw) => {
        const num = raw % (den + 1);
        const hundredths = Math.round(rate(num, den)! * 100);
        // half-up: hundredths is the integer h with |num*10000/den − h| ≤ 1/2, ties upwards
        expect(2 * num * 10_000 - (2 * hundredths - 1) * den).toBeGreaterThanOrEqual(0);
        expect(2 * num * 10_000 - (2 * hundredths + 1) * den).toBeLessThan(0);
      }),
    );
  });
});

describe('change', () => {
  it('is the percentage change against the earlier figure', () => {
    expect(change(12, 10)).toEqual({ pct: 20, trend: 'up' });
    expect(change(8, 10)).toEqual({ pct: -20, trend: 'down' });
    expect(change(10, 10)).toEqual({ pct: 0, trend: 'flat' });
    expect(change(1, 3)).toEqual({ pct: -66.67, trend: 'down' });
    expect(change(2, 3)).toEqual({ pct: -33.33, trend: 'down' });
  });

  it('has no percentage from zero: 0 → 1 is new (not +100 %), 0 → 0 is flat', () => {
    expect(change(1, 0)).toEqual({ pct: null, trend: 'new' });
    expect(change(0, 0)).toEqual({ pct: null, trend: 'flat' });
    expect(change(0, 4)).toEqual({ pct: -100, trend: 'down' });
  });

  it('compares rates given with decimals exactly', () => {
    expect(change(61.27, 50)).toEqual({ pct: 22.54, trend: 'up' });
    expect(change(0.3, 0.1)).toEqual({ pct: 200, trend: 'up' });
  });
});

describe('wilson95', () => {
  it('gives the 95 % Wilson interval in percent', () => {
    expect(wilson95(606, 989)).toEqual({ low: 58.2, high: 64.26 });
    expect(wilson95(5, 10)).toEqual({ low: 23.66, high: 76.34 });
  });

  it('is pinned to 0 and 100 at the extremes and wide for small denominators', () => {
    expect(wilson95(0, 10)).toEqual({ low: 0, high: 27.75 });
    expect(wilson95(3, 3)).toEqual({ low: 43.85, high: 100 });
  });

  it('is null over an empty denominator', () => {
    expect(wilson95(0, 0)).toBeNull();
  });

  it('always contains the rate (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 5000 }), (den, raw) => {
        const num = raw % (den + 1);
        const { low, high } = wilson95(num, den)!;
        expect(low).toBeLessThanOrEqual(rate(num, den)!);
        expect(high).toBeGreaterThanOrEqual(rate(num, den)!);
        expect(low).toBeGreaterThanOrEqual(0);
        expect(high).toBeLessThanOrEqual(100);
      }),
    );
  });
});

describe('shares', () => {
  it('sums to exactly 100.00 where rounding each share would not', () => {
    expect(shares([1, 1, 1])).toEqual([33.34, 33.33, 33.33]);
    expect(shares([2, 1])).toEqual([66.67, 33.33]);
    expect(shares([13, 17])).toEqual([43.33, 56.67]);
  });

  it('is null when there is nothing to share, and 0 for empty categories', () => {
    expect(shares([])).toBeNull();
    expect(shares([0, 0])).toBeNull();
    expect(shares([0, 5])).toEqual([0, 100]);
  });

  it('keeps keys', () => {
    expect(sharesByKey({ health: 1, education_sports: 1, other: 1 })).toEqual({
      health: 33.34,
      education_sports: 33.33,
      other: 33.33,
    });
  });

  it('always sums to 10 000 hundredths, each within one hundredth of its exact share (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 15 }), (counts) => {
        const result = shares(counts);
        const total = counts.reduce((a, b) => a + b, 0);
        if (total === 0) return expect(result).toBeNull();
        const hundredths = result!.map((s) => Math.round(s * 100));
        expect(hundredths.reduce((a, b) => a + b, 0)).toBe(10_000);
        hundredths.forEach((h, i) => expect(Math.abs(h - (counts[i] * 10_000) / total)).toBeLessThan(1));
      }),
    );
  });
});
