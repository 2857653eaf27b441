import type { UnitKind } from '../code-lists';
import { change, Change, rate, Trend } from '../indicators/indicators';
import { compareCodePoints, Ratio, UnitFigures } from './unit-figures';
import type { UnitInfo } from './rhythm-facts';

/** A count's change against the previous period: (now − before) / before × 100; "new" from 0. */
export interface CountChange extends Change {
  readonly before: number;
}

/** A rate's change, in percentage points (the bulletin's "提高/下降 N 个百分点"); null when either rate is n/a. */
export interface RateChange {
  readonly before: number | null;
  readonly points: number | null;
  readonly trend: Trend | null;
}

export const BULLETIN_COUNTS = ['contacts', 'persons', 'skipLevel', 'overdue'] as const;
export type BulletinCount = (typeof BULLETIN_COUNTS)[number];
export const BULLETIN_RATES = ['repeat', 'timelyAcceptance', 'onTime', 'resolution', 'satisfaction'] as const;
export type BulletinRate = (typeof BULLETIN_RATES)[number];

export type BulletinChange = Record<BulletinCount, CountChange> & Record<`${BulletinRate}Rate`, RateChange>;

/**
 * One unit's line of the half-month bulletin (半月通报). Every rate comes with
 * its numerator and denominator (`repeat: {numerator, denominator}` beside
 * `repeatRate`), so a reader can check it and a null rate is never mistaken for 0.
 */
export interface BulletinRow {
  readonly unit: string;
  readonly name: string;
  readonly kind: UnitKind | null;
  readonly contacts: number;
  readonly persons: number;
  readonly skipLevel: number;
  readonly overdue: number;
  readonly repeat: Ratio;
  readonly repeatRate: number | null;
  readonly timelyAcceptance: Ratio;
  readonly timelyAcceptanceRate: number | null;
  readonly onTime: Ratio;
  readonly onTimeRate: number | null;
  readonly resolution: Ratio;
  readonly resolutionRate: number | null;
  readonly satisfaction: Ratio;
  readonly satisfactionRate: number | null;
  readonly change: BulletinChange;
}

const KIND_ORDER: Record<UnitKind, number> = { town: 0, department: 1, other: 2, village: 3 };

/** The order of the bulletin's rows: towns, departments, other units, villages; by code within each. */
export function bulletinUnitOrder(a: UnitInfo, b: UnitInfo): number {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compareCodePoints(a.code, b.code);
}

function ratePointsChange(now: number | null, before: number | null): RateChange {
  if (now === null) return { before, points: null, trend: null };
  if (before === null) return { before, points: null, trend: 'new' };
  // Rates have 2 decimals: subtract in hundredths so 61.27 − 50.1 is exactly 11.17.
  const diff = Math.round(now * 100) - Math.round(before * 100);
  return { before, points: diff / 100, trend: diff > 0 ? 'up' : diff < 0 ? 'down' : 'flat' };
}

/** One row from this period's and the previous period's figures. */
export function bulletinRow(
  unit: { code: string; name: string; kind: UnitKind | null },
  now: UnitFigures,
  before: UnitFigures,
): BulletinRow {
  const rates = {} as Record<`${BulletinRate}Rate`, number | null>;
  const changes = {} as Record<string, CountChange | RateChange>;
  for (const key of BULLETIN_COUNTS) changes[key] = { before: before[key], ...change(now[key], before[key]) };
  for (const key of BULLETIN_RATES) {
    const current = rate(now[key].numerator, now[key].denominator);
    rates[`${key}Rate`] = current;
    changes[`${key}Rate`] = ratePointsChange(current, rate(before[key].numerator, before[key].denominator));
  }
  return {
    unit: unit.code,
    name: unit.name,
    kind: unit.kind,
    contacts: now.contacts,
    persons: now.persons,
    skipLevel: now.skipLevel,
    overdue: now.overdue,
    repeat: now.repeat,
    repeatRate: rates.repeatRate,
    timelyAcceptance: now.timelyAcceptance,
    timelyAcceptanceRate: rates.timelyAcceptanceRate,
    onTime: now.onTime,
    onTimeRate: rates.onTimeRate,
    resolution: now.resolution,
    resolutionRate: rates.resolutionRate,
    satisfaction: now.satisfaction,
    satisfactionRate: rates.satisfactionRate,
    change: changes as BulletinChange,
  };
}
