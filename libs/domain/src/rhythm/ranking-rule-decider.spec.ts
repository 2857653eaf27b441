import { domainEvent } from '../events/event-catalog';
import type { RankingRuleAdoptedData } from '../events/activity-events';
import { parseMonth } from '../periods/periods';
import { unwrap } from '../result';
import { specFor } from '../testing/given-when-then';
import { localDateOf } from '../time/time-zone';
import {
  AdoptRankingRule,
  rankingRuleDecider,
  rankingRuleInForceFrom,
  ruleFromEvent,
  ruleInForce,
} from './ranking-rule';

const now = '2022-03-31T23:30:00+08:00';
const adopt = (version: number): AdoptRankingRule => ({
  type: 'AdoptRankingRule',
  id: 'city-2022',
  version,
  name: '2022年排名规则',
  indicators: [{ key: 'onTime', weight: 1, direction: 'higher_is_better', minDenominator: 3 }],
  peerGroups: [{ id: 'towns', name: '镇办', kinds: ['town'] }],
});
const adopted = (version: number, at = now): ReturnType<typeof domainEvent<'RankingRuleAdopted'>> =>
  domainEvent('RankingRuleAdopted', at, {
    ruleId: 'city-2022',
    version,
    name: '2022年排名规则',
    indicators: [{ key: 'onTime', weight: 1, direction: 'higher_is_better', minDenominator: 3 }],
    peerGroups: [{ id: 'towns', name: '镇办', kinds: ['town'] }],
    flagBottom: 0,
  } satisfies RankingRuleAdoptedData);

describe('adopting a version of a ranking rule', () => {
  const given = specFor(rankingRuleDecider, { now });

  it('given no version, when version 1 is adopted, then RankingRuleAdopted at the server clock', () => {
    given([])
      .when(adopt(1))
      .then([adopted(1)]);
  });

  it('given version 1, when version 2 is adopted, then adopted', () => {
    given([adopted(1, '2022-01-05T09:00:00+08:00')])
      .when(adopt(2))
      .then([adopted(2)]);
  });

  it('given versions 1 and 2, when version 2 is adopted again, then refused: the next is 3', () => {
    given([adopted(1), adopted(2)])
      .when(adopt(2))
      .thenThrows('rule-version-not-next', /at version 2; the next version is 3/);
  });

  it('given no version, when version 2 is adopted first, then refused', () => {
    given([])
      .when(adopt(2))
      .thenThrows('rule-version-not-next', /first version of rule city-2022 is 1/);
  });
});

describe('in force from the next month (no back-dating onto a month already begun)', () => {
  it('adopted late on 31 March (Beijing time) is in force from April, not March', () => {
    const adoptedOn = localDateOf(now, 'Asia/Shanghai');
    expect(adoptedOn).toBe('2022-03-31');
    expect(rankingRuleInForceFrom(adoptedOn)).toBe('2022-04');
    const rules = [{ rule: ruleFromEvent(adopted(1).data), adoptedOn }];
    expect(ruleInForce(rules, unwrap(parseMonth('2022-03'))).rule.id).toBe('default');
    expect(ruleInForce(rules, unwrap(parseMonth('2022-04'))).rule.id).toBe('city-2022');
  });

  it('adopted on the first day of a month waits for the month after', () => {
    expect(rankingRuleInForceFrom('2022-04-01')).toBe('2022-05');
    const rules = [{ rule: ruleFromEvent(adopted(1).data), adoptedOn: '2022-04-01' }];
    expect(ruleInForce(rules, unwrap(parseMonth('2022-04'))).rule.id).toBe('default');
    expect(ruleInForce(rules, unwrap(parseMonth('2022-05'))).rule.id).toBe('city-2022');
  });

  it('rolls over the year', () => {
    expect(rankingRuleInForceFrom('2022-12-31')).toBe('2023-01');
  });
});
