import { bulletinRow, bulletinUnitOrder } from './bulletin';
import type { UnitInfo } from './rhythm-facts';
import type { UnitFigures } from './unit-figures';

const zero: UnitFigures = {
  contacts: 0,
  persons: 0,
  skipLevel: 0,
  collective: 0,
  overdue: 0,
  repeat: { numerator: 0, denominator: 0 },
  skipLevelShare: { numerator: 0, denominator: 0 },
  timelyAcceptance: { numerator: 0, denominator: 0 },
  onTime: { numerator: 0, denominator: 0 },
  resolution: { numerator: 0, denominator: 0 },
  satisfaction: { numerator: 0, denominator: 0 },
};

describe('a bulletin row', () => {
  const now: UnitFigures = {
    ...zero,
    contacts: 12,
    persons: 30,
    skipLevel: 1,
    overdue: 2,
    repeat: { numerator: 3, denominator: 12 },
    onTime: { numerator: 7, denominator: 8 },
    satisfaction: { numerator: 2, denominator: 3 },
  };
  const before: UnitFigures = {
    ...zero,
    contacts: 10,
    persons: 30,
    overdue: 0,
    repeat: { numerator: 5, denominator: 10 },
    onTime: { numerator: 4, denominator: 4 },
  };
  const row = bulletinRow({ code: 'town-a', name: '城关镇', kind: 'town' }, now, before);

  it('carries every rate with its numerator and denominator, null over nothing', () => {
    expect(row).toEqual(
      expect.objectContaining({
        unit: 'town-a',
        contacts: 12,
        persons: 30,
        skipLevel: 1,
        overdue: 2,
        repeat: { numerator: 3, denominator: 12 },
        repeatRate: 25,
        onTime: { numerator: 7, denominator: 8 },
        onTimeRate: 87.5,
        timelyAcceptance: { numerator: 0, denominator: 0 },
        timelyAcceptanceRate: null,
        satisfactionRate: 66.67,
      }),
    );
  });

  it('compares counts in percent and rates in percentage points, with "new" from nothing', () => {
    expect(row.change.contacts).toEqual({ before: 10, pct: 20, trend: 'up' });
    expect(row.change.persons).toEqual({ before: 30, pct: 0, trend: 'flat' });
    expect(row.change.skipLevel).toEqual({ before: 0, pct: null, trend: 'new' });
    expect(row.change.overdue).toEqual({ before: 0, pct: null, trend: 'new' });
    expect(row.change.repeatRate).toEqual({ before: 50, points: -25, trend: 'down' });
    expect(row.change.onTimeRate).toEqual({ before: 100, points: -12.5, trend: 'down' });
    expect(row.change.satisfactionRate).toEqual({ before: null, points: null, trend: 'new' });
    expect(row.change.timelyAcceptanceRate).toEqual({ before: null, points: null, trend: null });
  });

  it('orders units towns first, then departments, then others, by code', () => {
    const units: UnitInfo[] = [
      { code: 'v', name: 'v', kind: 'village' },
      { code: 'd2', name: 'd2', kind: 'department' },
      { code: 't2', name: 't2', kind: 'town' },
      { code: 'o', name: 'o', kind: 'other' },
      { code: 'd1', name: 'd1', kind: 'department' },
      { code: 't1', name: 't1', kind: 'town' },
    ];
    expect(units.sort(bulletinUnitOrder).map((u) => u.code)).toEqual(['t1', 't2', 'd1', 'd2', 'o', 'v']);
  });
});
