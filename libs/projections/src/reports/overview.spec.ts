import { buildOverview, categoryShares, compareSections, OverviewFigures, overviewSection } from './overview';
import { SECTION_ONE_BEFORE, SECTION_ONE_NOW, SECTION_ONE_PERIOD, SECTION_ONE_PREVIOUS } from './section-one.fixture';

const report = buildOverview({
  period: SECTION_ONE_PERIOD,
  previous: SECTION_ONE_PREVIOUS,
  asOf: '12345',
  now: SECTION_ONE_NOW,
  before: SECTION_ONE_BEFORE,
});

const sum = (xs: readonly { share: number | null }[]) =>
  Math.round(xs.reduce((s, x) => s + (x.share ?? 0), 0) * 100) / 100;

const EMPTY: OverviewFigures = {
  contacts: [],
  onlineReplies: { onTime: 0, due: 0 },
  receptions: [],
  campaigns: [],
  screenings: { found: 0, resolved: 0 },
  riskAssessments: { total: 0, passed: 0 },
  accountability: { summons: 0, criticism: 0 },
};

describe('the overview (section 一) from the figures of the example report', () => {
  it('gives the skip-level visits by level and form, with shares of the 31 batches that sum to 100', () => {
    expect(report.skipLevel).toEqual({
      national: { collective: { batches: 0, persons: 0 }, individual: { batches: 1, persons: 1 } },
      province: { collective: { batches: 1, persons: 5 }, individual: { batches: 10, persons: 15 } },
      prefecture: { collective: { batches: 0, persons: 0 }, individual: { batches: 19, persons: 29 } },
      total: { batches: 31, persons: 50 },
      categories: [
        { category: 'urban_rural_construction', batches: 13, share: 41.93 },
        { category: 'labour_social_security', batches: 12, share: 38.71 },
        { category: 'agriculture_rural', batches: 3, share: 9.68 },
        { category: 'other', batches: 3, share: 9.68 },
      ],
    });
    expect(sum(report.skipLevel.categories)).toBe(100);
  });

  it('gives the online complaints: 989, of which 953 national and 36 provincial, 606 repeats = 61.27 %', () => {
    expect(report.online).toEqual({
      total: 989,
      bySource: { national_platform: 953, provincial_platform: 36, prefecture_platform: 0, city_platform: 0 },
      onTimeRate: 100,
      repeat: 606,
      repeatRate: 61.27,
    });
  });

  it('gives the city visits: 878 batches 3018 persons, 172/1901 collective, 706/1117 individual, shares summing to 100', () => {
    const { collective, individual, total } = report.cityVisits;
    expect(total).toEqual({ batches: 878, persons: 3018 });
    expect([collective.batches, collective.persons, individual.batches, individual.persons]).toEqual([
      172, 1901, 706, 1117,
    ]);
    // The report's individual-visit shares, correctly rounded (its 3.4 % is 3.40).
    expect(individual.categories.map((c) => [c.category, c.share])).toEqual([
      ['labour_social_security', 27.76],
      ['appeals', 24.08],
      ['urban_rural_construction', 19.41],
      ['agriculture_rural', 15.58],
      ['land_resources', 4.82],
      ['education_sports', 3.82],
      ['discipline_inspection', 3.4],
      ['other', 1.13],
    ]);
    expect(collective.categories.map((c) => c.share)).toEqual([55.81, 29.65, 7.56, 6.4, 0.58]);
    expect(sum(collective.categories)).toBe(100);
    expect(sum(individual.categories)).toBe(100);
  });

  it('gives the other facts: campaign 559 of 642 = 87.07 %, screenings 83.92 %, 19 assessments, 4 summons, 6 criticisms', () => {
    expect(report.campaigns).toEqual([
      { id: 'backlog-2022', name: '重复信访积案专项治理', assigned: 642, resolved: 559, rate: 87.07 },
    ]);
    expect(report.screenings).toEqual({ found: 2257, resolved: 1894, rate: 83.92 });
    expect(report.riskAssessments).toEqual({ total: 19, passed: 19 });
    expect(report.accountability).toEqual({ summons: 4, criticism: 6 });
    expect([report.sms, report.letters]).toEqual([26, 12]);
    expect(report.receptions).toEqual({
      batches: 178,
      persons: 661,
      resolvedOnSiteBatches: 68,
      resolvedOnSitePersons: 277,
      byLeader: [
        { leader: '处级领导', batches: 111, persons: 379, resolvedOnSiteBatches: 53, resolvedOnSitePersons: 196 },
        { leader: '市委书记', batches: 64, persons: 268, resolvedOnSiteBatches: 14, resolvedOnSitePersons: 71 },
        { leader: '市长', batches: 3, persons: 14, resolvedOnSiteBatches: 1, resolvedOnSitePersons: 10 },
      ],
    });
  });

  it('names the period, the same dates a year earlier and the position it is known at', () => {
    expect(report.period).toEqual({ from: '2022-01-01', to: '2022-06-30' });
    expect(report.previous).toEqual({ from: '2021-01-01', to: '2021-06-30' });
    expect(report.asOf).toBe('12345');
  });
});

describe('the comparison with the same dates one year earlier', () => {
  const c = report.comparison;

  it('holds the previous figures with the change to the current ones under each figure', () => {
    expect(c.skipLevel.national.individual).toEqual({
      batches: 56,
      persons: 60,
      change: { batches: { pct: -98.21, trend: 'down' }, persons: { pct: -98.33, trend: 'down' } },
    });
    expect(c.skipLevel.national.collective.change.batches).toEqual({ pct: -100, trend: 'down' });
    expect(c.skipLevel.prefecture.individual.change.batches).toEqual({ pct: 11.76, trend: 'up' });
    expect(c.skipLevel.province.individual.change.batches).toEqual({ pct: -61.54, trend: 'down' });
    expect(c.skipLevel.total).toEqual({
      batches: 100,
      persons: 136,
      change: { batches: { pct: -69, trend: 'down' }, persons: { pct: -63.24, trend: 'down' } },
    });
    expect(c.online.change.total).toEqual({ pct: -33.27, trend: 'down' });
  });

  it('gives no percentage from 0: 0 → 1 is new, 0 → 0 is flat', () => {
    expect(c.skipLevel.province.collective).toEqual({
      batches: 0,
      persons: 0,
      change: { batches: { pct: null, trend: 'new' }, persons: { pct: null, trend: 'new' } },
    });
    expect(c.skipLevel.prefecture.collective.change.batches).toEqual({ pct: null, trend: 'flat' });
    expect(c.online.bySource.change.city_platform).toEqual({ pct: null, trend: 'flat' });
  });

  it('has no change for a rate that was over nothing', () => {
    expect(c.online.onTimeRate).toBeNull();
    expect(c.online.change.onTimeRate).toBeNull();
    expect(c.online.change.repeatRate).toEqual({ pct: 29.73, trend: 'up' }); // 47.23 → 61.27, relative like every change
    expect(c.screenings).toEqual({
      found: 2000,
      resolved: 1500,
      rate: 75,
      change: {
        found: { pct: 12.85, trend: 'up' },
        resolved: { pct: 26.27, trend: 'up' },
        rate: { pct: 11.89, trend: 'up' },
      },
    });
  });

  it('matches list items by their key, showing an item new this year with zero figures', () => {
    expect(c.campaigns).toEqual([
      {
        id: 'backlog-2022',
        name: '重复信访积案专项治理',
        assigned: 0,
        resolved: 0,
        rate: null,
        change: { assigned: { pct: null, trend: 'new' }, resolved: { pct: null, trend: 'new' }, rate: null },
      },
    ]);
    const leaders = c.receptions.byLeader.map((r) => [r.leader, r.batches, r.change.batches?.trend]);
    expect(leaders).toEqual([
      ['处级领导', 0, 'new'],
      ['市委书记', 50, 'up'],
      ['市长', 0, 'new'],
    ]);
    // A category seen only last year is kept, with its fall to 0.
    const before = compareSections(
      overviewSection({ ...EMPTY, contacts: [{ ...SECTION_ONE_NOW.contacts[0], category: 'health' }] }),
      overviewSection({ ...EMPTY, contacts: [SECTION_ONE_NOW.contacts[0]] }),
    );
    expect(before.skipLevel.categories).toEqual([
      {
        category: 'urban_rural_construction',
        batches: 0,
        share: 0,
        change: { batches: { pct: null, trend: 'new' }, share: { pct: null, trend: 'new' } },
      },
      {
        category: 'health',
        batches: 1,
        share: 100,
        change: { batches: { pct: -100, trend: 'down' }, share: { pct: -100, trend: 'down' } },
      },
    ]);
  });
});

describe('an empty period', () => {
  const empty = buildOverview({
    period: SECTION_ONE_PERIOD,
    previous: SECTION_ONE_PREVIOUS,
    asOf: '0',
    now: EMPTY,
    before: EMPTY,
  });

  it('has zero counts, null rates and no categories', () => {
    expect(empty.online).toEqual({
      total: 0,
      bySource: { national_platform: 0, provincial_platform: 0, prefecture_platform: 0, city_platform: 0 },
      onTimeRate: null,
      repeat: 0,
      repeatRate: null,
    });
    expect(empty.skipLevel.categories).toEqual([]);
    expect(empty.screenings.rate).toBeNull();
    expect(empty.campaigns).toEqual([]);
    expect(empty.comparison.skipLevel.total.change.batches).toEqual({ pct: null, trend: 'flat' });
  });

  it('orders categories by batches, then by the code list', () => {
    expect(categoryShares([]).length).toBe(0);
    const rows = SECTION_ONE_NOW.contacts.filter((x) => x.level === 'prefecture');
    expect(categoryShares(rows).map((x) => x.category)).toEqual([
      'urban_rural_construction',
      'labour_social_security',
      'agriculture_rural',
      'other',
    ]);
  });
});
