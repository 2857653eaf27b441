import {
  DEFAULT_RANKING_RULE,
  DEFAULT_RANKING_RULE_V1,
  domainEvent,
  DomainEvent,
  parseHalfMonth,
  parseMonth,
  unwrap,
} from '@app/domain';
import { ev, at, opened, settings } from '@app/domain/testing';
import { canonicalJson } from '@app/ledger';
import { activityFactsProjection } from '../read-models/activity-facts.projection';
import { mattersProjection } from '../read-models/matters.projection';
import { allRows, applyAll, envelopes, onStream, readModelDb } from '../read-models/spec-support';
import { unitsProjection } from '../read-models/units.projection';
import { rhythmProjection } from './rhythm.projection';
import { computeBulletin, computeRanking, explainRanking } from './rhythm-reports';
import { rulesKnownAt } from './rhythm-queries';

const projections = [
  unitsProjection,
  mattersProjection(settings),
  activityFactsProjection(settings),
  rhythmProjection(settings),
];
const april = unwrap(parseMonth('2022-04'));

const unit = (code: string, kind: 'town' | 'department') =>
  [`unit-${code}`, domainEvent('UnitRegistered', at('2022-01-01'), { code, name: code, kind, parent: null })] as [
    string,
    DomainEvent,
  ];

/** Two towns, five matters each: town-a accepts on time, town-b late; then a back-dated acceptance and a rule. */
function history(): [string, DomainEvent][] {
  const out: [string, DomainEvent][] = [unit('town-a', 'town'), unit('town-b', 'town')];
  for (const town of ['town-a', 'town-b']) {
    for (let i = 1; i <= 5; i++) {
      const id = `${town}-${i}`;
      out.push(
        ...onStream(`matter-${id}`, [
          ...opened(id, '2022-04-01', town),
          ev.assigned(at('2022-04-01'), town),
          ev.accepted(at(town === 'town-a' ? '2022-04-15' : '2022-04-20'), town),
          ev.owner(at('2022-04-16'), '副市长 张'),
        ]),
      );
    }
  }
  out.push([
    'ranking-rule-city',
    domainEvent('RankingRuleAdopted', at('2022-03-15'), {
      ruleId: 'city',
      version: 1,
      name: '只看及时受理',
      indicators: [{ key: 'timelyAcceptance', weight: 1, direction: 'higher_is_better', minDenominator: 5 }],
      peerGroups: [{ id: 'towns', name: '镇办', kinds: ['town'] }],
      flagBottom: 1,
    }),
  ]);
  return out;
}

describe('the rhythm read model and its reports', () => {
  const events = envelopes(history());
  const head = events[events.length - 1].position;

  it('changes nothing when an event is applied twice', () => {
    const db = readModelDb(projections);
    applyAll(db, projections, events);
    const once = allRows(db);
    applyAll(db, projections, events);
    expect(allRows(db)).toEqual(once);
  });

  it('gives the same bytes whether the log was applied in one batch or event by event', () => {
    const whole = readModelDb(projections);
    applyAll(whole, projections, events);
    const piecemeal = readModelDb(projections);
    for (const event of events) applyAll(piecemeal, projections, [event]);
    const point = { asOf: head, today: '2023-01-01' };
    expect(canonicalJson(computeRanking(piecemeal, april, point).document)).toBe(
      canonicalJson(computeRanking(whole, april, point).document),
    );
    const h1 = unwrap(parseHalfMonth('2022-04-H2'));
    expect(canonicalJson(computeBulletin(piecemeal, h1, point))).toBe(canonicalJson(computeBulletin(whole, h1, point)));
  });

  it('ranks by the rule adopted before the month began, from the fact tables', () => {
    const db = readModelDb(projections);
    applyAll(db, projections, events);
    const computation = computeRanking(db, april, { asOf: head, today: '2023-01-01' });
    expect(computation.document.rule).toEqual(
      expect.objectContaining({ id: 'city', version: 1, adoptedOn: '2022-03-15' }),
    );
    expect(computation.document.rows.map((r) => [r.unit, r.rank, r.score, r.flagged])).toEqual([
      ['town-a', 1, 100, false],
      ['town-b', 2, 0, true],
    ]);
    const why = explainRanking(computation, 'town-b')!;
    expect(why.indicators.timelyAcceptance!.cases).toHaveLength(5);
    expect(why.indicators.timelyAcceptance!.cases[0]).toEqual(
      expect.objectContaining({ deadline: '2022-04-18', met: '2022-04-20', outcome: 'late' }),
    );
    expect(explainRanking(computation, 'nowhere')).toBeNull();
  });

  it('answers as known at a position: before the rule, the default; before town-b’s acceptances, none of them', () => {
    const db = readModelDb(projections);
    applyAll(db, projections, events);
    expect(rulesKnownAt(db, head - 1n)).toEqual([]);
    const beforeRule = computeRanking(db, april, { asOf: head - 1n, today: '2023-01-01' }).document;
    expect(beforeRule.rule.id).toBe(DEFAULT_RANKING_RULE.id);
    // Position 2 + 5 × 5 events of town-a = 27: town-b's matters are not known yet.
    const early = computeBulletin(db, unwrap(parseHalfMonth('2022-04-H1')), { asOf: 27n, today: '2023-01-01' });
    expect(early.rows.map((r) => [r.unit, r.contacts])).toEqual([
      ['town-a', 5],
      ['town-b', 0],
    ]);
    expect(early.asOf).toBe('27');
  });
});

describe('a month published under an older shipped rule keeps it', () => {
  // Given the two towns without a rule of their own (the shipped default is in force),
  const withoutRule = history().slice(0, -1);
  const events = envelopes(withoutRule);
  const head = events[events.length - 1].position;
  const point = { asOf: head, today: '2023-01-01' };
  const published = (version: number) =>
    envelopes([
      ...withoutRule,
      [
        'publication-ranking-2022-04',
        domainEvent('RankingPublished', at('2022-05-03'), {
          period: '2022-04',
          rule: { id: 'default', version },
          checkpoint: { position: head.toString(), rootHash: '00'.repeat(32), size: events.length },
          content: {},
        }),
      ],
    ]);

  it('given nothing published, when ranked, then by version 2: both towns ranked on their 5 acceptances', () => {
    const db = readModelDb(projections);
    applyAll(db, projections, events);
    const doc = computeRanking(db, april, point).document;
    expect(doc.rule).toEqual(expect.objectContaining({ id: 'default', version: 2 }));
    expect(doc.rows.map((r) => [r.unit, r.rank, r.scored])).toEqual([
      ['town-a', 1, ['timelyAcceptance', 'repeat']],
      ['town-b', 2, ['timelyAcceptance', 'repeat']],
    ]);
  });

  it('given April published under version 1, when ranked at the checkpoint or later, then by version 1 and its old answer', () => {
    const db = readModelDb(projections);
    applyAll(db, projections, published(1));
    const atCheckpoint = computeRanking(db, april, point).document;
    expect(atCheckpoint.rule).toEqual(expect.objectContaining({ id: 'default', version: 1, flagBottom: 1 }));
    expect(atCheckpoint.rule).not.toHaveProperty('funnel');
    // Version 1 needs 5 cases on every scored indicator: nobody had replies due, so nobody is ranked.
    expect(atCheckpoint.rows).toEqual([]);
    expect(atCheckpoint.tooFewToRank.map((r) => r.unit)).toEqual(['town-a', 'town-b']);
    expect(atCheckpoint.tooFewToRank[0]).not.toHaveProperty('reason');
    expect(atCheckpoint.groups[0]).toEqual({ id: 'towns', name: '镇办', kinds: ['town'], ranked: 0, tooFew: 2 });
    // The same bytes as a replay's, whose read models end before the publication and name the rule outright.
    const replayDb = readModelDb(projections);
    applyAll(replayDb, projections, events);
    const replayed = computeRanking(replayDb, april, point, { rule: { id: 'default', version: 1 } }).document;
    expect(canonicalJson(replayed)).toBe(canonicalJson(atCheckpoint));
    expect(DEFAULT_RANKING_RULE_V1.version).toBe(1);
  });

  it('given a publication naming a rule nobody knows, then the rule in force', () => {
    const db = readModelDb(projections);
    applyAll(db, projections, published(99));
    expect(computeRanking(db, april, point).document.rule.version).toBe(DEFAULT_RANKING_RULE.version);
  });
});
