import { funnelSeries, intervalBars, rankComparison, Ranking, RankingGroup, RankingRow } from './ranking-figures';

const fraction = (numerator: number, denominator: number, low: number, high: number) => ({
  numerator,
  denominator,
  rate: Math.round((numerator / denominator) * 10000) / 100,
  wilson: { low, high },
});
const row = (unit: string, rank: number | undefined, onTime: ReturnType<typeof fraction>): RankingRow => ({
  unit,
  name: `单位${unit}`,
  group: 'towns',
  rank,
  score: rank === undefined ? undefined : 90 - rank,
  cases: onTime.denominator,
  indicators: { onTime },
});
const group: RankingGroup = {
  id: 'towns',
  name: '镇办',
  ranked: 2,
  tooFew: 1,
  funnel: {
    indicators: {
      onTime: {
        target: 80,
        limits: [
          { denominator: 1, lower95: 10, upper95: 100, lower998: 0, upper998: 100 },
          { denominator: 10, lower95: 50, upper95: 97, lower998: 30, upper998: 100 },
        ],
      },
    },
  },
};
const rows = [row('a', 1, fraction(9, 10, 59.6, 98.21)), row('b', 2, fraction(3, 4, 30.06, 95.44))];
const few = row('c', undefined, fraction(1, 2, 9.45, 90.55));

describe('the ranking’s figures', () => {
  it('gives each unit its Wilson interval as a base and a span, in rank order', () => {
    expect(intervalBars(rows, 'onTime')).toEqual({
      units: ['单位a', '单位b'],
      base: [59.6, 30.06],
      span: [38.61, 65.38],
      rate: [90, 75],
    });
  });

  it('draws the funnel: the group’s limits by denominator, its target, ranked units and those with too few cases apart', () => {
    const f = funnelSeries(group, [...rows, few], 'onTime');
    expect(f.target).toBe(80);
    expect(f.lower95).toEqual([
      [1, 10],
      [10, 50],
    ]);
    expect(f.upper998).toEqual([
      [1, 100],
      [10, 100],
    ]);
    expect(f.ranked).toEqual([
      [10, 90, '单位a'],
      [4, 75, '单位b'],
    ]);
    expect(f.tooFew).toEqual([[2, 50, '单位c']]);
  });

  it('puts the published rank beside the current one and marks what moved', () => {
    const base = {
      period: '2022-04',
      from: '',
      to: '',
      asOf: '1',
      rule: { id: 'x', version: 1, name: '', indicators: [] },
      groups: [group],
      tooFewToRank: [],
    };
    const published: Ranking = { ...base, rows };
    const current: Ranking = {
      ...base,
      rows: [
        { ...rows[1], rank: 1, score: 89 },
        { ...rows[0], rank: 2, score: 88 },
      ],
    };
    expect(rankComparison(published, current).map((r) => [r.unit, r.publishedRank, r.rank, r.moved])).toEqual([
      ['b', 2, 1, true],
      ['a', 1, 2, true],
    ]);
    expect(rankComparison(published, published).every((r) => !r.moved)).toBe(true);
  });
});
