import { DEFAULT_RANKING_RULE, DEFAULT_RANKING_RULE_V1, RankingRule } from './ranking-rule';
import { rankUnits } from './ranking';
import type { UnitInfo } from './rhythm-facts';
import { Ratio, UnitFigures } from './unit-figures';

const r = (numerator: number, denominator: number): Ratio => ({ numerator, denominator });

/** A unit's month where every indicator has the same denominator: `good` of `n` met (repeats: n − good). */
function month(n: number, good: number, overrides: Partial<UnitFigures> = {}): UnitFigures {
  return {
    contacts: n,
    persons: n,
    skipLevel: 0,
    collective: 0,
    overdue: n - good,
    repeat: r(n - good, n),
    skipLevelShare: r(0, n),
    timelyAcceptance: r(good, n),
    onTime: r(good, n),
    resolution: r(good, n),
    satisfaction: r(good, n),
    ...overrides,
  };
}

const unit = (code: string, kind: 'town' | 'department'): UnitInfo => ({ code, name: code, kind });

describe('the funnel rule (default version 2): five units of eight matters in each peer group', () => {
  // Given five towns and five departments, each with eight matters due in the month on every indicator,
  const levels: [string, number][] = [
    ['best', 8],
    ['good', 7],
    ['middle', 6],
    ['poor', 4],
    ['bad', 2],
  ];
  const units = [
    ...levels.map(([l]) => unit(`town-${l}`, 'town')),
    ...levels.map(([l]) => unit(`dept-${l}`, 'department')),
  ];
  const figures = new Map<string, UnitFigures>(
    levels.flatMap(([l, good]) => [
      [`town-${l}`, month(8, good)],
      [`dept-${l}`, month(8, good)],
    ]),
  );
  // when ranked by the shipped default,
  const ranking = rankUnits(DEFAULT_RANKING_RULE, null, units, figures);

  it('then every unit is ranked, best > good > middle > poor > bad in each group', () => {
    expect(ranking.tooFewToRank).toEqual([]);
    for (const group of ['towns', 'departments']) {
      const prefix = group === 'towns' ? 'town' : 'dept';
      expect(ranking.rows.filter((x) => x.group === group).map((x) => x.unit)).toEqual(
        levels.map(([l]) => `${prefix}-${l}`),
      );
    }
    expect(ranking.rows.every((x) => x.scored!.length === 5 && x.cases === 40)).toBe(true);
  });

  it('then version 1 still gives its old answer: it flags the last of each group whatever the evidence', () => {
    // Version 1 ranks these too (8 ≥ 5) and flags the last of each group whatever the evidence:
    const old = rankUnits(DEFAULT_RANKING_RULE_V1, null, units, figures);
    expect(old.rows.filter((x) => x.flagged).map((x) => x.unit)).toEqual(['town-bad', 'dept-bad']);
    expect(old.rows[0].funnel).toBeUndefined();
    expect(old.rule.funnel).toBeUndefined();
  });

  it('then each row carries its funnel point for every indicator and for the score, and the group its curves', () => {
    const bad = ranking.rows.find((x) => x.unit === 'town-bad')!;
    // The towns' pooled on-time rate: (8+7+6+4+2)/40 = 67.5 %.
    expect(bad.funnel!.indicators.onTime!.target).toBe(67.5);
    expect(bad.funnel!.indicators.onTime!.limits.denominator).toBe(8);
    expect(bad.funnel!.indicators.onTime!.value).toBe(25);
    const towns = ranking.groups.find((g) => g.id === 'towns')!;
    expect(towns.funnel!.indicators.onTime!.limits.map((l) => l.denominator)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(towns.funnel!.score.target).toBe(67.5);
  });
});

describe('the funnel rule: accountability only where the evidence says so', () => {
  const towns = ['a', 'b', 'c', 'd', 'e'].map((c) => unit(`town-${c}`, 'town'));

  it('given a homogeneous group, when ranked, then the last unit is last but not flagged', () => {
    const figures = new Map(towns.map((t, i) => [t.code, month(20, 17 + (i % 3))]));
    const ranking = rankUnits(DEFAULT_RANKING_RULE, null, towns, figures);
    expect(ranking.rows).toHaveLength(5);
    expect(ranking.rows.some((x) => x.flagged)).toBe(false);
    expect(ranking.rows[4].funnel!.score.position).toBe('within');
  });

  it('given a unit far below its group with enough cases, when ranked, then it is flagged and the others are not', () => {
    const figures = new Map(towns.map((t) => [t.code, month(40, 36)]));
    figures.set('town-e', month(40, 16));
    const ranking = rankUnits(DEFAULT_RANKING_RULE, null, towns, figures);
    expect(ranking.rows.filter((x) => x.flagged).map((x) => x.unit)).toEqual(['town-e']);
    const e = ranking.rows.find((x) => x.unit === 'town-e')!;
    expect(e.funnel!.score.position).toBe('worse_than_99_8');
    expect(e.funnel!.score.value).toBeLessThan(e.funnel!.score.limits.lower998);
    expect(e.funnel!.indicators.onTime!.position).toBe('worse_than_99_8');
    // The repeat rate is worse above its limit: 24/40 = 60 % against a group rate of 20 %.
    expect(e.funnel!.indicators.repeat!.position).toBe('worse_than_99_8');
  });

  it('given a unit with one case on a rule that scores single cases, then it is ranked and never flagged', () => {
    // A city's own rule with minimum 1 and floor 1: only the funnel stands between one bad case and the dossier.
    const single: RankingRule = {
      ...DEFAULT_RANKING_RULE,
      id: 'city',
      version: 1,
      indicators: DEFAULT_RANKING_RULE.indicators.map((i) => ({ ...i, minDenominator: 1 })),
      funnel: { minCases: 1, flagLevel: 99.8 },
    };
    const one = (good: number): UnitFigures => ({
      ...month(1, good),
      timelyAcceptance: r(good, 1),
      onTime: r(0, 0),
      resolution: r(0, 0),
      satisfaction: r(0, 0),
      repeat: r(0, 0),
    });
    const figures = new Map(towns.map((t) => [t.code, month(60, 58)]));
    figures.set('town-e', one(0));
    const ranking = rankUnits(single, null, towns, figures);
    const e = ranking.rows.find((x) => x.unit === 'town-e')!;
    expect(e.rank).toBe(5);
    expect(e.score).toBe(0);
    expect(e.scored).toEqual(['timelyAcceptance']);
    expect(e.flagged).toBe(false);
    expect(e.funnel!.score.position).not.toBe('worse_than_99_8');
  });

  it('given an indicator under 3 cases, then it is shown, not scored, and the weights are renormalised', () => {
    const figures = new Map(towns.map((t) => [t.code, month(10, 9)]));
    // town-a: 2 evaluations only (both unsatisfied): satisfaction is shown and left out of the score.
    figures.set('town-a', { ...month(10, 9), satisfaction: r(0, 2) });
    const ranking = rankUnits(DEFAULT_RANKING_RULE, null, towns, figures);
    const a = ranking.rows.find((x) => x.unit === 'town-a')!;
    expect(a.scored).toEqual(['timelyAcceptance', 'onTime', 'resolution', 'repeat']);
    expect(a.indicators.satisfaction).toEqual(expect.objectContaining({ numerator: 0, denominator: 2, rate: 0 }));
    expect(a.funnel!.indicators.satisfaction!.scored).toBe(false);
    // (20×90 + 30×90 + 20×90 + 10×(100−10)) / 80 = 90, the same as with satisfaction at 90 %.
    expect(a.score).toBe(90);
    expect(ranking.rows.find((x) => x.unit === 'town-b')!.score).toBe(90);
  });

  it('given no scorable indicator, or fewer cases than the floor, then the unit is too few to rank, saying why', () => {
    const figures = new Map(towns.map((t) => [t.code, month(10, 9)]));
    figures.set('town-a', month(2, 2));
    figures.set('town-b', {
      ...month(0, 0),
      timelyAcceptance: r(3, 3),
    });
    const ranking = rankUnits(DEFAULT_RANKING_RULE, null, towns, figures);
    expect(ranking.tooFewToRank.map((x) => [x.unit, x.reason, x.cases])).toEqual([
      ['town-a', 'no_scorable_indicator', 10],
      ['town-b', 'fewer_cases_than_floor', 3],
    ]);
    expect(ranking.groups[0]).toEqual(expect.objectContaining({ ranked: 3, tooFew: 2 }));
  });
});

describe('the worked example of docs/ranking-rule.md', () => {
  const f = (ta: Ratio, ot: Ratio, sat: Ratio, res: Ratio, rep: Ratio): UnitFigures => ({
    contacts: rep.denominator,
    persons: rep.denominator,
    skipLevel: 0,
    collective: 0,
    overdue: 0,
    repeat: rep,
    skipLevelShare: r(0, rep.denominator),
    timelyAcceptance: ta,
    onTime: ot,
    resolution: res,
    satisfaction: sat,
  });
  const towns = ['town-a', 'town-b', 'town-c', 'town-d'].map((code) => unit(code, 'town'));
  const figures = new Map([
    ['town-a', f(r(20, 20), r(18, 20), r(15, 16), r(16, 20), r(2, 24))],
    ['town-b', f(r(2, 2), r(4, 4), r(1, 2), r(3, 4), r(0, 3))],
    ['town-c', f(r(19, 20), r(17, 20), r(14, 16), r(15, 20), r(3, 25))],
    ['town-d', f(r(14, 24), r(9, 22), r(8, 15), r(6, 22), r(9, 26))],
  ]);
  const ranking = rankUnits(DEFAULT_RANKING_RULE, null, towns, figures);
  const row = (code: string) => ranking.rows.find((x) => x.unit === code)!;

  it('gives the figures the document works by hand', () => {
    expect(ranking.rows.map((x) => [x.unit, x.rank, x.score, x.flagged])).toEqual([
      ['town-b', 1, 91.67, false],
      ['town-a', 2, 90.92, false],
      ['town-c', 3, 85.8, false],
      ['town-d', 4, 46.6, true],
    ]);
    expect(row('town-b').scored).toEqual(['onTime', 'resolution', 'repeat']);
    expect(row('town-b').funnel!.score).toEqual({
      value: 91.67,
      target: 70.24,
      limits: { denominator: 10.25, lower95: 34.2, upper95: 91.45, lower998: 16.34, upper998: 99.66 },
      position: 'better_than_95',
    });
    expect(row('town-d').funnel!.score).toEqual(
      expect.objectContaining({ value: 46.6, target: 74.32, position: 'worse_than_99_8' }),
    );
    expect(row('town-d').funnel!.score.limits).toEqual(
      expect.objectContaining({ denominator: 95.52, lower998: 59.26 }),
    );
    expect(row('town-d').funnel!.indicators.onTime).toEqual(
      expect.objectContaining({ value: 40.91, target: 72.73, position: 'worse_than_95' }),
    );
    expect(row('town-c').funnel!.score.position).toBe('better_than_95');
  });
});
