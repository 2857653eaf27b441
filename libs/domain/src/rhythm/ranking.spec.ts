import { parseMonth } from '../periods/periods';
import { unwrap } from '../result';
import { ev } from '../testing/matter-fixtures';
import { at, factsOf, opened } from '../testing/rhythm-fixtures';
import { DEFAULT_RANKING_RULE_V1, RankingRule } from './ranking-rule';
import { rankUnits, scoreOf, tieOrder } from './ranking';
import type { UnitInfo } from './rhythm-facts';
import { figuresByUnit, Ratio, UnitFigures } from './unit-figures';

const r = (numerator: number, denominator: number): Ratio => ({ numerator, denominator });

function figures(f: { ta: Ratio; ot: Ratio; sat: Ratio; res: Ratio; rep: Ratio }): UnitFigures {
  return {
    contacts: f.rep.denominator,
    persons: f.rep.denominator,
    skipLevel: 0,
    collective: 0,
    overdue: 0,
    repeat: f.rep,
    skipLevelShare: r(0, f.rep.denominator),
    timelyAcceptance: f.ta,
    onTime: f.ot,
    resolution: f.res,
    satisfaction: f.sat,
  };
}

const units: UnitInfo[] = [
  { code: 'town-a', name: '城关镇', kind: 'town' },
  { code: 'town-b', name: '城北镇', kind: 'town' },
  { code: 'town-c', name: '城南镇', kind: 'town' },
  { code: 'town-d', name: '东山镇', kind: 'town' },
  { code: 'dept-y', name: '人社局', kind: 'department' },
  { code: 'dept-x', name: '住建局', kind: 'department' },
  { code: 'vil-1', name: '一村', kind: 'village' },
];

describe('the monthly ranking by version 1 of the default rule (kept for months published under it), worked by hand', () => {
  // Default weights: timely acceptance 20, on time 30, satisfaction 20, resolution 20, repeat 10 (less is better).
  const byUnit = new Map<string, UnitFigures>([
    // 20×100 + 30×80 + 20×80 + 20×60 + 10×(100−20) = 8000 → 80.00
    ['town-a', figures({ ta: r(5, 5), ot: r(8, 10), sat: r(4, 5), res: r(6, 10), rep: r(2, 10) })],
    // 20×80 + 30×100 + 20×60 + 20×50 + 10×(100−10) = 7700 → 77.00
    ['town-b', figures({ ta: r(4, 5), ot: r(10, 10), sat: r(3, 5), res: r(5, 10), rep: r(1, 10) })],
    // 20×100 + 30×90 + 20×60 + 20×60 + 10×(100−40) = 7700 → 77.00: tied with town-b
    ['town-c', figures({ ta: r(5, 5), ot: r(9, 10), sat: r(3, 5), res: r(6, 10), rep: r(4, 10) })],
    // 2 acceptances only: under the minimum of 5
    ['town-d', figures({ ta: r(2, 2), ot: r(5, 5), sat: r(5, 5), res: r(5, 5), rep: r(0, 5) })],
    // identical figures: tied on the score and on every indicator
    ['dept-x', figures({ ta: r(6, 6), ot: r(5, 6), sat: r(5, 5), res: r(3, 6), rep: r(1, 5) })],
    ['dept-y', figures({ ta: r(6, 6), ot: r(5, 6), sat: r(5, 5), res: r(3, 6), rep: r(1, 5) })],
    ['vil-1', figures({ ta: r(9, 9), ot: r(9, 9), sat: r(9, 9), res: r(9, 9), rep: r(0, 9) })],
  ]);
  const ranking = rankUnits(DEFAULT_RANKING_RULE_V1, null, units, byUnit);
  const row = (unit: string) => ranking.rows.find((x) => x.unit === unit)!;

  it('scores the weighted mean of the published rates, turning the repeat rate so that less is better', () => {
    expect(row('town-a').score).toBe(80);
    expect(row('town-b').score).toBe(77);
    expect(row('town-c').score).toBe(77);
    // 20×100 + 30×83.33 + 20×100 + 20×50 + 10×(100−20) = 2000 + 2499.9 + 2000 + 1000 + 800 = 8299.9 → 82.999 → 83.00
    expect(row('dept-x').score).toBe(83);
    expect(row('dept-x').indicators.onTime).toEqual({
      numerator: 5,
      denominator: 6,
      rate: 83.33,
      wilson: { low: 43.65, high: 96.99 },
    });
  });

  it('ranks towns with towns and departments with departments; villages are in no peer group', () => {
    expect(ranking.rows.map((x) => [x.group, x.rank, x.unit])).toEqual([
      ['towns', 1, 'town-a'],
      ['towns', 2, 'town-b'],
      ['towns', 3, 'town-c'],
      ['departments', 1, 'dept-x'],
      ['departments', 2, 'dept-y'],
    ]);
    expect(ranking.groups).toEqual([
      { id: 'towns', name: '镇办', kinds: ['town'], ranked: 3, tooFew: 1 },
      { id: 'departments', name: '市直部门', kinds: ['department'], ranked: 2, tooFew: 0 },
    ]);
  });

  it('breaks a tie on the score by the heaviest indicator first (on time: town-b 100 against town-c 90)', () => {
    expect(row('town-b').tiedWith).toEqual(['town-c']);
    expect(row('town-c').tiedWith).toEqual(['town-b']);
    expect(row('town-b').rank).toBeLessThan(row('town-c').rank);
    expect(tieOrder(DEFAULT_RANKING_RULE_V1)).toEqual([
      'onTime',
      'timelyAcceptance',
      'satisfaction',
      'resolution',
      'repeat',
    ]);
  });

  it('breaks a tie on every indicator by unit code, whatever order the units come in', () => {
    expect([row('dept-x').rank, row('dept-y').rank]).toEqual([1, 2]);
    const reversed = rankUnits(DEFAULT_RANKING_RULE_V1, null, [...units].reverse(), byUnit);
    expect(reversed).toEqual(ranking);
  });

  it('lists a unit under a minimum apart, with what it lacks, neither first nor last', () => {
    expect(ranking.tooFewToRank).toEqual([
      expect.objectContaining({
        group: 'towns',
        unit: 'town-d',
        short: [{ indicator: 'timelyAcceptance', denominator: 2, minimum: 5 }],
      }),
    ]);
    expect(ranking.rows.some((x) => x.unit === 'town-d')).toBe(false);
  });

  it('flags the bottom unit of each group for accountability, never a unit too few to rank', () => {
    expect(ranking.rows.filter((x) => x.flagged).map((x) => x.unit)).toEqual(['town-c', 'dept-y']);
  });

  it('flags nobody in a group with no more ranked units than the rule flags', () => {
    const one = rankUnits(
      DEFAULT_RANKING_RULE_V1,
      null,
      units.filter((u) => u.code === 'town-a'),
      byUnit,
    );
    expect(one.rows).toEqual([expect.objectContaining({ unit: 'town-a', rank: 1, flagged: false })]);
  });
});

describe('scores', () => {
  const rule: RankingRule = {
    ...DEFAULT_RANKING_RULE_V1,
    indicators: [
      { key: 'onTime', weight: 2, direction: 'higher_is_better', minDenominator: 1 },
      { key: 'repeat', weight: 1, direction: 'lower_is_better', minDenominator: 1 },
    ],
  };

  it('rounds half-up from exact integer hundredths', () => {
    // (2×33.33 + 1×(100 − 66.67)) / 3 = (66.66 + 33.33) / 3 = 33.33
    expect(
      scoreOf(rule, {
        onTime: { numerator: 1, denominator: 3, rate: 33.33, wilson: null },
        repeat: { numerator: 2, denominator: 3, rate: 66.67, wilson: null },
      }),
    ).toBe(33.33);
    // (2×0.01 + 1×100) / 3 = 100.02 / 3 = 33.34
    expect(
      scoreOf(rule, {
        onTime: { numerator: 1, denominator: 10_000, rate: 0.01, wilson: null },
        repeat: { numerator: 0, denominator: 1, rate: 0, wilson: null },
      }),
    ).toBe(33.34);
    // (2×0.5 + 1×100) / 3 = 101 / 3 = 33.666… → 33.67
    expect(
      scoreOf(rule, {
        onTime: { numerator: 1, denominator: 200, rate: 0.5, wilson: null },
        repeat: { numerator: 0, denominator: 1, rate: 0, wilson: null },
      }),
    ).toBe(33.67);
  });

  it('refuses to score a missing rate rather than read it as 0', () => {
    expect(() => scoreOf(rule, { onTime: { numerator: 0, denominator: 0, rate: null, wilson: null } })).toThrow(
      RangeError,
    );
  });
});

describe('a ranking from the ledger’s facts', () => {
  const rule: RankingRule = {
    ...DEFAULT_RANKING_RULE_V1,
    indicators: [{ key: 'timelyAcceptance', weight: 1, direction: 'higher_is_better', minDenominator: 1 }],
    peerGroups: [{ id: 'departments', name: '市直部门', kinds: ['department'] }],
  };
  const april = unwrap(parseMonth('2022-04'));

  it('does not hold a remit return against the unit that returned the matter in time', () => {
    const f = factsOf([
      [
        ...opened('R1', '2022-04-06', 'dept-land'),
        ev.assigned(at('2022-04-06'), 'dept-land'),
        ev.returned(at('2022-04-08'), 'dept-land'),
        ev.assigned(at('2022-04-11'), 'dept-housing'),
        ev.accepted(at('2022-04-27'), 'dept-housing'), // due 04-26: late
      ],
      [
        ...opened('R2', '2022-04-06', 'dept-land'),
        ev.assigned(at('2022-04-06'), 'dept-land'),
        ev.accepted(at('2022-04-07'), 'dept-land'),
      ],
    ]);
    const facts = {
      period: april,
      evaluatedOn: april.to,
      contacts: f.contacts,
      due: f.milestones,
      open: f.milestones,
      resolutions: [],
      evaluations: [],
    };
    const depts: UnitInfo[] = [
      { code: 'dept-housing', name: '住建局', kind: 'department' },
      { code: 'dept-land', name: '自然资源局', kind: 'department' },
    ];
    const byUnit = new Map(
      [
        ...figuresByUnit(
          facts,
          depts.map((d) => d.code),
        ),
      ].map(([k, v]) => [k, v.figures]),
    );
    const ranking = rankUnits(rule, null, depts, byUnit);
    expect(
      ranking.rows.map((x) => [
        x.rank,
        x.unit,
        x.score,
        x.indicators.timelyAcceptance!.numerator,
        x.indicators.timelyAcceptance!.denominator,
      ]),
    ).toEqual([
      [1, 'dept-land', 100, 1, 1],
      [2, 'dept-housing', 0, 0, 1],
    ]);
  });
});
