import { Query } from '@nestjs/cqrs';
import { RankingExplanation } from '@app/projections';
import { Principal } from '@app/security';
import { Reported } from '../../report-point';

/** GET /rankings/{month}/units/{code}/explanation: every indicator of a unit with the matters behind it. */
export class ExplainRankingQuery extends Query<Reported<RankingExplanation>> {
  constructor(
    readonly month: string,
    readonly unit: string,
    readonly principal: Principal,
    readonly asOf?: string,
  ) {
    super();
  }
}
