import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { computeRanking, explainRanking, RankingExplanation } from '@app/projections';
import { notFound } from '../../../http/problem';
import { ReadModels } from '../../../read-models/read-models.service';
import { parseReportPeriod, Reported, ReportPoints } from '../../report-point';
import { assertMayReadUnit } from '../../unit-access';
import { ExplainRankingQuery } from './explain-ranking.query';

@QueryHandler(ExplainRankingQuery)
export class ExplainRankingHandler implements IQueryHandler<ExplainRankingQuery, Reported<RankingExplanation>> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly points: ReportPoints,
  ) {}

  async execute({ month, unit, principal, asOf }: ExplainRankingQuery): Promise<Reported<RankingExplanation>> {
    const period = parseReportPeriod('ranking', month);
    const point = await this.points.at(asOf);
    assertMayReadUnit(principal, unit);
    const explanation = explainRanking(computeRanking(this.readModels.db, period, point), unit);
    if (!explanation) throw notFound(`no unit ${unit}`);
    return { point, body: explanation };
  }
}
