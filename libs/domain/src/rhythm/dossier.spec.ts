import { bulletinAppearance, rankingAppearance } from './dossier';

describe('what a published document says about one unit', () => {
  const ranking = {
    rows: [
      { group: 'towns', rank: 1, unit: 'town-a', score: 90.33, flagged: false },
      { group: 'towns', rank: 2, unit: 'town-b', score: 80, flagged: true },
      { group: 'departments', rank: 1, unit: 'dept-x', score: 70, flagged: false },
    ],
    tooFewToRank: [{ group: 'towns', unit: 'town-d', short: [] }],
  };

  it('gives a ranked unit its rank among the ranked units of its group', () => {
    expect(rankingAppearance(ranking, 'town-b')).toEqual({
      status: 'ranked',
      group: 'towns',
      rank: 2,
      of: 2,
      score: 80,
      flagged: true,
    });
  });

  it('says a unit was too few to rank, and nothing about a unit not in the document', () => {
    expect(rankingAppearance(ranking, 'town-d')).toEqual({
      status: 'too_few_to_rank',
      group: 'towns',
      rank: null,
      of: null,
      score: null,
      flagged: false,
    });
    expect(rankingAppearance(ranking, 'town-z')).toBeNull();
    expect(rankingAppearance('not a document', 'town-a')).toBeNull();
  });

  it('gives a bulletin row without its change columns', () => {
    const bulletin = { rows: [{ unit: 'town-a', contacts: 3, onTimeRate: 100, change: { contacts: { pct: 50 } } }] };
    expect(bulletinAppearance(bulletin, 'town-a')).toEqual({ unit: 'town-a', contacts: 3, onTimeRate: 100 });
    expect(bulletinAppearance(bulletin, 'town-b')).toBeNull();
  });
});
