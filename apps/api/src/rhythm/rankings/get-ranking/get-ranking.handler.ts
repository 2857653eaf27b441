import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { computeRanking } from '@app/projections';
import { ReadModels } from '../../../read-models/read-models.service';
import { publicationStatus } from '../../publications/publication-status';
import { parseReportPeriod, Reported, ReportPoints } from '../../report-point';
import { GetRankingQuery, RankingAnswer } from './get-ranking.query';

/**
 * The monthly ranking: `computeRanking` (libs/projections) selects the month's facts
 * and its rule; `rankUnits` (libs/domain rhythm/ranking.ts) scores and orders them.
 */
@QueryHandler(GetRankingQuery)
export class GetRankingHandler implements IQueryHandler<GetRankingQuery, Reported<RankingAnswer>> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly points: ReportPoints,
  ) {}

  async execute({ month, asOf }: GetRankingQuery): Promise<Reported<RankingAnswer>> {
    const period = parseReportPeriod('ranking', month);
    const point = await this.points.at(asOf);
    const doc = computeRanking(this.readModels.db, period, point).document;
    const status = publicationStatus(this.readModels.db, 'ranking', period.id, point, doc);
    return { point, body: status ? { ...doc, published: status } : doc };
  }
}
