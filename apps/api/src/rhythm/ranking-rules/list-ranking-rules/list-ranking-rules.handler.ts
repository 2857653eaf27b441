import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DEFAULT_RANKING_RULE, rankingRuleInForceFrom, ruleInForce } from '@app/domain';
import { rulesKnownAt } from '@app/projections';
import { ReadModels } from '../../../read-models/read-models.service';
import { parseReportPeriod, Reported, ReportPoints } from '../../report-point';
import { ListRankingRulesQuery, RuleListing } from './list-ranking-rules.query';

@QueryHandler(ListRankingRulesQuery)
export class ListRankingRulesHandler implements IQueryHandler<ListRankingRulesQuery, Reported<RuleListing>> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly points: ReportPoints,
  ) {}

  async execute({ month: id, asOf }: ListRankingRulesQuery): Promise<Reported<RuleListing>> {
    const point = await this.points.at(asOf);
    const month = id === undefined ? undefined : parseReportPeriod('ranking', id);
    const adopted = rulesKnownAt(this.readModels.db, point.asOf);
    return {
      point,
      body: {
        asOf: point.asOf.toString(),
        default: DEFAULT_RANKING_RULE,
        adopted: adopted.map((a) => ({
          ...a.rule,
          adoptedAt: a.adoptedAt,
          adoptedOn: a.adoptedOn,
          position: a.position,
          inForceFrom: rankingRuleInForceFrom(a.adoptedOn),
        })),
        ...(month ? { inForce: { month: month.id, ...ruleInForce(adopted, month) } } : {}),
      },
    };
  }
}
