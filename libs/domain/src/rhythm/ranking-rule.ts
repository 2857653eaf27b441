import { UNIT_KINDS, UnitKind } from '../code-lists';
import type { Decider } from '../decider';
import { domainEvent, DomainEventOf } from '../events/event-catalog';
import type {
  IndicatorDirection,
  PeerGroup,
  RankingFunnelSettings,
  RankingRuleAdoptedData,
  RankingRuleIndicator,
} from '../events/activity-events';
import { oneOf, refuse, requiredText } from '../matter/command-checks';
import type { Period } from '../periods/periods';
import { addMonths, compareDates, firstDayOfMonth, LocalDate } from '../time/local-date';

/**
 * What a ranking rule may score: rates of how a unit handles matters. Volumes
 * (contacts, persons) are shown beside every ranking but are not in this list:
 * ranking by raw petition volume rewards suppressing complaints. `skipLevel`
 * (the share of a unit's contacts that were visits lodged above the city) is
 * offered for a city that wants it in its own rule; the default rule leaves it out.
 */
export const RANKING_INDICATORS = [
  'timelyAcceptance',
  'onTime',
  'satisfaction',
  'resolution',
  'repeat',
  'skipLevel',
] as const;
export type RankingIndicator = (typeof RANKING_INDICATORS)[number];

export const INDICATOR_DIRECTIONS = ['higher_is_better', 'lower_is_better'] as const;

/** Names and the direction in which each indicator is naturally better. */
export const INDICATOR_INFO: Readonly<
  Record<RankingIndicator, { readonly title: string; readonly zh: string; readonly natural: IndicatorDirection }>
> = {
  timelyAcceptance: { title: 'timely acceptance rate', zh: '及时受理率', natural: 'higher_is_better' },
  onTime: { title: 'on-time completion rate', zh: '按期办结率', natural: 'higher_is_better' },
  satisfaction: { title: 'satisfaction rate', zh: '群众满意率', natural: 'higher_is_better' },
  resolution: { title: 'resolution rate', zh: '化解率', natural: 'higher_is_better' },
  repeat: { title: 'repeat rate', zh: '重复信访率', natural: 'lower_is_better' },
  skipLevel: { title: 'skip-level share', zh: '越级访占比', natural: 'lower_is_better' },
};

/** A rule as the ranking uses it: the adopted data under its public names. */
export interface RankingRule {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly indicators: readonly RankingRuleIndicator[];
  readonly peerGroups: readonly PeerGroup[];
  readonly flagBottom: number;
  /** The funnel method (version 2 of the default on); absent, the rule ranks as version 1 did. */
  readonly funnel?: RankingFunnelSettings;
}

export const DEFAULT_RULE_ID = 'default';

/**
 * The rule that ships (docs/ranking-rule.md): process only. The three statutory
 * rates, resolution and repeat rate; on-time completion weighs most because it
 * is the duty the regulation sets in the most detail. Every scored indicator
 * needs at least 5 cases in the month, else the unit is "too few to rank".
 */
export const DEFAULT_RANKING_RULE_V1: RankingRule = {
  id: DEFAULT_RULE_ID,
  version: 1,
  name: '默认排名规则：办理过程指标',
  indicators: [
    { key: 'timelyAcceptance', weight: 20, direction: 'higher_is_better', minDenominator: 5 },
    { key: 'onTime', weight: 30, direction: 'higher_is_better', minDenominator: 5 },
    { key: 'satisfaction', weight: 20, direction: 'higher_is_better', minDenominator: 5 },
    { key: 'resolution', weight: 20, direction: 'higher_is_better', minDenominator: 5 },
    { key: 'repeat', weight: 10, direction: 'lower_is_better', minDenominator: 5 },
  ],
  peerGroups: [
    { id: 'towns', name: '镇办', kinds: ['town'] },
    { id: 'departments', name: '市直部门', kinds: ['department'] },
  ],
  flagBottom: 1,
};

/**
 * The rule that ships now (docs/ranking-rule.md): the same indicators and
 * weights, but an indicator under 3 cases is shown and not scored (the score
 * is the weighted mean over the rest), and the accountability flag is a
 * funnel plot's 99.8 % limit rather than the last place.
 */
export const DEFAULT_RANKING_RULE: RankingRule = {
  id: DEFAULT_RULE_ID,
  version: 2,
  name: '默认排名规则：办理过程指标（漏斗图）',
  indicators: DEFAULT_RANKING_RULE_V1.indicators.map((i) => ({ ...i, minDenominator: 3 })),
  peerGroups: DEFAULT_RANKING_RULE_V1.peerGroups,
  flagBottom: 0,
  funnel: { minCases: 5, flagLevel: 99.8 },
};

/** Every shipped version of the default, oldest first: a month published under one is recomputed under it. */
export const SHIPPED_RANKING_RULES: readonly RankingRule[] = [DEFAULT_RANKING_RULE_V1, DEFAULT_RANKING_RULE];

export const MAX_WEIGHT = 1000;
export const MAX_FLAG_BOTTOM = 100;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A rule proposed by an analyst, before validation. */
export interface AdoptRankingRule {
  readonly type: 'AdoptRankingRule';
  readonly id: unknown;
  readonly version: unknown;
  readonly name: unknown;
  readonly indicators: unknown;
  readonly peerGroups: unknown;
  readonly flagBottom?: unknown;
  readonly funnel?: unknown;
}

function wholeNumber(value: unknown, field: string, min: number, max: number): number {
  if (!Number.isSafeInteger(value) || (value as number) < min || (value as number) > max) {
    refuse(
      'value-invalid',
      `${field} must be a whole number from ${min} to ${max}; got ${JSON.stringify(value)}`,
      field,
    );
  }
  return value as number;
}

function list(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value) || value.length === 0) refuse('value-required', `${field} must be a non-empty list`, field);
  return value;
}

function record(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    refuse('value-invalid', `${field} must be an object`, field);
  return value as Record<string, unknown>;
}

function indicators(value: unknown): RankingRuleIndicator[] {
  const out = list(value, 'indicators').map((raw, i) => {
    const item = record(raw, `indicators[${i}]`);
    return {
      key: oneOf(RANKING_INDICATORS, item.key, `indicators[${i}].key`),
      weight: wholeNumber(item.weight, `indicators[${i}].weight`, 0, MAX_WEIGHT),
      direction: oneOf(INDICATOR_DIRECTIONS, item.direction, `indicators[${i}].direction`),
      minDenominator: wholeNumber(item.minDenominator, `indicators[${i}].minDenominator`, 1, 1_000_000),
    };
  });
  out.forEach((item, i) => {
    if (out.findIndex((o) => o.key === item.key) !== i) {
      refuse('value-invalid', `indicator ${item.key} is listed twice`, `indicators[${i}].key`);
    }
  });
  if (!out.some((i) => i.weight > 0))
    refuse('value-invalid', 'at least one indicator needs a weight above 0', 'indicators');
  return out;
}

function peerGroups(value: unknown): PeerGroup[] {
  const out = list(value, 'peerGroups').map((raw, i) => {
    const item = record(raw, `peerGroups[${i}]`);
    if (typeof item.id !== 'string' || !ID.test(item.id)) {
      refuse('value-invalid', `peerGroups[${i}].id must match ^[A-Za-z0-9_-]{1,64}$`, `peerGroups[${i}].id`);
    }
    const kinds = list(item.kinds, `peerGroups[${i}].kinds`).map((k, j) =>
      oneOf<UnitKind>(UNIT_KINDS, k, `peerGroups[${i}].kinds[${j}]`),
    );
    return { id: item.id, name: requiredText(item.name, `peerGroups[${i}].name`), kinds };
  });
  const seen = new Map<string, string>();
  out.forEach((group, i) => {
    if (out.findIndex((g) => g.id === group.id) !== i)
      refuse('value-invalid', `peer group ${group.id} is listed twice`, `peerGroups[${i}].id`);
    for (const kind of group.kinds) {
      // A unit must be ranked in one group only, or it would have two ranks.
      const other = seen.get(kind);
      if (other !== undefined)
        refuse('value-invalid', `units of kind ${kind} are already in peer group ${other}`, `peerGroups[${i}].kinds`);
      seen.set(kind, group.id);
    }
  });
  return out;
}

function funnelSettings(value: unknown): RankingFunnelSettings {
  const item = record(value, 'funnel');
  const flagLevel = item.flagLevel;
  if (flagLevel !== 95 && flagLevel !== 99.8)
    refuse(
      'value-invalid',
      `funnel.flagLevel must be 95 or 99.8; got ${JSON.stringify(flagLevel)}`,
      'funnel.flagLevel',
    );
  return { minCases: wholeNumber(item.minCases, 'funnel.minCases', 1, 1_000_000), flagLevel };
}

/** The rule in a command, checked field by field (400 on the first bad one). */
export function validateRankingRule(command: Omit<AdoptRankingRule, 'type'>): RankingRule {
  if (typeof command.id !== 'string' || !ID.test(command.id))
    refuse('value-invalid', 'id must match ^[A-Za-z0-9_-]{1,64}$', 'id');
  return {
    id: command.id,
    version: wholeNumber(command.version, 'version', 1, 1_000_000),
    name: requiredText(command.name, 'name'),
    indicators: indicators(command.indicators),
    peerGroups: peerGroups(command.peerGroups),
    flagBottom:
      command.flagBottom === undefined ? 0 : wholeNumber(command.flagBottom, 'flagBottom', 0, MAX_FLAG_BOTTOM),
    // Only when asked for: a rule adopted without it keeps version 1's method and its event's bytes.
    ...(command.funnel === undefined ? {} : { funnel: funnelSettings(command.funnel) }),
  };
}

/**
 * Adopts a new version of a rule. Versions of one rule id follow each other
 * (1, 2, 3, …) so that "version 3" always names the same rule; the shipped
 * default is version 1 of `default`, so a city's own default starts at 2.
 */
export function adoptRankingRule(
  command: AdoptRankingRule,
  latestVersion: number | null,
  ctx: { readonly now: string },
): DomainEventOf<'RankingRuleAdopted'> {
  const rule = validateRankingRule(command);
  const previous =
    rule.id === DEFAULT_RULE_ID ? Math.max(latestVersion ?? 0, DEFAULT_RANKING_RULE.version) : (latestVersion ?? 0);
  if (rule.version !== previous + 1) {
    refuse(
      'rule-version-not-next',
      previous === 0
        ? `the first version of rule ${rule.id} is 1, not ${rule.version}`
        : `rule ${rule.id} is at version ${previous}; the next version is ${previous + 1}, not ${rule.version}`,
      'version',
    );
  }
  const { id, ...rest } = rule;
  // Adopted now, by the server's clock: a rule never reaches back into a month already begun.
  return domainEvent('RankingRuleAdopted', ctx.now, { ruleId: id, ...rest });
}

/** The latest adopted version of one rule id (`ranking-rule-<id>`), null before the first. */
export type RankingRuleState = { readonly latestVersion: number | null };

/**
 * A rule's versions, one stream per rule id. The event's time is `ctx.now`, the
 * server's clock, never the caller's: that is what stops a rule being back-dated
 * onto a month whose figures are already known.
 */
export const rankingRuleDecider: Decider<AdoptRankingRule, RankingRuleState, { readonly now: string }> = {
  initialState: { latestVersion: null },
  evolve: (state, event) =>
    event.type === 'RankingRuleAdopted' ? { latestVersion: (event.data as RankingRuleAdoptedData).version } : state,
  decide: (command, state, ctx) => [adoptRankingRule(command, state.latestVersion, ctx)],
};

/**
 * The first month a rule adopted on `adoptedOn` (business date) is in force for:
 * the month after. `ruleInForce` applies the same rule (adopted before the month began).
 */
export function rankingRuleInForceFrom(adoptedOn: LocalDate): string {
  return addMonths(firstDayOfMonth(adoptedOn), 1).slice(0, 7);
}

export function ruleFromEvent(data: RankingRuleAdoptedData): RankingRule {
  const { ruleId, ...rest } = data;
  return { id: ruleId, ...rest };
}

/** A rule version as adopted: when (business date) and where in the ledger. */
export interface AdoptedRule {
  readonly rule: RankingRule;
  readonly adoptedOn: LocalDate;
}

export interface RuleInForce {
  readonly rule: RankingRule;
  /** null for the shipped default. */
  readonly adoptedOn: LocalDate | null;
}

/**
 * The rule in force for a month: the latest adopted (in ledger order) on a day
 * before the month began, else the shipped default. A rule adopted on 1 April
 * first applies to May.
 */
/**
 * A rule version by its name: an adopted one first (a city may have adopted its
 * own version of an id), else a shipped default. Null when neither knows it.
 */
export function ruleByVersion(adopted: readonly AdoptedRule[], id: string, version: number): RuleInForce | null {
  const found = adopted.find((a) => a.rule.id === id && a.rule.version === version);
  if (found) return { rule: found.rule, adoptedOn: found.adoptedOn };
  const shipped = SHIPPED_RANKING_RULES.find((r) => r.id === id && r.version === version);
  return shipped ? { rule: shipped, adoptedOn: null } : null;
}

export function ruleInForce(adopted: readonly AdoptedRule[], month: Period): RuleInForce {
  let found: AdoptedRule | null = null;
  for (const candidate of adopted) if (compareDates(candidate.adoptedOn, month.from) < 0) found = candidate;
  return found ? { rule: found.rule, adoptedOn: found.adoptedOn } : { rule: DEFAULT_RANKING_RULE, adoptedOn: null };
}
