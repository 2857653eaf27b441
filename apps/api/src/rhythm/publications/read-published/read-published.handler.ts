import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { notFound } from '../../../http/problem';
import { ReadModels } from '../../../read-models/read-models.service';
import { parseReportPeriod, Reported, ReportPoints } from '../../report-point';
import { PeriodReports } from '../period-reports';
import { Published, publicationAt, publishedBytes, statusOf } from '../publication-status';
import { ReadPublishedQuery } from './read-published.query';

@QueryHandler(ReadPublishedQuery)
export class ReadPublishedHandler implements IQueryHandler<ReadPublishedQuery, Reported<Published>> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly points: ReportPoints,
    private readonly reports: PeriodReports,
  ) {}

  async execute({ kind, period: id, asOf }: ReadPublishedQuery): Promise<Reported<Published>> {
    const period = parseReportPeriod(kind, id);
    const point = await this.points.at(asOf);
    const found = publicationAt(this.readModels.db, kind, period.id, point);
    if (!found) throw notFound(`the ${kind} of ${period.id} has not been published`);
    const current = this.reports.compute(kind, period, point);
    return { point, body: { bytes: publishedBytes(found.data), status: statusOf(found.data, found.record, current) } };
  }
}
