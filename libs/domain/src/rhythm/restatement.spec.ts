import { differences, restatement } from './restatement';

describe('restatement of a published period', () => {
  const published = {
    asOf: '100',
    period: '2022-04',
    rows: [
      { unit: 'town-a', rank: 1, score: 80, tiedWith: [] },
      { unit: 'town-b', rank: 2, score: 77, tiedWith: [] },
    ],
    tooFewToRank: [],
  };

  it('is null when a later computation gives the same figures at another position', () => {
    expect(restatement(published, { ...published, asOf: '250' })).toBeNull();
  });

  it('lists each changed figure by unit, however the rows moved', () => {
    const current = {
      ...published,
      asOf: '250',
      rows: [
        { unit: 'town-b', rank: 1, score: 81, tiedWith: [] },
        { unit: 'town-a', rank: 2, score: 80, tiedWith: [] },
      ],
    };
    expect(restatement(published, current)).toEqual({
      differences: 3,
      truncated: false,
      changes: [
        { path: 'rows[town-a].rank', published: 1, current: 2 },
        { path: 'rows[town-b].rank', published: 2, current: 1 },
        { path: 'rows[town-b].score', published: 77, current: 81 },
      ],
    });
  });

  it('shows a unit that left or joined a list as absent on one side', () => {
    const current = {
      ...published,
      rows: [published.rows[0]],
      tooFewToRank: [{ unit: 'town-b', short: [] }],
    };
    expect(differences(published, current)).toEqual([
      { path: 'rows[town-b].rank', published: 2 },
      { path: 'rows[town-b].score', published: 77 },
      { path: 'rows[town-b].tiedWith', published: [] },
      { path: 'rows[town-b].unit', published: 'town-b' },
      { path: 'tooFewToRank', published: [] },
      { path: 'tooFewToRank[town-b].short', current: [] },
      { path: 'tooFewToRank[town-b].unit', current: 'town-b' },
    ]);
  });

  it('lists at most the limit, saying how many there are', () => {
    const a = { rows: Array.from({ length: 5 }, (_, i) => ({ unit: `u${i}`, score: i })) };
    const b = { rows: Array.from({ length: 5 }, (_, i) => ({ unit: `u${i}`, score: i + 1 })) };
    expect(restatement(a, b, 2)).toEqual({
      differences: 5,
      truncated: true,
      changes: [expect.any(Object), expect.any(Object)],
    });
  });
});

describe('restatement of a funnel-rule ranking', () => {
  it('given only moved control limits and a changed position, then lists the position and not the limits', () => {
    const limits = (l: number) => ({ denominator: 5, lower95: l, upper95: 99, lower998: l - 10, upper998: 100 });
    const doc = (l: number, position: string) => ({
      groups: [{ id: 'towns', funnel: { score: { target: 80, limits: [limits(l)] } } }],
      rows: [{ unit: 'town-a', rank: 1, funnel: { score: { value: 70, limits: limits(l), position } } }],
    });
    expect(differences(doc(50, 'within'), doc(60, 'worse_than_95'))).toEqual([
      { path: 'rows[town-a].funnel.score.position', published: 'within', current: 'worse_than_95' },
    ]);
  });
});
