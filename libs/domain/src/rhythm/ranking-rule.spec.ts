import { parseMonth } from '../periods/periods';
import { unwrap } from '../result';
import { RuleViolation } from '../rules/rule-violation';
import {
  AdoptRankingRule,
  adoptRankingRule,
  DEFAULT_RANKING_RULE,
  DEFAULT_RANKING_RULE_V1,
  ruleByVersion,
  RankingRule,
  ruleFromEvent,
  ruleInForce,
  validateRankingRule,
} from './ranking-rule';

const now = { now: '2022-03-20T10:00:00+08:00' };

const command = (overrides: Partial<AdoptRankingRule> = {}): AdoptRankingRule => ({
  type: 'AdoptRankingRule',
  id: 'city-2022',
  version: 1,
  name: '2022年排名规则',
  indicators: [
    { key: 'onTime', weight: 60, direction: 'higher_is_better', minDenominator: 3 },
    { key: 'satisfaction', weight: 40, direction: 'higher_is_better', minDenominator: 3 },
    { key: 'skipLevel', weight: 0, direction: 'lower_is_better', minDenominator: 1 },
  ],
  peerGroups: [
    { id: 'towns', name: '镇办', kinds: ['town'] },
    { id: 'departments', name: '市直部门', kinds: ['department', 'other'] },
  ],
  flagBottom: 2,
  ...overrides,
});

const refusal = (fn: () => unknown): RuleViolation => {
  try {
    fn();
  } catch (error) {
    if (error instanceof RuleViolation) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('ranking rules as versioned data', () => {
  it('adopts version 1 of a new rule as an event stamped with the server clock', () => {
    const event = adoptRankingRule(command(), null, now);
    expect(event).toEqual({
      type: 'RankingRuleAdopted',
      version: 1,
      occurredAt: now.now,
      data: {
        ruleId: 'city-2022',
        version: 1,
        name: '2022年排名规则',
        indicators: command().indicators,
        peerGroups: command().peerGroups,
        flagBottom: 2,
      },
    });
    expect(ruleFromEvent(event.data).id).toBe('city-2022');
  });

  it('requires each version to follow the previous one', () => {
    expect(refusal(() => adoptRankingRule(command({ version: 2 }), null, now)).rule).toBe('rule-version-not-next');
    expect(refusal(() => adoptRankingRule(command({ version: 2 }), 2, now)).message).toMatch(/next version is 3/);
    expect(adoptRankingRule(command({ version: 3 }), 2, now).data.version).toBe(3);
  });

  it('treats the shipped defaults as versions 1 and 2 of "default": a city default starts at 3', () => {
    expect(refusal(() => adoptRankingRule(command({ id: 'default', version: 2 }), null, now)).rule).toBe(
      'rule-version-not-next',
    );
    expect(adoptRankingRule(command({ id: 'default', version: 3 }), null, now).data.ruleId).toBe('default');
  });

  it('adopts a funnel rule only when asked: without `funnel` the event has no such field', () => {
    expect('funnel' in adoptRankingRule(command({}), null, now).data).toBe(false);
    const funnel = adoptRankingRule(command({ funnel: { minCases: 4, flagLevel: 95 } }), null, now);
    expect(funnel.data.funnel).toEqual({ minCases: 4, flagLevel: 95 });
  });

  it.each([
    [{ id: 'bad id' }, 'id'],
    [{ version: 0 }, 'version'],
    [{ indicators: [] }, 'indicators'],
    [
      { indicators: [{ key: 'contacts', weight: 1, direction: 'higher_is_better', minDenominator: 1 }] },
      'indicators[0].key',
    ],
    [
      { indicators: [{ key: 'onTime', weight: 1.5, direction: 'higher_is_better', minDenominator: 1 }] },
      'indicators[0].weight',
    ],
    [{ indicators: [{ key: 'onTime', weight: 0, direction: 'higher_is_better', minDenominator: 1 }] }, 'indicators'],
    [{ indicators: [{ key: 'onTime', weight: 1, direction: 'up', minDenominator: 1 }] }, 'indicators[0].direction'],
    [
      { indicators: [{ key: 'onTime', weight: 1, direction: 'higher_is_better', minDenominator: 0 }] },
      'indicators[0].minDenominator',
    ],
    [
      {
        indicators: [
          { key: 'onTime', weight: 1, direction: 'higher_is_better', minDenominator: 1 },
          { key: 'onTime', weight: 2, direction: 'higher_is_better', minDenominator: 1 },
        ],
      },
      'indicators[1].key',
    ],
    [{ peerGroups: [{ id: 'all', name: '全部', kinds: [] }] }, 'peerGroups[0].kinds'],
    [
      {
        peerGroups: [
          { id: 'a', name: 'A', kinds: ['town'] },
          { id: 'b', name: 'B', kinds: ['town'] },
        ],
      },
      'peerGroups[1].kinds',
    ],
    [{ flagBottom: -1 }, 'flagBottom'],
    [{ funnel: { minCases: 5, flagLevel: 99 } }, 'funnel.flagLevel'],
    [{ funnel: { minCases: 0, flagLevel: 95 } }, 'funnel.minCases'],
    [{ funnel: [] }, 'funnel'],
  ])('refuses a malformed rule %j as input, naming the field', (overrides, field) => {
    const violation = refusal(() => validateRankingRule(command(overrides as Partial<AdoptRankingRule>)));
    expect(violation.kind).toBe('input');
    expect(violation.field).toBe(field);
  });

  it.each([DEFAULT_RANKING_RULE_V1, DEFAULT_RANKING_RULE])(
    'accepts the shipped default %# as a valid rule',
    (shipped) => {
      const { id, version, name, indicators, peerGroups, flagBottom, funnel } = shipped;
      expect(validateRankingRule({ id, version, name, indicators, peerGroups, flagBottom, funnel })).toEqual(shipped);
    },
  );

  it('ships version 2 of the default: minimum 3 per indicator, a floor of 5 cases, flags at the 99.8 % limit', () => {
    expect(DEFAULT_RANKING_RULE.version).toBe(2);
    expect(DEFAULT_RANKING_RULE.indicators.map((i) => i.minDenominator)).toEqual([3, 3, 3, 3, 3]);
    expect(DEFAULT_RANKING_RULE.funnel).toEqual({ minCases: 5, flagLevel: 99.8 });
    expect(DEFAULT_RANKING_RULE_V1.indicators.map((i) => i.minDenominator)).toEqual([5, 5, 5, 5, 5]);
    expect(DEFAULT_RANKING_RULE_V1.funnel).toBeUndefined();
  });
});

describe('a rule by its version (how a published month is recomputed)', () => {
  it('finds an adopted version first, then a shipped one, else nothing', () => {
    const own = { rule: { ...DEFAULT_RANKING_RULE_V1, id: 'city', version: 1 }, adoptedOn: '2022-01-05' };
    expect(ruleByVersion([own], 'city', 1)).toEqual(own);
    expect(ruleByVersion([own], 'default', 1)).toEqual({ rule: DEFAULT_RANKING_RULE_V1, adoptedOn: null });
    expect(ruleByVersion([own], 'default', 2)).toEqual({ rule: DEFAULT_RANKING_RULE, adoptedOn: null });
    expect(ruleByVersion([own], 'city', 2)).toBeNull();
  });
});

describe('the rule in force for a month', () => {
  const rule = (version: number): RankingRule => ({ ...DEFAULT_RANKING_RULE, id: 'city', version });
  const april = unwrap(parseMonth('2022-04'));

  it('is the shipped default when nothing was adopted before the month began', () => {
    expect(ruleInForce([], april)).toEqual({ rule: DEFAULT_RANKING_RULE, adoptedOn: null });
    expect(ruleInForce([{ rule: rule(1), adoptedOn: '2022-04-01' }], april).rule).toBe(DEFAULT_RANKING_RULE);
  });

  it('is the latest adopted on a day before the first of the month', () => {
    const adopted = [
      { rule: rule(1), adoptedOn: '2022-02-10' },
      { rule: rule(2), adoptedOn: '2022-03-31' },
      { rule: rule(3), adoptedOn: '2022-04-01' },
    ];
    expect(ruleInForce(adopted, april)).toEqual({ rule: rule(2), adoptedOn: '2022-03-31' });
    expect(ruleInForce(adopted, unwrap(parseMonth('2022-05'))).rule.version).toBe(3);
    expect(ruleInForce(adopted, unwrap(parseMonth('2022-03'))).rule.version).toBe(1);
  });
});
