import { Query } from '@nestjs/cqrs';
import { RankingRule, RuleInForce } from '@app/domain';
import { Reported } from '../../report-point';

export interface RuleListing {
  readonly asOf: string;
  readonly default: RankingRule;
  readonly adopted: readonly (RankingRule & {
    readonly adoptedAt: string;
    readonly adoptedOn: string;
    readonly position: string;
    readonly inForceFrom: string;
  })[];
  readonly inForce?: { readonly month: string } & RuleInForce;
}

/** GET /ranking-rules: the shipped default and every adopted version; with a month, the rule in force for it. */
export class ListRankingRulesQuery extends Query<Reported<RuleListing>> {
  constructor(
    readonly month?: string,
    readonly asOf?: string,
  ) {
    super();
  }
}
