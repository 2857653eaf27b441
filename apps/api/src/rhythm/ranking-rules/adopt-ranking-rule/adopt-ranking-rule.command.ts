import { Command } from '@nestjs/cqrs';
import { WriteResult } from '../../../writes/ledger-writer';
import { WriteContext } from '../../../writes/write-context';
import { RankingRuleDto } from './adopt-ranking-rule.dto';

export interface AdoptRuleResult extends WriteResult {
  readonly version: number;
  /** The first month the version ranks (YYYY-MM): the month after the day of adoption. */
  readonly inForceFrom: string;
}

/** POST /ranking-rules (analyst): adopt the next version of a ranking rule. */
export class AdoptRankingRuleCommand extends Command<AdoptRuleResult> {
  constructor(
    readonly ctx: WriteContext,
    readonly body: RankingRuleDto,
  ) {
    super();
  }
}
